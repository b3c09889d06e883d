"""Text that remembers where each of its characters came from.

Every character of a `TrackedText` carries the index of the raw-input character
it was copied from, or -1 when the cleaner made it up (a space put back between
glued sentences, a quote mark repaired from mojibake). Edits keep that record
up to date, so the finished clean text can be mapped back onto the raw input.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

INSERTED = -1

Replacement = str | Callable[[re.Match[str]], str]


@dataclass(frozen=True)
class TrackedText:
    text: str
    origin: tuple[int, ...]

    @classmethod
    def from_raw(cls, raw: str) -> TrackedText:
        return cls(raw, tuple(range(len(raw))))

    def splice(self, edits: Iterable[tuple[int, int, str]]) -> TrackedText:
        """Replace each `text[start:end]` by its string; edits must not overlap."""
        pieces: list[str] = []
        origins: list[int] = []
        cursor = 0
        for start, end, new in sorted(edits, key=lambda edit: edit[0]):
            if start < cursor:
                raise ValueError("overlapping edits")
            pieces.append(self.text[cursor:start])
            origins.extend(self.origin[cursor:start])
            pieces.append(new)
            origins.extend(_origin_of_replacement(self.text[start:end], self.origin[start:end], new))
            cursor = end
        pieces.append(self.text[cursor:])
        origins.extend(self.origin[cursor:])
        return TrackedText("".join(pieces), tuple(origins))

    def sub(self, pattern: re.Pattern[str], repl: Replacement) -> TrackedText:
        """`re.sub` that keeps the origin record."""
        edits = []
        for match in pattern.finditer(self.text):
            new = repl(match) if callable(repl) else match.expand(repl)
            if new != match.group(0):
                edits.append((match.start(), match.end(), new))
        return self.splice(edits) if edits else self

    def segments(self) -> list[tuple[int, int, int]]:
        """Runs `(clean_start, raw_start, length)` copied one-for-one from the raw input."""
        runs: list[tuple[int, int, int]] = []
        run_start = None
        for i, raw in enumerate(self.origin):
            continues = run_start is not None and raw != INSERTED and raw == self.origin[i - 1] + 1
            if continues:
                continue
            if run_start is not None:
                runs.append((run_start, self.origin[run_start], i - run_start))
            run_start = i if raw != INSERTED else None
        if run_start is not None:
            runs.append((run_start, self.origin[run_start], len(self.origin) - run_start))
        return runs


def _origin_of_replacement(old: str, old_origin: tuple[int, ...], new: str) -> list[int]:
    # A same-length swap (NBSP -> space) keeps its origins; otherwise only the
    # unchanged prefix and suffix do, and the middle counts as made up.
    if len(old) == len(new):
        return list(old_origin)
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < min(len(old), len(new)) - prefix
        and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]
    ):
        suffix += 1
    middle = len(new) - prefix - suffix
    tail = list(old_origin[len(old) - suffix :]) if suffix else []
    return list(old_origin[:prefix]) + [INSERTED] * middle + tail


def map_to_raw(segments: list[tuple[int, int, int]], start: int, end: int) -> tuple[int, int]:
    """Raw span covering the clean span `[start, end)`.

    Characters the cleaner made up have no raw twin: a span that begins or ends
    on one stretches to the raw text between its neighbours (a repaired
    mojibake quote maps to the three bytes it came from).
    """
    if not 0 <= start <= end:
        raise ValueError(f"bad span ({start}, {end})")
    if not segments:
        return (0, 0)
    starts = [seg[0] for seg in segments]
    raw_start = _raw_start(segments, starts, start)
    return raw_start, max(raw_start, _raw_end(segments, starts, end))


def _raw_start(segments: list[tuple[int, int, int]], starts: list[int], pos: int) -> int:
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0:
        clean_start, raw_start, length = segments[k]
        if pos < clean_start + length:
            return raw_start + pos - clean_start
        return raw_start + length  # in a gap: where the previous run ends
    return segments[0][1]


def _raw_end(segments: list[tuple[int, int, int]], starts: list[int], pos: int) -> int:
    k = bisect.bisect_right(starts, pos - 1) - 1
    if k >= 0:
        clean_start, raw_start, length = segments[k]
        if pos <= clean_start + length:
            return raw_start + pos - clean_start
        if k + 1 < len(segments):
            return segments[k + 1][1]  # in a gap: where the next run begins
        return raw_start + length
    return segments[0][1]
