"""Names glued to the next or previous line by scraping: "Ilhan OmarIlhan", "BombZabiullah Mujahid",
"Theresa MayVideo" (a line break lost between a heading, a caption or a link and the story).

    unglued(text, start, end) -> (start, end)   the name's span cut at a glue, its longest piece

A glue is a lowercase letter followed by a capitalised word that the text also writes on its own
("... Ilhan ...", "... Zabiullah ..."); "McDonald", "BlackRock" or "YouTube" are one word because
"Donald", "Rock" or "Tube" are not written alone (and a two-letter prefix, "Mc", "De", "Le", never
glues). WikiEvents texts glue every sentence to the next ("SyriaThe"), as LABELLING.md notes.
"""

from __future__ import annotations

import re

__all__ = ["unglued"]

_JOIN = re.compile(r"(?<=[A-Za-z][a-z]{2})(?=[A-Z][a-z]+)")


def _alone(text: str, word: str) -> bool:
    return re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", text) is not None


def unglued(text: str, start: int, end: int) -> tuple[int, int]:
    name = text[start:end]
    cuts = [m.start() for m in _JOIN.finditer(name)
            if _alone(text, re.match(r"[A-Z][a-z]+", name[m.start():]).group())]  # type: ignore[union-attr]
    if not cuts:
        return start, end
    bounds = [0, *cuts, len(name)]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if name[a:b].strip()]
    a, b = max(pieces, key=lambda p: len(name[p[0]:p[1]].strip()))
    piece = name[a:b]
    a += len(piece) - len(piece.lstrip())
    b -= len(piece) - len(piece.rstrip())
    return start + a, start + b
