"""When re-asks run out: keep what is valid in the last answer, drop the rest, say what went.

Each list item is validated on its own with the same context the validators saw, so one bad
figure id costs that figure, not the whole summary.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from .extract import Candidates, Draft, DraftEvent, DraftFigure, DraftParticipant, DraftPosition
from .merge import same_entity

_ITEMS = {"participants": DraftParticipant, "positions": DraftPosition, "figures": DraftFigure}


def salvage_draft(last_response: str | None, c: Candidates) -> tuple[Draft | None, list[str]]:
    """A valid Draft built from the valid parts of `last_response`, and a warning per dropped item."""
    try:
        data = json.loads(last_response or "")
    except json.JSONDecodeError:
        return None, []
    if not isinstance(data, dict):
        return None, []
    context = {"quotes": c.quotes, "numbers": c.numbers}
    dropped: list[str] = []
    kept: dict[str, list[Any]] = {}
    for key, model in _ITEMS.items():
        kept[key] = []
        for item in data.get(key) or []:
            try:
                kept[key].append(model.model_validate(item, context=context))
            except ValidationError as exc:
                dropped.append(f"dropped {key[:-1]} {json.dumps(item)[:80]}: {_reason(exc)}")
    names = [p.name for p in kept["participants"]]
    for position in list(kept["positions"]):
        if not any(same_entity(position.holder, n) for n in names):
            kept["positions"].remove(position)
            dropped.append(f"dropped position Q{position.q}: holder {position.holder!r} is not a participant")
    try:
        event = DraftEvent.model_validate(data.get("event") or {})
        draft = Draft.model_construct(
            headline=str(data.get("headline") or "")[:160], summary=str(data.get("summary") or "")[:520],
            event=event, **kept,
        )
    except ValidationError:
        return None, dropped
    if not draft.headline:
        return None, dropped
    return draft, dropped


def _reason(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return str(first.get("msg", "invalid"))[:120]
