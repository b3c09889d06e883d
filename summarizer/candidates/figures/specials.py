"""Figures without digits or a number word before a noun: "hour-long", "half of", "two-thirds
of", "dozens of"."""

from __future__ import annotations

import re

from summarizer.candidates.figures.exclusions import inside
from summarizer.candidates.figures.quantity import Quantity, approx
from summarizer.candidates.figures.units import noun_unit
from summarizer.candidates.figures.words import BASIC_WORD, FRACTION, FRACTIONS, VAGUE, VAGUE_BASE, number_word
from summarizer.candidates.lexicon import MEASURES, TIME_UNITS, plural, singular

__all__ = ["specials"]

_LONG = re.compile(rf"(?<![\w-])(?P<u>{'|'.join(TIME_UNITS)})-?long\b", re.IGNORECASE)
# A half after the unit: "a year and a half", "an hour and a half", "two miles and a half" (the
# number word "a" is no number of its own, so the scanner never sees these).
_UNIT_AND_A_HALF = re.compile(
    rf"(?<![\w-])(?P<n>(?i:an?|{BASIC_WORD}))\s+(?P<u>[a-z]+)\s+and\s+a\s+half\b(?![-‑])"
)
_NOT_BEFORE_FRACTION = re.compile(r"(?i:\b(?:the|first|second|third|fourth|final|last|other|latter|former|back)\s*)$")


def specials(text: str, excluded: list[tuple[int, int]]) -> list[Quantity]:
    """Figures without digits or number words: 'hour-long', 'half of', 'two-thirds of'."""
    out = []
    for m in FRACTION.finditer(text):
        if _NOT_BEFORE_FRACTION.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "the first half of 2023"
        article = re.match(r"\s+(?:an?|the)\b", text[m.end() :])  # "half a mile", "half the condos"
        # "half a mile" measures one; "half the condos" a plural, never "half the time"
        unit = None
        if article:
            plural_only = article.group().strip() == "the"
            unit = noun_unit(text, m.end() + article.end(), 2 if plural_only else 1)[0]
        value = FRACTIONS[" ".join(m["f"].lower().split())]
        out.append(Quantity(value, unit, m.group(), m.start(), m.end(), approx(text, m.start())))
    for m in VAGUE.finditer(text):
        words = m["v"].lower().split()
        low = VAGUE_BASE[words[0]] * (VAGUE_BASE[words[-1]] if len(words) > 1 else 1)
        unit = noun_unit(text, m.end() + 3, 2)[0]  # the noun after "of"
        out.append(Quantity(low, unit, m.group(), m.start(), m.end(), "about", low, low * 10))
    for m in _UNIT_AND_A_HALF.finditer(text):
        unit = singular(m["u"])
        if unit in MEASURES and not inside(excluded, m.start(), m.end()):
            value = number_word(m["n"]) + 0.5
            out.append(Quantity(value, plural(unit), m.group(), m.start(), m.end(), approx(text, m.start())))
    for m in _LONG.finditer(text):
        if not inside(excluded, m.start(), m.end()):
            out.append(Quantity(1.0, plural(m["u"]), m.group(), m.start(), m.end(), approx(text, m.start())))
    return out
