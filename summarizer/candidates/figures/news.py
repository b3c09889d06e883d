"""Which of an article's quantities are its figures: the facts it reports, each once.

Two rules, measured on the gold suite's tune half (LABELLING.md: "numeric facts that matter
to the story"):

* Direct speech is the speaker's, not the report's: a number inside quotation marks ("“My
  people had $20 billion done,” Mr. Trump recounted") is no figure of the article.
* A figure restated word for word in a later sentence is the same fact: the first mention
  stands for it ("raise up to $12.9bn" ... "could eventually raise up to $12.9bn"). Not
  percentages: rates recur for different measures ("a 15 percent tariff" on two lists of goods).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from summarizer.candidates.figures.context import sentence_start

_OPEN, _CLOSE = "“", "”"


class _Mention(Protocol):
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...


def in_direct_speech(text: str, pos: int) -> bool:
    """True when an opening quotation mark before `pos`, in its paragraph, is not closed yet."""
    para = text[text.rfind("\n", 0, pos) + 1 : pos]
    curly = para.count(_OPEN) - para.count(_CLOSE)
    return curly > 0 or para.count('"') % 2 == 1


def restated(text: str, q: _Mention, earlier: Sequence[_Mention]) -> bool:
    """The same value, unit and wording as a mention in an earlier sentence (not a percentage)."""
    if q.unit in (None, "percent", "percentage_point"):
        return False
    start = sentence_start(text, q.start)
    return any(e.start < start and e.value == q.value and e.unit == q.unit and e.text.lower() == q.text.lower()
               for e in earlier)
