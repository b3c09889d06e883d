"""Deterministic numbers: every quantity the article states, with its unit and offsets.

The model is asked to copy figures; this module is what we check them against. The parser
is a set of small regular-expression rules (no ML, no I/O), chosen after measuring the
libraries: quantulum3 took seconds to load, tagged "Feb 8" as 8 and "2023" as a quantity,
and read "S$323.6 billion" as dimensionless; price-parser reads the amount and symbol but
not "billion". Neither was worth a dependency.

Decisions, so the pipeline can rely on them:

* value has the scale applied ("US$240.1 billion" -> 240100000000.0); a range keeps the low
  end in `value` and both ends in `low`/`high` (see `Quantity.matches`).
* unit: ISO 4217 for money ("$" alone and "dollars" read as USD); "percent"; "percentage_point";
  a known abbreviation spelled out ("km" -> "kilometres"); else the plural noun that follows
  ("three soldiers" -> "soldiers", "one hour" -> "hours"); else None.
* text: the number as written, with currency, scale and percent words, and a hyphenated
  noun ("20-year-old", "hour-long"); a noun after a space is the unit, not the text
  ("three soldiers" -> "three").
* Durations ARE quantities ("over the past two years" -> 2 years). Calendar dates, years,
  times of day, ordinals, phone numbers and numbers inside names ("G20", "Covid-19",
  "F-16", "Power of Siberia 2", "flight 370") are not.
* Number words count only with a unit ("three soldiers", "two million"): a bare "the two"
  is a pronoun. Vague plurals are ranges from one to ten of their kind, approx "about"
  ("dozens of people" -> 12..120 people; "tens of thousands of" -> 10,000..100,000).
* "A to B", "A-B", "between A and B", "from A to B" with A < B are one range. When B < A
  ("fell from 4.8 to 4.7 percent") they are two quantities sharing the unit written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.candidates.dates import find_date_mentions

__all__ = ["Quantity", "find_quantities", "parse_quantity", "units_agree", "canonical_unit"]


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


# --- vocabulary -------------------------------------------------------------------------

_PREFIX_CURRENCY = {
    "US$": "USD", "U.S.$": "USD", "US $": "USD", "S$": "SGD", "HK$": "HKD", "A$": "AUD", "AU$": "AUD",
    "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "NT$": "TWD", "R$": "BRL", "$": "USD", "€": "EUR",
    "£": "GBP", "¥": "JPY", "₹": "INR", "Rs.": "INR", "Rs": "INR", "₩": "KRW", "₽": "RUB", "₪": "ILS",
    "RM": "MYR", "Rp": "IDR", "₱": "PHP", "฿": "THB", "₫": "VND", "RMB": "CNY",
}  # fmt: skip
_CODES = {
    "USD", "SGD", "EUR", "GBP", "JPY", "CNY", "HKD", "AUD", "CAD", "NZD", "CHF", "INR", "KRW", "MYR",
    "IDR", "THB", "PHP", "VND", "RUB", "ILS", "TWD", "BRL", "ZAR", "SEK", "NOK", "DKK", "MXN", "AED",
    "SAR", "TRY", "PLN",
}  # fmt: skip
_DOLLAR_QUALIFIER = {
    "us": "USD", "u.s.": "USD", "american": "USD", "singapore": "SGD", "hong kong": "HKD",
    "australian": "AUD", "canadian": "CAD", "new zealand": "NZD", "taiwan": "TWD",
}  # fmt: skip
_CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "sterling": "GBP", "pounds sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "ringgit": "MYR", "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "shekel": "ILS", "shekels": "ILS", "baht": "THB", "rupiah": "IDR",
    "dirham": "AED", "dirhams": "AED", "rand": "ZAR",
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
_ABBREV_UNITS = {
    "km": "kilometres", "kms": "kilometres", "m": "metres", "cm": "centimetres", "mm": "millimetres",
    "mi": "miles", "ft": "feet", "sq ft": "square feet", "sqm": "square metres", "sq m": "square metres",
    "sq km": "square kilometres", "sq mi": "square miles", "sqft": "square feet", "kg": "kilograms",
    "g": "grams", "mg": "milligrams", "lb": "pounds", "lbs": "pounds", "oz": "ounces", "t": "tonnes",
    "mph": "miles per hour", "km/h": "kilometres per hour", "kph": "kilometres per hour", "hp": "horsepower",
    "bhp": "brake horsepower", "kw": "kilowatts", "mw": "megawatts", "gw": "gigawatts", "kwh": "kilowatt hours",
    "mwh": "megawatt hours", "gwh": "gigawatt hours", "w": "watts", "v": "volts", "kv": "kilovolts",
    "mah": "milliampere hours", "hz": "hertz", "ghz": "gigahertz", "mhz": "megahertz", "gb": "gigabytes",
    "tb": "terabytes", "mb": "megabytes", "ppm": "parts per million", "ppb": "parts per billion",
    "rpm": "revolutions per minute", "mpg": "miles per gallon", "m.p.h.": "miles per hour", "lb-ft": "pound-feet", "°c": "degrees celsius",
    "°f": "degrees fahrenheit", "nm": "nanometres", "μm": "micrometres", "l": "litres", "ml": "millilitres",
    "bps": "basis points", "hrs": "hours", "mins": "minutes", "secs": "seconds", "yrs": "years",
}  # fmt: skip
_TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century")
# Measurement nouns, which also count in the singular ("a 40 yard dash", "a 5.2 litre engine").
_MEASURES = set(_TIME_UNITS) | set(
    "metre meter kilometre kilometer centimetre centimeter millimetre millimeter nanometre nanometer mile "
    "yard foot feet inch litre liter millilitre milliliter gallon pound ounce gram kilogram milligram tonne "
    "ton watt kilowatt megawatt gigawatt volt kilovolt hertz gigahertz degree acre hectare horsepower "
    "calorie byte kilobyte megabyte gigabyte terabyte barrel knot".split()
)  # fmt: skip
_RATE_WORDS = set(_TIME_UNITS) | set(
    "capita person head share barrel gallon litre liter ounce gram kilogram tonne ton thousand million billion".split()
)
_IRREGULAR_PLURALS = {"person": "people", "man": "men", "woman": "women", "child": "children", "foot": "feet",
                      "century": "centuries", "staff": "staff", "police": "police", "personnel": "personnel"}
_PLURAL_ONLY = {"people", "men", "women", "children", "staff", "police", "personnel", "cattle", "aircraft", "feet", "troops", "crew"}

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE = {w: i for i, w in enumerate(_ONES)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)} | {"a": 1, "an": 1, "dozen": 12}
_FRACTIONS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "one-half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
              "one-third": 1 / 3, "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
              "one-quarter": 0.25, "a fourth": 0.25, "one fourth": 0.25, "three-quarters": 0.75,
              "three quarters": 0.75, "three fourths": 0.75, "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1}

# Words after a number that end the search for its noun: function words, verbs, adverbs.
_STOP = set(
    "a an the of in on at to for from by with and or but nor as was were is are be been being has have had "
    "will would could should can may might must do does did this that these those it its they them their he "
    "his she her we our you your i who whom which what when where while after before since until during "
    "over under between among into out up down off per than so too very also only just each both all any "
    "some such more most less least other others another about around against across through via ago "
    "earlier later last next then there here not no yes if whereas unless thus plus us always perhaps "
    "respectively apiece each versus vs".split()
)  # fmt: skip

# --- regular expressions ----------------------------------------------------------------

_BASIC_WORD = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[1:10])}))?|{'|'.join(sorted(_ONES, key=len, reverse=True))})"
_WORD_NUM = (
    rf"(?:(?:{_BASIC_WORD}|a)\s+hundred(?:\s+(?:and\s+)?{_BASIC_WORD})?"
    rf"|(?:{_BASIC_WORD}|a|half\s+a)\s+dozen"
    rf"|{_BASIC_WORD}"
    rf"|an?(?=\s+(?:thousand|million|billion|trillion)\b))"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# Letters may touch digits here ("USD10m", "RM5"); _glued() sorts names from money later.
_NUMBER = re.compile(rf"(?<![\d.,_])(?:(?P<d>{_DIGITS})|\b(?P<w>(?i:{_WORD_NUM}))\b)")
_SCALE = re.compile(
    r"(?P<sp>\s?)(?P<s>(?i:thousand|million|billion|trillion|lakh|crore)|[kK]|mn|mln|[bB]n|bln|tn|trn|[mM]|[bB])(?![\w$€£¥])"
)
_PREFIX = re.compile(
    r"(?:(?<![A-Za-z])(?P<code>" + "|".join(sorted(_CODES | {"RMB"})) + r")\s?"
    r"|(?P<sym>US\s?\$|U\.S\.\$|(?<![A-Za-z])(?:S|HK|AU?|CA?|NZ|NT|R)\s?\$|\$|€|£|¥|₹|₩|₽|₪|₱|฿|₫"
    r"|(?<![A-Za-z])(?:Rs\.?|RM|Rp))\s?)$"
)
_PERCENT = re.compile(
    r"(?P<pp>\s*(?i:percentage|per\s?cent(?:age)?)[- ]points?\b|\s?(?:pp|ppts?)\b)"
    r"|(?P<pct>\s?%|\s*(?i:per\s?cent|percent|pct)\b)"
)
_CUR_SUFFIX = re.compile(
    r"\s+(?:(?P<q>US|U\.S\.|American|Singapore|Hong\s+Kong|Australian|Canadian|New\s+Zealand|Taiwan)\s+)?"
    r"(?P<dollar>dollars?)\b"
    r"|\s+(?:(?-i:[A-Z][a-z]+)\s+)?(?P<word>" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + r")\b"
    r"|\s?(?-i:(?P<code>" + "|".join(sorted(_CODES)) + r"))\b",
    re.IGNORECASE,
)
_ABBREV = re.compile(
    r"(?P<sp>\s?)(?P<u>" + "|".join(re.escape(u) for u in sorted(_ABBREV_UNITS, key=len, reverse=True)) + r"|L)(?![\w/])",
    re.IGNORECASE,
)
# One-letter symbols are case-sensitive ("5G" is a network, not grams) and must touch the number.
_ONE_LETTER_UNITS = {"m": "metres", "g": "grams", "t": "tonnes", "l": "litres", "L": "litres", "W": "watts", "V": "volts"}
_HYPHEN_NOUN = re.compile(r"-(?P<n>[a-z]+)(?:-(?P<tail>old|long|high|wide|deep|tall|strong))?\b")
_RANGE_SEP = re.compile(r"\s?(?:-|–|—)\s?|\s+to[\s-]+")
_CURRENCY_SYMBOL = re.compile(r"(?:[A-Z]{0,2}\s?\$|€|£|¥|RM)?")
_SHARE_SEP = re.compile(r"\s?(?:-|–|—)\s?|\s+(?:to|or|and)\s+")
_SIGN = re.compile(r"(?:[-−]|\b(?i:minus)[- ]?)$")
_SIGN_CONTEXT = re.compile(r"(?:^|[(\[]|\b(?i:to|at|of|by|was|is|hit|reached)\s|[$€£¥])$")
_NEXT_WORD = re.compile(r"\s+(?P<w>[A-Za-z][A-Za-z’'-]*)")
_APPROX = re.compile(
    r"(?i:\b(?P<a>about|around|approximately|approx\.|roughly|nearly|almost|some|more\s+than|over|"
    r"less\s+than|under|fewer\s+than|at\s+least|at\s+most|up\s+to|as\s+many\s+as|as\s+much\s+as|"
    r"as\s+few\s+as|as\s+little\s+as|close\s+to|upwards\s+of|in\s+excess\s+of|just\s+over|"
    r"just\s+under|well\s+over|an\s+estimated|estimated|below|above|exceeding|no\s+more\s+than|"
    r"no\s+fewer\s+than|no\s+less\s+than)|(?P<t>~))\s*$"
)
_LONG = re.compile(rf"(?<![\w-])(?P<u>{'|'.join(_TIME_UNITS)})-?long\b", re.IGNORECASE)
_FRACTION = re.compile(
    r"(?<![\w-])(?P<f>(?i:" + "|".join(sorted(_FRACTIONS, key=len, reverse=True)) + r"))(?=\s+(?:of|an?|the)\b)"
)
_VAGUE = re.compile(
    r"\b(?P<v>(?i:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|scores|hundreds|thousands|millions|billions))"
    r"(?=\s+of\b)"
)
_VAGUE_BASE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "tens": 10}
_NOT_BEFORE_FRACTION = re.compile(r"(?i:\b(?:the|first|second|third|fourth|final|last|other|latter|former|back)\s*)$")
# Spans that hold digits but no quantity.
_TIMES = re.compile(
    r"(?i:\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w)|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{4}\s*(?:GMT|UTC|hrs)\b)"
)
_PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,3}"
    r"|(?<![\d,.])\d{3,4}(?:[\s.-]\d{3,4}){2,3}(?![\d,])"
    r"|(?<![\d,.])\d{4}\s\d{4}(?![\d,]))"
)
_SCORE = re.compile(r"(?<![\d.,-])(\d{1,2})[-–](\d{1,2})(?![\d.,%-])")
_PHONE_CUE = re.compile(r"(?i:\b(?:tel|call|phone|hotline|fax|contact|whatsapp|sms|text)\b\W{0,3}$)")
_LABEL_BEFORE = re.compile(
    r"(?i:\b(?:no\.?|nos\.|number|flight|route|gate|platform|room|chapter|section|article|page|line|bus|"
    r"channel|version|level|phase|grade|episode|round|stage|act|lot|code|exit|pier|terminal|tel|#)\s*)$"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“‘(]\s*)$")


# --- helpers ----------------------------------------------------------------------------


def _word_number(words: str) -> float:
    """'twenty-five' -> 25, 'two hundred and five' -> 205, 'half a dozen' -> 6, 'a' -> 1."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t != "and"]
    if tokens[:2] == ["half", "a"]:
        return 0.5 * _word_number(" ".join(tokens[2:]))
    total = 0.0
    for tok in tokens:
        if tok in ("hundred", "dozen"):
            total = (total or 1) * (100 if tok == "hundred" else 12)
        else:
            total += _WORD_VALUE[tok]
    return total


def _number(m: re.Match[str]) -> float:
    return float(m["d"].replace(",", "")) if m["d"] else _word_number(m["w"])


def _pluralise(noun: str) -> str:
    low = noun.lower()
    if low in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[low]
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return low[:-1] + "ies"
    if low.endswith(("s", "x", "ch", "sh")):
        return low + "es"
    return low + "s"


def _singular(word: str) -> str:
    w = word.lower()
    irregular = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot"}
    if w in irregular:
        return irregular[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _is_plural_noun(word: str) -> bool:
    low = word.lower()
    if low in _PLURAL_ONLY:
        return True
    if low.endswith("men") and len(low) > 5:
        return True  # fishermen, servicemen
    return len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is", "’s", "'s")) and low not in _STOP


_SKIPPABLE = {"more", "other", "additional", "new", "extra", "further", "fewer"}


def _measure_tail(text: str, pos: int, unit: str) -> tuple[str, int]:
    """Compound measures: "degrees celsius", "miles per hour", "hours a week"."""
    if unit == "degrees":
        m = re.compile(r"\s+(?P<w>(?i:celsius|fahrenheit|centigrade))\b").match(text, pos)
        if m:
            return f"degrees {m['w'].lower()}", m.end()
    m = re.compile(r"\s+(?:per|a|an)\s+(?P<w>[a-z]+)\b").match(text, pos)
    if m and m["w"] in _RATE_WORDS:
        return f"{unit} per {m['w']}", m.end()
    return unit, pos


def _noun_unit(text: str, pos: int, value: float) -> tuple[str | None, bool]:
    """The noun a number counts ("2,000 people", "250 more Russian soldiers") and whether it
    is a measurement (strong) rather than any plural noun (weak)."""
    for i in range(3):
        m = _NEXT_WORD.match(text, pos)
        if not m:
            return None, False
        word, low = m["w"], m["w"].lower()
        pos = m.end()
        age = re.fullmatch(rf"({'|'.join(_TIME_UNITS)})-(?:old|long)", low)
        if i == 0 and (low in _MEASURES or _singular(low) in _MEASURES or age):
            unit = _pluralise(age[1]) if age else (low if _is_plural_noun(low) else _pluralise(low))
            return _measure_tail(text, pos, unit)[0], True
        if i == 0 and low in ("square", "cubic"):
            nxt = _NEXT_WORD.match(text, pos)
            if nxt and _singular(nxt["w"].lower()) in _MEASURES:
                return f"{low} {nxt['w'].lower()}", True
        if re.fullmatch(r"[A-Z]{2,}s", word):
            return word, False  # "2 TDs", "30 MPs"
        if low in _SKIPPABLE or (word[0].isupper() and low not in _STOP):
            continue  # adjectives and demonyms: "more Russian soldiers"
        if low in _STOP:
            return None, False
        if _is_plural_noun(word):
            return _measure_tail(text, pos, low)[0], False
        if i == 0 and value == 1 and "-" not in low:
            return _pluralise(low), False  # "one solution"
    return None, False


def _prefix_currency(text: str, start: int) -> tuple[int, str] | None:
    m = _PREFIX.search(text[max(0, start - 8) : start])
    if not m:
        return None
    begin = start - len(m.group())
    if m["code"]:
        return begin, "CNY" if m["code"] == "RMB" else m["code"]
    return begin, _PREFIX_CURRENCY[re.sub(r"\s", "", m["sym"])]


def _suffix_currency(m: re.Match[str]) -> str:
    if m["dollar"]:
        return _DOLLAR_QUALIFIER.get(re.sub(r"\s+", " ", (m["q"] or "us").lower()), "USD")
    if m["word"]:
        return _CURRENCY_WORDS[m["word"].lower()]
    return m["code"]


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


def _million_m(text: str, pos: int) -> bool:
    """Lower-case "m" without a currency: million before "of"/a counted noun ("35m of its
    devices", "2m people"), metres otherwise ("a 100m sprint")."""
    if re.compile(r"\s+of\b").match(text, pos):
        return True
    unit, strong = _noun_unit(text, pos, 2)
    return unit is not None and not strong


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
    mantissa = _number(m)
    value, start, end, scaled = mantissa, m.start(), m.end(), False
    sign_at = None if m["w"] else _sign_start(text, start)
    if sign_at is not None:
        value, mantissa, start = -value, -mantissa, sign_at
    pre = _prefix_currency(text, start)
    currency = None
    if pre:
        start, currency = pre
    scale = _SCALE.match(text, end)
    if scale:
        word = scale["s"]
        if word in ("m", "b") and currency is None:
            ok = word == "m" and not scale["sp"] and _million_m(text, scale.end())
        else:
            ok = not (word.lower() == "k" and scale["sp"]) and not (word in ("B", "M") and scale["sp"] and currency is None)
        if ok:
            value, end, scaled = value * _SCALES[word.lower()], scale.end(), True
    return _Core(start, end, value, mantissa, scaled, bool(m["w"]), currency)


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans holding digits that are not quantities: dates, times of day, phone numbers."""
    spans = [(s, e) for s, e, _ in find_date_mentions(text)]
    spans += [m.span() for m in _TIMES.finditer(text)]
    # Scores ("won 2-1", "a 9-2 lead"): a falling pair of small numbers is not a range.
    spans += [m.span() for m in _SCORE.finditer(text) if int(m[1]) >= int(m[2])]
    for m in _PHONE.finditer(text):
        # "1000-1500" is a range unless a phone cue says otherwise.
        if not re.fullmatch(r"\d{3,4}-\d{3,4}", m.group()) or _PHONE_CUE.search(text[max(0, m.start() - 12) : m.start()]):
            spans.append(m.span())
    return spans


def _abbrev_unit(text: str, pos: int) -> tuple[str, int] | None:
    ab = _ABBREV.match(text, pos)
    if not ab:
        return None
    u = ab["u"]
    if len(u) > 1:
        return _ABBREV_UNITS[u.lower()], ab.end()
    if u in _ONE_LETTER_UNITS and (not ab["sp"] or u in "WVL"):
        return _ONE_LETTER_UNITS[u], ab.end()
    return None


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _glued(text: str, m: re.Match[str]) -> bool:
    """Digits glued to letters are names or ordinals: G20, Covid-19, F-16, 5G, 2nd, 24/7."""
    if m["w"]:
        return False
    before = text[max(0, m.start() - 2) : m.start()]
    if _sign_start(text, m.start()) is not None:
        return False  # "minus-1.4"
    if before[-1:].isalpha() or (before[-1:] in "-‑" and before[:1].isalpha()):
        return True
    after = text[m.end() : m.end() + 1]
    if after.isalpha() and not (_SCALE.match(text, m.end()) or _abbrev_unit(text, m.end()) or _PERCENT.match(text, m.end())):
        return True
    # Versions, fractions, clock readings, scientific notation: 1.2.3, 24/7, 2:1, 1.99×10
    return bool(re.match(r"[./:×x]\d", text[m.end() : m.end() + 2]) or re.search(r"\d[/:×]$", before))


def _model_number(text: str, m: re.Match[str]) -> bool:
    """A bare integer that names a product even before a unit noun: "Boeing's 787 jets",
    "A350-900 jets", "400 737 Max jets", "five 787 Dreamliner sales"."""
    if not m["d"] or "." in m["d"] or "," in m["d"]:
        return False
    window = text[max(0, m.start() - 40) : m.start()]
    if re.search(r"[A-Z]\w*\d[-‑]$|[’']s\s\d+[-‑]$", window):
        return True  # "A350-900", "Boeing's 787-9"
    if re.search(r"[A-Z][\w-]*\s?[’']s\s$", window):
        return True  # "Boeing's 787": a possessed bare number
    follows_number = re.search(rf"(?:\d|\b(?i:{_BASIC_WORD}))\s$", window)
    return bool(follows_number and re.match(r"\s[A-Z][a-z]", text[m.end() : m.end() + 3]))


def _labels_a_name(text: str, m: re.Match[str], unit: str | None) -> bool:
    """A bare number in a name: flight 370, Power of Siberia 2, Boeing 747, iPhone 11 Pro."""
    window = text[max(0, m.start() - 40) : m.start()]
    if _LABEL_BEFORE.search(window):
        return True
    if re.search(r"\b[a-z]+[A-Z]\w*\s$", window):
        return True  # camel-case product names: "iPhone 11"
    prev = re.search(r"([A-Z][\w’'&-]*)\s$", window)
    # A capitalised word that does not start its sentence names the thing ("Boeing 747");
    # a sentence-initial one ("Only 5 people") does not.
    if prev and not _SENTENCE_START.search(window[: prev.start(1)]):
        return True
    if re.search(r"\b(?:[A-Z]{2,}|\w*&\w*)\s$", window):
        return True  # index and acronym names even at a sentence start: "S&P 500", "FTSE 100"
    return unit is None and bool(re.match(r"\s(?!(?:The|A|An|In|On|At|But|And)\b)[A-Z][a-z]", text[m.end() : m.end() + 4]))


# --- parsing ----------------------------------------------------------------------------


def _suffix_unit(text: str, end: int, value: float) -> tuple[str | None, int, bool]:
    """Unit written after the number -> (unit, end of text, strong).

    Strong units (percent, currency, abbreviations, measures, hyphenated nouns) also make
    a number next to a capitalised word a figure ("Lamborghini's 640bhp").
    """
    pct = _PERCENT.match(text, end)
    if pct:
        return ("percentage_point" if pct["pp"] else "percent"), pct.end(), True
    cur = _CUR_SUFFIX.match(text, end)
    if cur:
        return _suffix_currency(cur), cur.end(), True
    bp = re.compile(r"\s+basis\s+points?\b", re.I).match(text, end)
    if bp:
        return "basis points", bp.end(), True
    hy = _HYPHEN_NOUN.match(text, end)
    if hy and hy["n"] not in _STOP:
        noun = hy["n"]
        unit = _ABBREV_UNITS.get(noun) or (noun if _is_plural_noun(noun) else _pluralise(noun))
        return unit, hy.end(), True
    ab = _abbrev_unit(text, end)
    if ab:
        return ab[0], ab[1], True
    unit, strong = _noun_unit(text, end, value)
    return unit, end, strong  # a noun after a space is the unit, not part of the text


def _second_number(text: str, pos: int, between: bool) -> tuple[_Core, re.Match[str]] | None:
    """The other end of a range starting at `pos`: "-15", " to 7 million", " and 7"."""
    sep = (re.compile(r"\s+(?:and|to)\s+") if between else _RANGE_SEP).match(text, pos)
    if not sep:
        return None
    sym = _CURRENCY_SYMBOL.match(text, sep.end())
    m2 = _NUMBER.match(text, sym.end())
    if m2 is None:
        return None
    return _core(text, m2), m2


def _range(text: str, first: _Core, unit_end: int, unit: str | None) -> tuple[float, float, int, str | None] | None:
    """(low, high, end, unit) for "10-15 per cent", "5% and 6%", "$5-$7bn", or None."""
    between = bool(re.search(r"(?i:\bbetween\s*)$", text[max(0, first.start - 12) : first.start]))
    for pos in dict.fromkeys((first.end, unit_end)):
        found = _second_number(text, pos, between)
        if not found:
            continue
        second, m2 = found
        unit2, end2, _ = (second.currency, second.end, True) if second.currency else _suffix_unit(text, second.end, second.value)
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
    m2 = _NUMBER.match(text, _CURRENCY_SYMBOL.match(text, sep.end()).end()) if sep else None
    if m2 is None:
        return None
    core = _core(text, m2)
    if core.currency:
        return core.currency
    unit, _, strong = _suffix_unit(text, core.end, core.value)
    return unit if strong or lenient or unit else None


def _approx(text: str, start: int) -> str | None:
    m = _APPROX.search(text[max(0, start - 30) : start])
    if not m:
        return None
    return "about" if m["t"] else " ".join(m["a"].lower().split())


def _quantity(text: str, m: re.Match[str], lenient: bool) -> Quantity | None:
    first = _core(text, m)
    value, end, low, high = first.value, first.end, None, None
    unit, strong = first.currency, first.currency is not None
    if unit is None:
        unit, end, strong = _suffix_unit(text, first.end, first.value)
    rng = _range(text, first, end, unit)
    if rng:
        value, low, high = rng[0], rng[0], rng[1]
        end, unit, strong = max(end, rng[2]), rng[3], strong or rng[3] is not None
    elif unit is None:
        unit = _shared_unit(text, end, lenient)
        strong = unit is not None
    if unit is None and first.word and not lenient:
        return None  # "the two have expanded ties": a pronoun, not a figure
    if first.currency is None and _model_number(text, m):
        return None
    if not (strong or first.scaled) and _labels_a_name(text, m, unit):
        return None
    return Quantity(value, unit, text[first.start : end], first.start, end, _approx(text, first.start), low, high)


def _specials(text: str, excluded: list[tuple[int, int]]) -> list[Quantity]:
    """Figures without digits or number words: 'hour-long', 'half of', 'two-thirds of'."""
    out = []
    for m in _FRACTION.finditer(text):
        if _NOT_BEFORE_FRACTION.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "the first half of 2023"
        article = re.match(r"\s+an?\b", text[m.end() :])
        unit = _noun_unit(text, m.end() + article.end(), 1)[0] if article else None
        value = _FRACTIONS[" ".join(m["f"].lower().split())]
        out.append(Quantity(value, unit, m.group(), m.start(), m.end(), _approx(text, m.start())))
    for m in _VAGUE.finditer(text):
        words = m["v"].lower().split()
        low = _VAGUE_BASE[words[0]] * (_VAGUE_BASE[words[-1]] if len(words) > 1 else 1)
        unit = _noun_unit(text, m.end() + 3, 2)[0]  # the noun after "of"
        out.append(Quantity(low, unit, m.group(), m.start(), m.end(), "about", low, low * 10))
    for m in _LONG.finditer(text):
        if not _inside(excluded, m.start(), m.end()):
            out.append(Quantity(1.0, _pluralise(m["u"]), m.group(), m.start(), m.end(), _approx(text, m.start())))
    return out


def _scan(text: str, lenient: bool) -> list[Quantity]:
    excluded = _excluded_spans(text)
    out = _specials(text, excluded)
    taken = [(q.start, q.end) for q in out]
    pos = 0
    for m in _NUMBER.finditer(text):
        if m.start() < pos or _inside(excluded + taken, m.start(), m.end()):
            continue
        if _glued(text, m) and not _prefix_currency(text, m.start()):  # "RM5" is money
            continue
        q = _quantity(text, m, lenient)
        if q is not None:
            out.append(q)
            pos = q.end
    return sorted(out, key=lambda q: q.start)


# --- public API -------------------------------------------------------------------------


def find_quantities(text: str) -> list[Quantity]:
    """Every numeric mention in `text`, in order, with offsets into `text`."""
    return _scan(text, lenient=False)


def parse_quantity(span: str) -> Quantity | None:
    """The main quantity of a short span (e.g. a model's figure text): the first with a unit.

    Lenient where find_quantities is strict: a bare number word ("two") counts here.
    """
    found = _scan(span, lenient=True)
    return next((q for q in found if q.unit), found[0]) if found else None


# --- unit agreement ---------------------------------------------------------------------

_PERCENT_NAMES = {"%", "percent", "per cent", "pct", "percentage", "percentages", "per-cent"}
_PP_NAMES = {"percentage_point", "percentage point", "percentage points", "pp", "ppt", "ppts", "percentage-point"}
_GENERIC_DOLLAR = frozenset({"USD", "SGD", "HKD", "AUD", "CAD", "NZD", "TWD"})


def canonical_unit(unit: str | None) -> frozenset[str]:
    """The set of canonical names a unit may stand for (several for '$' and '¥')."""
    if unit is None:
        return frozenset()
    u = " ".join(unit.strip().split())
    low = u.lower()
    if low in ("", "-", "none", "null"):
        return frozenset()
    if low in _PERCENT_NAMES:
        return frozenset({"percent"})
    if low in _PP_NAMES:
        return frozenset({"percentage_point"})
    if u.upper() in _CODES or low == "rmb":
        return frozenset({"CNY" if low == "rmb" else u.upper()})
    compact = u.replace(" ", "")
    if compact in _PREFIX_CURRENCY and compact not in ("$", "Rs", "RM", "Rp"):
        return frozenset({_PREFIX_CURRENCY[compact]} | ({"CNY"} if compact == "¥" else set()))
    if low in ("$", "dollar", "dollars"):
        return _GENERIC_DOLLAR
    m = re.fullmatch(r"(.+?)\s+dollars?", low)
    if m and m[1] in _DOLLAR_QUALIFIER:
        return frozenset({_DOLLAR_QUALIFIER[m[1]]})
    if low in _CURRENCY_WORDS or low == "pound sterling":
        return frozenset({_CURRENCY_WORDS.get(low, "GBP")})
    if u in _ONE_LETTER_UNITS:
        low = _ONE_LETTER_UNITS[u]
    elif low in _ABBREV_UNITS and len(low) > 1:
        low = _ABBREV_UNITS[low]
    low = re.sub(r"^degrees? (celsius|fahrenheit|centigrade)$", r"\1", low)
    low = re.sub(r"(met|lit)er(s?)\b", r"\1re\2", low)  # US spelling: meter/liter -> metre/litre
    low = re.sub(r"-(?:old|long)$", "", low)  # "year-old" is an age in years
    return frozenset({" ".join(_singular(w) for w in low.replace("-", " ").split())})


def units_agree(a: str | None, b: str | None) -> bool:
    """True when two unit spellings name the same unit.

    "percent" ~ "per cent" ~ "%"; "USD" ~ "US$" ~ "US dollars"; "dollars"/"$" ~ any dollar
    currency; "years" ~ "year"; "km" ~ "kilometres". Both None agree; None vs a unit does not.
    """
    ca, cb = canonical_unit(a), canonical_unit(b)
    if not ca or not cb:
        return not ca and not cb
    return bool(ca & cb)
