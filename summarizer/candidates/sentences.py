"""Sentences of the cleaned text, by punctuation and line breaks: (start, end) offsets.

The regex splitter the candidates kept where the parse is not at hand (the quotation finder, the
names' sentence starts): English abbreviations and initials do not end a sentence; CJK stops
need no space after them; a scraped line break ends one unless the line runs on.
"""

from __future__ import annotations

import re

from summarizer.candidates.lexicon import ABBREVIATIONS

__all__ = ["STARTERS", "sentence_spans"]

STARTERS = set(
    "The A An He She It They We I In On At But And This That These Those His Her Their Its Our There When "
    "While After Before As If So Yet However Meanwhile Mr Mrs Ms".split()
)  # fmt: skip
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")
_CJK_END = re.compile(r"[。！？]+[”」』）]*")  # CJK stops need no space after them
_NEWLINES = re.compile(r"\s*\n\s*")


def _is_boundary_after_period(text: str, end: int) -> bool:
    """A '.', '!' or '?' ending at `end` ends the sentence unless it closes an abbreviation."""
    nxt = re.compile(r"\s+[\"“‘'(\[]*(\S+)").match(text, end)
    if not nxt:
        return True
    word = nxt.group(1)
    if not (word[0].isupper() or word[0].isdigit()):
        return False
    mark = text[max(0, end - 40) : end].rstrip("\"”’')]")  # a window: whole-text slices are O(n²)
    if not mark.endswith("."):
        return True
    last = re.search(r"(\S+)\.$", mark)
    token = last.group(1).lstrip("(\"“‘'") if last else ""
    if re.fullmatch(r"[A-Z]", token):
        return False  # an initial: "J. K. Rowling"
    if token.lower() in ABBREVIATIONS:
        # "U.S." may end a sentence; the next word tells.
        return "." in token and word.strip("\"“‘'") in STARTERS
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets, trimmed of surrounding whitespace.

    Boundaries: . ! ? (with closing quotes) before a capital or digit, unless after an
    abbreviation (Mr., Feb., U.S., initials); and line breaks, unless the line ends with
    ',' '(' '-' or the next line starts in lower case (scraped text breaks lines mid-
    sentence: "since\\n\\nthe West hit Russia").
    """
    cuts = {0, len(text)}
    for m in _END.finditer(text):
        if _is_boundary_after_period(text, m.end()):
            cuts.add(m.end())
    cuts.update(m.end() for m in _CJK_END.finditer(text))
    for m in _NEWLINES.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()].rstrip()
        after = text[m.end() : m.end() + 1]
        if before and after and before[-1] not in ",;(-–—" and not after.islower():
            cuts.add(m.start())
    spans = []
    points = sorted(cuts)
    for a, b in zip(points, points[1:], strict=False):
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            start = a + len(chunk) - len(chunk.lstrip())
            spans.append((start, start + len(stripped)))
    return spans
