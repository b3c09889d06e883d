"""The scanner: numbers with sign, currency, scale, range and approximation -> `Quantity`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.candidates.figures.agree import units_agree
from summarizer.candidates.figures.context import age_in_apposition, counts_people, elided_unit, magnitude_before
from summarizer.candidates.figures.currencies import prefix_currency
from summarizer.candidates.figures.exclusions import excluded_spans, inside, labels_a_name, model_number
from summarizer.candidates.figures.news import restated
from summarizer.candidates.figures.quantity import Quantity, approx
from summarizer.candidates.figures.specials import specials
from summarizer.candidates.figures.units import (
    ORDER_WORDS,
    PERCENT,
    abbrev_unit,
    million_after,
    suffix_unit,
)
from summarizer.candidates.figures.words import BASIC_WORD, NUMBER, SCALE, SCALES, number

__all__ = ["Quantity", "all_quantities", "find_quantities", "parse_quantity"]


_RANGE_SEP = re.compile(r"\s?(?:-|–|—)\s?|\s+to[\s-]+")
_CURRENCY_SYMBOL = re.compile(r"(?:[A-Z]{0,2}\s?\$(?:US|A|NZ|HK|C|S)?|€|£|¥|RM|PS(?=\d))?")
_SHARE_SEP = re.compile(r"\s?(?:-|–|—)\s?|\s+(?:to|or|and)\s+")
_SIGN = re.compile(r"(?:[-−]|\b(?i:minus)[- ]?)$")
# Before the whole that a part is counted out of: "3 out of 4", "two of three", "12 of its last 15".
_WHOLE_BEFORE = re.compile(
    rf"(?i:\bout\s+of\s+|(?:\d|\b(?:{BASIC_WORD}))\s+of\s+(?:(?:the|its|their|his|her|our)\s+)?"
    rf"(?:(?:{ORDER_WORDS})\s+)?)$"
)
_SIGN_CONTEXT = re.compile(r"(?:^|[(\[]|\b(?i:to|at|of|by|was|is|hit|reached)\s|[$€£¥])$")


# A fraction after a whole number: "2 1/2 hours", "3½ years", "a 1 3/4-mile course".
_FRACTION_VALUES = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "1/3": 1 / 3, "2/3": 2 / 3, "½": 0.5, "¼": 0.25, "¾": 0.75,
                    "⅓": 1 / 3, "⅔": 2 / 3}  # fmt: skip
_MIXED_FRACTION = re.compile(r"\s?(?P<f>(?<=\s)(?:[13]/4|[12]/3|1/2)(?![\d/])|[½¼¾⅓⅔])")
# The same written out: "two and a half years", "one and a half times", "3 and a half million".
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b(?![-‑])")


@dataclass
class _Core:
    """One number with its sign, currency and scale, before range and unit decisions."""

    start: int
    end: int
    value: float
    mantissa: float
    scaled: bool
    word: bool
    currency: str | None


def _sign_start(text: str, start: int) -> int | None:
    """Where a minus sign before the number starts: "minus 5", "to -5", "(-5)", "$-50.8bn".
    A hyphen after other words is punctuation ("Covid -19", "then - 18")."""
    sign = _SIGN.search(text[max(0, start - 6) : start])
    if not sign:
        return None
    at = start - len(sign.group())
    if sign.group()[0] in "-−" and not _SIGN_CONTEXT.search(text[max(0, at - 8) : at]):
        return None
    return at


def _core(text: str, m: re.Match[str]) -> _Core:
    mantissa = number(m)
    value, start, end, scaled = mantissa, m.start(), m.end(), False
    sign_at = None if m["w"] else _sign_start(text, start)
    if sign_at is not None:
        value, mantissa, start = -value, -mantissa, sign_at
    frac = _MIXED_FRACTION.match(text, end) if m["d"] and m["d"].isdigit() else None
    if frac:  # "2 1/2 hours", "3½ years": the fraction adds to the whole number
        value = mantissa = mantissa + _FRACTION_VALUES[frac["f"]]
        end = frac.end()
    half = _AND_A_HALF.match(text, end) if not frac and (not m["w"] or m["w"].lower() not in ("a", "an")) else None
    if half:
        value = mantissa = value + (0.5 if value >= 0 else -0.5)
        end = half.end()
    pre = prefix_currency(text, start)
    currency = None
    if pre:
        start, currency = pre
    scale = SCALE.match(text, end)
    if scale:
        word = scale["s"]
        if word in ("m", "b") and currency is None:
            ok = word == "m" and not scale["sp"] and million_after(text, scale.end())
        else:
            spaced_k = word.lower() == "k" and scale["sp"]
            ok = not spaced_k and not (word in ("B", "M") and scale["sp"] and currency is None)
        if ok:
            value, end, scaled = value * SCALES[word.lower()], scale.end(), True
    return _Core(start, end, value, mantissa, scaled, bool(m["w"]), currency)


def _glued(text: str, m: re.Match[str]) -> bool:
    """Digits glued to letters are names or ordinals: G20, Covid-19, F-16, 5G, 2nd, 24/7."""
    if m["w"]:
        return False
    before = text[max(0, m.start() - 2) : m.start()]
    if _sign_start(text, m.start()) is not None:
        return False  # "minus-1.4"
    if before[-1:].isalpha() or (before[-1:] in "-‑" and before[:1].isalpha()):
        return True
    if re.search(r"\b[A-Z][A-Za-z]*\s[-‑]$", text[max(0, m.start() - 12) : m.start()]):
        return True  # "COVID -19", "F -16": a name's number with a stray space
    after = text[m.end() : m.end() + 1]
    unit_follows = SCALE.match(text, m.end()) or abbrev_unit(text, m.end()) or PERCENT.match(text, m.end())
    if after.isalpha() and not unit_follows:
        return True
    # Versions, fractions, clock readings, scientific notation: 1.2.3, 24/7, 2:1, 1.99×10
    return bool(re.match(r"[./:×x]\d", text[m.end() : m.end() + 2]) or re.search(r"\d[/:×]$", before))


# --- parsing ----------------------------------------------------------------------------


def _after_symbol(text: str, pos: int) -> int:
    """Where a second number may start: after an optional currency symbol ("$5-$7bn")."""
    sym = _CURRENCY_SYMBOL.match(text, pos)
    return sym.end() if sym else pos  # the pattern is optional, so it always matches


def _second_number(text: str, pos: int, between: bool, change: bool) -> tuple[_Core, re.Match[str]] | None:
    """The other end of a range starting at `pos`: "-15", " to 7 million", " and 7". After a
    change ("rose by $43.6bn to $419.2bn") "to" gives the new level, not a range's end."""
    sep = (re.compile(r"\s+(?:and|to)\s+") if between else _RANGE_SEP).match(text, pos)
    if not sep or (change and "to" in sep.group()):
        return None
    m2 = NUMBER.match(text, _after_symbol(text, sep.end()))
    if m2 is None:
        return None
    return _core(text, m2), m2


def _range(text: str, first: _Core, unit_end: int, unit: str | None) -> tuple[float, float, int, str | None] | None:
    """(low, high, end, unit) for "10-15 per cent", "5% and 6%", "$5-$7bn", or None."""
    before = text[max(0, first.start - 12) : first.start]
    between = bool(re.search(r"(?i:\bbetween\s*)$", before))
    change = bool(re.search(r"(?i:\bby\s*)$", before))
    for pos in dict.fromkeys((first.end, unit_end)):
        found = _second_number(text, pos, between, change)
        if not found:
            continue
        second, m2 = found
        unit2: str | None
        if second.currency:
            unit2, end2 = second.currency, second.end
        else:
            unit2, end2, _ = suffix_unit(text, second.end, second.value)
        if pos == unit_end and pos != first.end and not units_agree(unit, unit2):
            continue  # "5% to 7 people" is not a range
        low = first.value
        if second.scaled and not first.scaled and abs(first.value) < abs(second.mantissa):
            low = first.value * (second.value / second.mantissa)  # "5-7 million": the scale is shared
        if low < second.value:
            return low, second.value, end2, unit or unit2
        return None  # "2-1" is a score; "from 4.8 to 4.7" a change
    return None


def _shared_unit(text: str, end: int, lenient: bool) -> str | None:
    """"eight or nine euros", "from 4.8 to 4.7 percent": the unit written once, for both."""
    sep = _SHARE_SEP.match(text, end)
    m2 = NUMBER.match(text, _after_symbol(text, sep.end())) if sep else None
    if m2 is None:
        return None
    core = _core(text, m2)
    if core.currency:
        return core.currency
    unit, _, strong = suffix_unit(text, core.end, core.value)
    return unit if strong or lenient or unit else None


def _quantity(text: str, m: re.Match[str], lenient: bool, before: list[Quantity]) -> Quantity | None:
    first = _core(text, m)
    value, end, low, high = first.value, first.end, None, None
    unit, strong = first.currency, first.currency is not None
    if unit is None:
        unit, end, strong = suffix_unit(text, first.end, first.value)
    rng = _range(text, first, end, unit)
    if rng:
        value, low, high = rng[0], rng[0], rng[1]
        end, unit, strong = max(end, rng[2]), rng[3], strong or rng[3] is not None
    elif unit is None:
        unit = _shared_unit(text, end, lenient)
        strong = unit is not None
    if unit is None and first.currency is None:
        if magnitude_before(text, m):
            unit, strong = "magnitude", True
        elif age_in_apposition(text, m) or counts_people(text, m, end):
            unit, strong = ("years" if age_in_apposition(text, m) else "people"), True
        else:
            unit, strong = elided_unit(text, m, end, before), False
    if unit is None and first.word and not first.scaled and not lenient:
        return None  # "the two have expanded ties": a pronoun, not a figure
    if first.currency is None and model_number(text, m):
        return None
    if _WHOLE_BEFORE.search(text[max(0, first.start - 32) : first.start]):
        return None  # "3 out of 4 people", "two of three requirements": the whole a share is of, not a figure
    if not (strong or first.scaled) and labels_a_name(text, m, unit):
        return None
    return Quantity(value, unit, text[first.start : end], first.start, end, approx(text, first.start), low, high)


def _scan(text: str, lenient: bool) -> list[Quantity]:
    excluded = excluded_spans(text)
    out = specials(text, excluded)
    taken = [(q.start, q.end) for q in out]
    pos = 0
    for m in NUMBER.finditer(text):
        if m.start() < pos or inside(excluded + taken, m.start(), m.end()):
            continue
        if _glued(text, m) and not prefix_currency(text, m.start()):  # "RM5" is money
            continue
        q = _quantity(text, m, lenient, sorted(out, key=lambda q: q.start))
        if q is not None:
            out.append(q)
            pos = q.end
    return sorted(out, key=lambda q: q.start)


# --- public API -------------------------------------------------------------------------


def find_quantities(text: str) -> list[Quantity]:
    """The article's figures in `text`, in order, with offsets into `text`: every numeric
    mention (`all_quantities`) but word-for-word restatements (`news`)."""
    found = all_quantities(text)
    return [q for i, q in enumerate(found) if not restated(text, q, found[:i])]


def all_quantities(text: str) -> list[Quantity]:
    """Every numeric mention in `text`, in order, with offsets into `text`."""
    return _scan(text, lenient=False)


def parse_quantity(span: str) -> Quantity | None:
    """The main quantity of a short span (e.g. a model's figure text): the first with a unit.

    Lenient where find_quantities is strict: a bare number word ("two") counts here.
    """
    found = _scan(span, lenient=True)
    return next((q for q in found if q.unit), found[0]) if found else None


