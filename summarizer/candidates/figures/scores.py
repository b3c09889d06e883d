"""A game's or tie's result is two figures, each side's count ("the Wild's 4-1 win" -> 4 goals and
1 goal), in the unit the story scores in.

LABELLING.md excludes dates, ordinals, identifiers and names, not results, and the gold suite
labels a result as two figures of the story's scoring noun ("the tie score is two figures (each
side's matches)"; a hockey game's, goals). Only a result the sentence calls one counts: before
"win", "victory", "defeat", "loss", "lead" ("a 2-1 win over Russia"). A bare pair stays a score
that is no figure: set scores ("6-4, 7-6 (5)"), a level tie ("1-1"), a clock or a vote.

The unit is the scoring noun the story uses most (goals, runs, matches, tries, wickets, frames,
points), at least twice; with none, no unit is known and the result is left out, as a single
sentence ("beat Charlton 2-1") gives NewsQuant no quantity either.
"""

from __future__ import annotations

import re
from collections import Counter

from summarizer.candidates.figures.quantity import Quantity

__all__ = ["results"]

_RESULT = re.compile(
    r"(?<![\d.,-])(?P<a>\d{1,3})[-–](?P<b>\d{1,3})(?![\d%-]|[.,]\d)"
    r"(?=\s+(?:home\s+|away\s+|road\s+|series\s+|aggregate\s+)?(?:win|victory|defeat|loss|lead|triumph|rout|upset)\b)"
)
_SCORING = re.compile(r"(?i)\b(goal|run|match|tr(?:y|ie)|wicket|frame|point)(?:e?s)?\b")
_PLURALS = {"goal": "goals", "run": "runs", "match": "matches", "try": "tries", "trie": "tries",
            "wicket": "wickets", "frame": "frames", "point": "points"}  # fmt: skip


def _scoring_unit(text: str) -> str | None:
    counts = Counter(m[1].lower() for m in _SCORING.finditer(text))
    best = counts.most_common(1)
    return _PLURALS[best[0][0]] if best and best[0][1] >= 2 else None


# The last of a run of set scores ("Kyrgios' 6-4, 6-4 win"): a match's sets, not the result.
_SET_BEFORE = re.compile(r"\d[-–]\d{1,2}(?:\s*\(\d+\))?,\s*$")


def results(text: str) -> list[Quantity]:
    """Each side's count in a result the text calls a win, loss or lead, as two quantities."""
    found = [m for m in _RESULT.finditer(text)
             if int(m["a"]) > int(m["b"]) and not _SET_BEFORE.search(text, max(0, m.start() - 16), m.start())]
    unit = _scoring_unit(text) if found else None
    if unit is None:
        return []
    out = []
    for m in found:
        out.append(Quantity(float(m["a"]), unit, m.group(), m.start(), m.end()))
        out.append(Quantity(float(m["b"]), unit, m.group(), m.start(), m.end()))
    return out

