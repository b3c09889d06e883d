"""A quantity as the module reports it, and the approximation word before a number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

__all__ = ["Mention", "Quantity", "approx"]


class Mention(Protocol):
    """What the selection rules read of a quantity (a `Quantity`, or a figure that carries the same)."""

    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None
    text: str
    start: int
    end: int
    approx: str | None = None
    low: float | None = None
    high: float | None = None

    def matches(self, value: float, rel_tol: float = 0.005) -> bool:
        """True when `value` is this quantity (within rel_tol), or inside its range."""
        if self.low is not None and self.high is not None and self.low <= value <= self.high:
            return True
        return abs(value - self.value) <= rel_tol * max(abs(self.value), 1e-9)


_APPROX = re.compile(
    r"(?i:\b(?P<a>about|around|approximately|approx\.|roughly|nearly|almost|some|more\s+than|over|"
    r"less\s+than|under|fewer\s+than|at\s+least|at\s+most|up\s+to|as\s+many\s+as|as\s+much\s+as|"
    r"as\s+few\s+as|as\s+little\s+as|close\s+to|upwards\s+of|in\s+excess\s+of|just\s+over|"
    r"just\s+under|well\s+over|an\s+estimated|estimated|below|above|exceeding|no\s+more\s+than|"
    r"no\s+fewer\s+than|no\s+less\s+than)|(?P<t>~))\s*$"
)


def approx(text: str, start: int) -> str | None:
    """The approximation before a number at `start` ("about", "more than", "up to"), or None."""
    m = _APPROX.search(text[max(0, start - 30) : start])
    if not m:
        return None
    return "about" if m["t"] else " ".join(m["a"].lower().split())
