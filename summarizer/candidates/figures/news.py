"""Which of an article's quantities are its figures: the facts it reports, each once.

Measured on the gold suite (LABELLING.md: "numeric facts that matter to the story"):

* A figure restated word for word in a later sentence is the same fact: the first mention
  stands for it ("raise up to $12.9bn" ... "could eventually raise up to $12.9bn"). Not
  percentages: rates recur for different measures ("a 15 percent tariff" on two lists of goods).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from summarizer.candidates.figures.context import sentence_start


class _Mention(Protocol):
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...


def restated(text: str, q: _Mention, earlier: Sequence[_Mention]) -> bool:
    """The same value, unit and wording as a mention in an earlier sentence (not a percentage)."""
    if q.unit in (None, "percent", "percentage_point"):
        return False
    start = sentence_start(text, q.start)
    return any(e.start < start and e.value == q.value and e.unit == q.unit and e.text.lower() == q.text.lower()
               for e in earlier)


# Tried and dropped: no figure inside direct speech ("“My people had $20 billion done,” Mr.
# Trump said"). It raised the gold tune half's figures F1 (0.704 -> 0.739) but lowered the check
# half's (0.674 without it, 0.656 with it): editors label the numbers speakers give as often as not.
