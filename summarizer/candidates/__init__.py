"""What code finds in an article before any model sees it: names, quotations, numbers, dates.

`find_candidates` is the stage's entry point; the finders live in the modules beside it
(`names`, `quotations`, `figures`, `dates`). Offsets are always into the text given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer.candidates.figures import Quantity, find_quantities
from summarizer.candidates.names import NameSpan, find_names, is_news_outlet
from summarizer.candidates.quotations import Quotation, find_quotations

__all__ = ["Candidates", "find_candidates", "QUOTE_CHARS", "MAX_QUOTES", "MAX_NUMBERS"]

QUOTE_CHARS = 600  # schema v1's bound on a quote; longer "quotes" are whole passages, not positions
MAX_QUOTES, MAX_NUMBERS = 8, 12


@dataclass
class Candidates:
    """What code found in one piece of text; offsets are relative to that text."""

    names: list[NameSpan] = field(default_factory=list)
    quotes: list[Quotation] = field(default_factory=list)
    numbers: list[Quantity] = field(default_factory=list)


def find_candidates(text: str) -> Candidates:
    """Names, plus the quotes and numbers worth a note: attributed statements and unit-bearing
    quantities, minus anaphoric counts ("the two countries" refers to parties, it is no figure)."""
    quotes = [q for q in find_quotations(text) if _position_like(q)]
    numbers = [n for n in find_quantities(text) if n.unit and not _anaphoric(text, n) and not _furniture(text, n)]
    return Candidates(find_names(text), quotes[:MAX_QUOTES], numbers[:MAX_NUMBERS])


def _position_like(q: Quotation) -> bool:
    # "Reuters reported ..." is the news itself, not somebody's stance.
    return (bool(q.speaker) and len(q.text.split()) >= 5 and len(q.text) <= QUOTE_CHARS
            and q.cue != "reported" and not is_news_outlet(q.speaker))


def _furniture(text: str, n: Quantity) -> bool:
    """A speaker's "one" ("one source said"), or a number in a ticker or table row: a line
    without a lowercase word ("HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%")."""
    if n.text.lower() in {"one", "a", "an"} and (
        re.match(r"(?:\s+[\w’'-]+){1,3}?,?\s+(?:said|says|told|who)\b", text[n.end :])
        or re.search(r"\b(?:said|says|told|according to)\s+$", text[max(0, n.start - 20) : n.start])
    ):
        return True  # "one source said", "said one source", "One community worker, who..."
    line_start, line_end = text.rfind("\n", 0, n.start) + 1, text.find("\n", n.end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return not re.search(r"\b[a-z]{3,}\b", line)


def _anaphoric(text: str, n: Quantity) -> bool:
    before = text[max(0, n.start - 12) : n.start].split()
    return bool(before) and before[-1].lower() in {"the", "these", "those", "both"} and n.text.isalpha()
