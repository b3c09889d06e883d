"""The fake backend's default answer: a plausible draft built from the prompt's candidates.

It lets the CLI, the web page and users' own tests run end to end with `--backend fake`,
offline and instantly. It reads the article and candidates that the extraction stage put
into the validation context, so its answer is grounded like a good model's would be.
"""

from __future__ import annotations

import re
from typing import Any

from .base import CallRequest


def plausible_answer(request: CallRequest[Any]) -> dict[str, Any]:
    ctx = request.context or {}
    article: str = ctx.get("article", "")
    quotes = list(ctx.get("quotes") or [])
    numbers = list(ctx.get("numbers") or [])
    names = [n.strip() for n in str(ctx.get("names_text", "")).split(";") if n.strip() and n.strip() != "(none)"]
    first = _first_sentence(article)
    participants = [{"name": n, "kind": "other", "role": "named in the article"} for n in names[:6]]
    holders = {p["name"] for p in participants}
    positions = []
    for i, q in enumerate(quotes[:4], 1):
        speaker = getattr(q, "speaker", None)
        if speaker and speaker not in holders:
            if len(participants) >= 10:
                continue
            participants.append({"name": speaker, "kind": "other", "role": "quoted"})
            holders.add(speaker)
        if speaker:
            positions.append({"q": i, "holder": speaker, "stance": _words(getattr(q, "text", ""), 10)})
    figures = [
        {"n": i, "measures": _words(article[max(0, n.start - 60) : n.start], 6) or "a figure in the article"}
        for i, n in enumerate(numbers[:6], 1)
        if getattr(n, "unit", None)
    ]
    return {
        "headline": _words(first, 14) or "Untitled article",
        "summary": _words(article, 50) or "No text.",
        "event": {"what": _words(first, 30) or "Not stated.", "type": "report", "when": None, "where": None},
        "participants": participants,
        "positions": positions,
        "figures": figures,
    }


def _first_sentence(text: str) -> str:
    body = next((line for line in text.splitlines() if len(line.split()) > 6), text)
    match = re.match(r"(.+?[.!?])(\s|$)", body)
    return match.group(1) if match else body


def _words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])
