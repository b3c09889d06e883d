"""When re-asks run out: keep what is valid in the last answer, drop the rest, say what went.

Each list item is validated on its own with the same context the validators saw, so one bad
figure id costs that figure, not the whole summary.
"""

from __future__ import annotations

import json
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from summarizer.extract.drafts import TASKS, LooseNotes

_ITEM_LISTS = {"participants"}


def salvage(task: str, last_response: str | None, context: dict[str, Any]) -> tuple[BaseModel | None, list[str]]:
    """A valid answer for `task` built from the valid parts of `last_response`, and a warning per dropped item."""
    model = TASKS[task]
    try:
        data = json.loads(last_response or "")
    except json.JSONDecodeError:
        return None, []
    if not isinstance(data, dict):
        return None, []
    if task == "notes":  # partial notes still help: grounding falls back item by item
        kept = {k: str(v)[:80] for k, v in data.items() if isinstance(v, str) and k[:1] in "qn" and k[1:].isdigit()}
        return LooseNotes(**kept), ["the model's notes did not match the candidates; "
                                    "some stances or measures are missing"]
    dropped: list[str] = []
    for key, field in model.model_fields.items():
        if key not in _ITEM_LISTS:
            continue
        item_model = typing.get_args(field.annotation)[0]  # list[X] -> X
        items: list[Any] = []
        for item in data.get(key) or []:
            try:
                items.append(item_model.model_validate(item, context=context))
            except ValidationError as exc:
                dropped.append(f"dropped {key[:-1]} {json.dumps(item)[:80]}: {_reason(exc)}")
        data[key] = items[: field.metadata[0].max_length if field.metadata else None]
    try:
        return model.model_validate(data, context=context), dropped
    except ValidationError:
        return None, dropped


def _reason(exc: ValidationError) -> str:
    return str(exc.errors()[0].get("msg", "invalid"))[:120]
