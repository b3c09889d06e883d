"""Which spellings name one unit: `canonical_unit` reads a unit's name (from the text or a model)
and `units_agree` compares two."""

from __future__ import annotations

import re

from summarizer.candidates.figures.currencies import ALL_CODES, ALL_WORDS, LOCAL_SIGNS, NAMED
from summarizer.candidates.lexicon import (
    ABBREV_UNITS,
    DOLLAR_QUALIFIER,
    DOLLARS,
    ONE_LETTER_UNITS,
    PERCENT_NAMES,
    PERCENTAGE_POINT_NAMES,
    PREFIX_CURRENCY,
    singular,
)


def canonical_unit(unit: str | None) -> frozenset[str]:
    """The set of canonical names a unit may stand for (several for '$' and '¥'): an ISO 4217
    code, "percent", "percentage_point", or the unit spelled out, British spelling, singular
    ("km" -> "kilometre", "meters" -> "metre", "mph" -> "mile per hour")."""
    if unit is None:
        return frozenset()
    u = " ".join(unit.strip().split())
    low = u.lower()
    if low in ("", "-", "none", "null"):
        return frozenset()
    if low in PERCENT_NAMES:
        return frozenset({"percent"})
    if low in PERCENTAGE_POINT_NAMES:
        return frozenset({"percentage_point"})
    if u.upper() in ALL_CODES or low == "rmb":
        return frozenset({"CNY" if low == "rmb" else u.upper()})
    compact = u.replace(" ", "")
    if compact in LOCAL_SIGNS:
        return frozenset({LOCAL_SIGNS[compact]})
    if compact in PREFIX_CURRENCY and compact not in ("$", "Rs", "RM", "Rp"):
        return frozenset({PREFIX_CURRENCY[compact]} | ({"CNY"} if compact == "¥" else set()))
    if low in ("$", "dollar", "dollars"):
        return DOLLARS
    m = re.fullmatch(r"(.+?)\s+dollars?", low)
    if m and m[1] in DOLLAR_QUALIFIER:
        return frozenset({DOLLAR_QUALIFIER[m[1]]})
    if low in NAMED:
        return frozenset({NAMED[low]})
    if low in ALL_WORDS or low == "pound sterling":
        return frozenset({ALL_WORDS.get(low, "GBP")})
    if u in ONE_LETTER_UNITS:
        low = ONE_LETTER_UNITS[u]
    elif low in ABBREV_UNITS and len(low) > 1:
        low = ABBREV_UNITS[low]
    low = re.sub(r"^degrees? (celsius|fahrenheit|centigrade)$", r"\1", low)
    low = re.sub(r"(met|lit)er(s?)\b", r"\1re\2", low)  # US spelling: meter/liter -> metre/litre
    low = re.sub(r"-(?:old|long)$", "", low)  # "year-old" is an age in years
    return frozenset({" ".join(singular(w) for w in low.replace("-", " ").split())})


def units_agree(a: str | None, b: str | None) -> bool:
    """True when two unit spellings name the same unit.

    "percent" ~ "per cent" ~ "%"; "USD" ~ "US$" ~ "US dollars"; "dollars"/"$" ~ any dollar
    currency; "years" ~ "year"; "km" ~ "kilometres". Both None agree; None vs a unit does not.
    """
    ca, cb = canonical_unit(a), canonical_unit(b)
    if not ca or not cb:
        return not ca and not cb
    return bool(ca & cb)
