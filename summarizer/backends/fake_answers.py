"""The fake backend's default answer: a plausible draft built from the prompt's candidates.

It lets the CLI, the web page and users' own tests run end to end with `--backend fake`,
offline and instantly. It reads the article and candidates that the extraction stage put
into the validation context, so its answer is grounded like a good model's would be.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.backends.base import CallRequest


def plausible_answer(request: CallRequest[Any]) -> dict[str, Any]:
    """An answer for whichever extraction task (`request.stage`) is asked."""
    ctx = request.context or {}
    article: str = ctx.get("article", "")
    if request.stage == "overview":
        first = _first_sentence(article)
        return {
            "headline": _words(first, 14)[:110] or "Untitled article",
            "summary": _words(article, 50)[:390] or "No text.",
            "event": {"what": _words(first, 25)[:190] or "Not stated.", "type": "report", "where": None},
        }
    if request.stage == "event_check":  # the re-ask for an event line that inverted the lead
        return {"what": _words(str(ctx.get("lead_clause", "")), 25)[:190] or "Not stated."}
    if request.stage == "actors":
        return _actors(ctx, article)
    if request.stage == "naive":  # the eval's naive baseline: one call, the whole schema
        first = _first_sentence(article)
        people = _actors(ctx, article)["participants"]
        return {"headline": _words(first, 14) or "Untitled", "summary": _words(article, 50) or "No text.",
                "participants": [{"name": p["name"]} for p in people], "positions": [], "figures": []}
    if request.stage == "notes":
        quotes, numbers = list(ctx.get("quotes") or []), list(ctx.get("numbers") or [])
        notes = {f"q{i}": _words(getattr(q, "text", ""), 8)[:78] or "states a view" for i, q in enumerate(quotes, 1)}
        notes |= {f"n{i}": _words(article[max(0, n.start - 40) : n.start], 5)[:48] or "a figure"
                  for i, n in enumerate(numbers, 1)}
        return notes
    return {}


def _actors(ctx: dict[str, Any], article: str) -> dict[str, Any]:
    from summarizer.candidates.names import find_names

    names = [n.text for n in sorted(find_names(article), key=lambda n: -n.count)[:6]]
    return {"participants": [{"name": n, "kind": "other", "role": "named in the article"} for n in names]}


def _first_sentence(text: str) -> str:
    body = next((line for line in text.splitlines() if len(line.split()) > 6), text)
    match = re.match(r"(.+?[.!?])(\s|$)", body)
    return match.group(1) if match else body


def _words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])
