"""Units: what follows (or precedes) a number in the text (`agree` says which spellings name one unit)."""

from __future__ import annotations

import re

from summarizer.candidates.figures.currencies import suffix_currency
from summarizer.candidates.figures.words import STOP
from summarizer.candidates.lexicon import (
    ABBREV_UNITS,
    MEASURES,
    ONE_LETTER_UNITS,
    PLURAL_ONLY,
    RATE_WORDS,
    TIME_UNITS,
    plural,
    singular,
)

# A hyphen before the word, "an 80-percent charge", "a 5-percentage-point lead", is the same unit
# (these read as 80 "percents" and 5 "percentages", from the hyphenated-noun rule, before).
PERCENT = re.compile(
    r"(?P<pp>(?:\s*|[-‑])(?i:percentage|per\s?cent(?:age)?)[- ]points?\b|\s?(?:pp|ppts?)\b)"
    r"|(?P<pct>\s?%|(?:\s*|[-‑])(?i:per\s?cent|percent|pct)\b|pc\b)"  # "0.5pc", glued, as British papers write it
)
_ABBREV = re.compile(
    r"(?P<sp>\s?)(?P<u>"
    + "|".join(re.escape(u) for u in sorted(ABBREV_UNITS, key=len, reverse=True))
    + r"|L)(?![\w/])",
    re.IGNORECASE,
)
# Abbreviations whose case tells them apart from the lexicon's ("Nm" is no nanometre).
_CASED_ABBREV = {"Nm": "newton metres", "MPa": "megapascals", "kPa": "kilopascals", "GPa": "gigapascals",
                 "ksi": "kilopounds per square inch", "psi": "pounds per square inch", "PS": "metric horsepower",
                 "A/cm2": "amperes per square centimetre", "kV/cm": "kilovolts per centimetre",
                 "pts": "points", "MP": "megapixels", "bp": "basis points",
                 # sound, food energy, bandwidth, medicine and air quality, fuel economy
                 "dB": "decibels", "dBA": "decibels", "kcal": "kilocalories", "Kcal": "kilocalories",
                 "kbps": "kilobits per second", "Mbps": "megabits per second", "Gbps": "gigabits per second",
                 "Mb/s": "megabits per second", "Gb/s": "gigabits per second", "mmHg": "millimetres of mercury",
                 "mg/dL": "milligrams per decilitre", "mmol/L": "millimoles per litre",
                 "µg/m3": "micrograms per cubic metre", "μg/m3": "micrograms per cubic metre",
                 "µg/m³": "micrograms per cubic metre", "μg/m³": "micrograms per cubic metre",
                 "L/100km": "litres per 100 kilometres", "L/100 km": "litres per 100 kilometres",
                 "l/100km": "litres per 100 kilometres", "l/100 km": "litres per 100 kilometres",
                 "TWh": "terawatt hours", "kN": "kilonewtons", "cc": "cubic centimetres",
                 # torque as British and American car writers spell it: "542lb ft", "479 lb.-ft."
                 "lb ft": "pound-feet", "lb.-ft.": "pound-feet", "lb.-ft": "pound-feet", "lbs-ft": "pound-feet",
                 "lb-ft.": "pound-feet", "ft-lb": "foot-pounds", "ft-lbs": "foot-pounds",
                 "m/s": "metres per second", "km/s": "kilometres per second", "ft/s": "feet per second"}  # fmt: skip
# Glued to a decimal only, where they cannot be a word: "a 5.8in screen", "0-100km/h in 2.9sec".
_GLUED_DECIMAL = re.compile(r"(?P<u>in|sec|secs|s)(?![\w/])")
_GLUED_UNITS = {"in": "inches", "sec": "seconds", "secs": "seconds", "s": "seconds"}
# Symbols glued to the number: "30°", "30′" (a prime; an apostrophe is too often a closing quote).
_SYMBOL = re.compile(r"(?P<u>°|′)(?![\w/])")
_SYMBOLS = {"°": "degrees", "′": "feet"}
# A "p" glued to a number is pence ("118.5p", "a target of 200p"), unless the number is a video
# resolution ("1080p").
_PENCE = re.compile(r"p(?![\w'’/-])")
_RESOLUTION = re.compile(r"(?<![\d.])(?:240|360|480|720|1080|1440|2160|4320)$")
_CASED = re.compile(r"\s?(?P<u>" + "|".join(re.escape(u) for u in sorted(_CASED_ABBREV, key=len, reverse=True))
                    + r")(?![\w/])")
_HYPHEN_NOUN = re.compile(r"-(?P<n>[a-z]+)(?:-(?P<tail>old|long|high|wide|deep|tall|strong))?\b")
# A product's model number right after a count, before the model's name: "400 737 Max jets".
_MODEL_AFTER_COUNT = re.compile(r"\s+\d{3,4}(?:[-‑]\d{1,4})?(?=\s+[A-Z])")
_MODEL = re.compile(r"\s+[A-Z]?\d+(?:[-‑]\d+)?[A-Za-z]{0,3}\b")
# An all-capitals word that names what a decimal measures, when no lower-case noun follows it.
# A lower-case word after it may be a function word ("a 5.2 WAR this season"), not a noun it modifies.
_ACRONYM = re.compile(r"\s(?P<u>[A-Z]{2,5})\b(?![-‑])(?:\s+(?P<next>[a-z]+))?")
# Words that pick a run out of a whole: "12 of its last 15 games", "two of the past three".
ORDER_WORDS = "last|first|next|past|previous|final|remaining"
# After "of" in a part of a whole: a determiner, or the whole's own count ("3 of 4 games").
_DETERMINER = re.compile(r"(?:\s+(?:the|its|their|his|her|our|these|those|all))?"
                         rf"(?:\s+(?:{ORDER_WORDS}))?(?:\s+\d[\d,]*(?![\d,.]))?")
_NEXT_WORD = re.compile(r"\s+(?P<w>[A-Za-z][A-Za-z’'-]*)")


# Measures whose plural is the word itself: "355 horsepower", "a 275-horsepower V6", "50 hertz"
# (these read as "horsepowers" on unseen pages, where "101 hp" gave "horsepower").
_SAME_PLURAL = frozenset({"horsepower", "hertz", "kilohertz", "megahertz", "gigahertz", "lux"})


def _is_plural_noun(word: str) -> bool:
    low = word.lower()
    if low in PLURAL_ONLY or low in _SAME_PLURAL:
        return True
    if low.endswith("men") and len(low) > 5:
        return True  # fishermen, servicemen
    return len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is", "’s", "'s")) and low not in STOP


# Minor currency units, counted as written ("18 sen", "50 kopecks"): singular and plural alike.
_MINOR_CURRENCY = {"sen", "pence", "paise", "kopecks", "kobo", "centavos", "centimes", "fils", "halalas"}
# Measures spelled as one hyphenated word, torque and energy: "275 pound-feet", "450 newton-metres".
_HYPHENATED_MEASURES = {"pound-feet": "pound-feet", "pound-foot": "pound-feet", "foot-pounds": "foot-pounds",
                        "newton-metres": "newton metres", "newton-meters": "newton metres",
                        "kilowatt-hours": "kilowatt hours", "megawatt-hours": "megawatt hours"}  # fmt: skip
# A measure's qualifier that makes it another unit: a metric ton is a tonne, a nautical mile no mile.
_KIND_OF_MEASURE = {"metric": {"ton": "tonnes", "tonne": "tonnes"}, "nautical": {"mile": "nautical miles"},
                    "troy": {"ounce": "troy ounces"}}  # fmt: skip
_SKIPPABLE = {"more", "other", "additional", "new", "extra", "further", "fewer"}
# Nouns that name people only by age, sex or kinship: a count of them is a count of people
# ("four children and four adults", "seven women"), as the labels write it. Nouns that say what
# the people do or are ("soldiers", "workers", "militants") stay the unit as written.
_PEOPLE_NOUNS = frozenset(
    "people persons individuals children adults men women boys girls kids babies infants teenagers teens "
    "minors youths brothers sisters sons daughters".split()
)  # fmt: skip


def _people(word: str) -> str:
    """'children' -> "people"; else the word, lower case. (Plural demonyms, "two other Americans",
    were tried too: no gain on the gold suite's check half.)"""
    low = word.lower()
    if low in _PEOPLE_NOUNS:
        return "people"
    return low


# Energy as two words: "500 gigawatt hours" (the power before "hours" is no unit of its own).
_HOURS_AFTER = re.compile(r"\s+hours?\b")
_POWER = re.compile(r"(?:kilo|mega|giga|tera)?watts")


def _measure_tail(text: str, pos: int, unit: str) -> tuple[str, int]:
    """Compound measures: "degrees celsius", "miles per hour", "hours a week", "gigawatt hours"."""
    hours = _HOURS_AFTER.match(text, pos) if _POWER.fullmatch(unit) else None
    if hours:
        unit, pos = f"{singular(unit)} hours", hours.end()
    if unit == "degrees":
        m = re.compile(r"\s+(?P<w>(?i:celsius|fahrenheit|centigrade)|C|F)\b").match(text, pos)
        if m:
            w = {"C": "celsius", "F": "fahrenheit"}.get(m["w"], m["w"].lower())
            return f"degrees {w}", m.end()
    m = re.compile(r"\s+(?:per|a|an)\s+(?P<w>[a-z]+)\b").match(text, pos)
    if m and m["w"] in RATE_WORDS:
        return f"{unit} per {m['w']}", m.end()
    return unit, pos


def noun_unit(text: str, pos: int, value: float) -> tuple[str | None, bool]:
    """The noun a number counts ("2,000 people", "250 more Russian soldiers") and whether it
    is a measurement (strong) rather than any plural noun (weak)."""
    joined, names = False, 0
    model = _MODEL_AFTER_COUNT.match(text, pos)
    pos = model.end() if model else pos  # "400 737 Max jets": the model number is no noun
    for i in range(8):
        if (i == 3 + names and not joined) or i == 5 + names:
            break
        m = _NEXT_WORD.match(text, pos)
        if not m:
            return None, False
        word, low = m["w"], m["w"].lower()
        pos = m.end()
        age = re.fullmatch(rf"({'|'.join(TIME_UNITS)})-(?:old|long)", low)
        if i == 0 and (low in MEASURES or singular(low) in MEASURES or age):
            unit = plural(age[1]) if age else (low if _is_plural_noun(low) else plural(low))
            return british(_measure_tail(text, pos, unit)[0]), True
        if i == 0 and low in _MINOR_CURRENCY:
            return low, True
        if i == 0 and low in _HYPHENATED_MEASURES:
            return british(_HYPHENATED_MEASURES[low]), True  # "275 pound-feet of torque"
        kind = _KIND_OF_MEASURE.get(low) if i == 0 else None
        nxt = _NEXT_WORD.match(text, pos) if kind else None
        if kind and nxt and singular(nxt["w"].lower()) in kind:
            return kind[singular(nxt["w"].lower())], True  # "2,095 metric tons", "9,000 nautical miles"
        if i == 0 and low in ("square", "cubic"):
            nxt = _NEXT_WORD.match(text, pos)
            if nxt and singular(nxt["w"].lower()) in MEASURES:
                return f"{low} {nxt['w'].lower()}", True
        if re.fullmatch(r"[A-Z]{2,}s", word):
            return word, False  # "2 TDs", "30 MPs"
        if word[0].isupper() and not word.isupper() and _people(word) == "people":
            return "people", False  # "Children" at a sentence start
        if low in _SKIPPABLE or (word[0].isupper() and (low not in STOP or word.isupper())):  # "US troops"
            model = _MODEL.match(text, pos) if word[0].isupper() else None
            pos = model.end() if model else pos  # "30 Boeing 787-9 jets": the model is no noun
            if word[0].isupper() and names < 3:
                names += 1  # a name's words are one modifier: "eight of its Hong Kong shares"
            continue  # adjectives and demonyms: "more Russian soldiers"
        if i == 0 and low == "of" and value >= 2:
            det = _DETERMINER.match(text, pos)  # a part of a whole: "two of the deputies"
            pos = det.end() if det else pos
            continue
        if low in ("and", "or") and i > 0 and not joined:
            joined = True  # modifiers joined: "Kia and Hyundai vehicles", "digital and physical sales"
            continue
        if low in STOP:
            return None, False
        if _is_plural_noun(word):
            return _measure_tail(text, pos, _people(low))[0], False
        if i == 0 and value == 1 and "-" not in low:
            return plural(low), False  # "one solution"
    return None, False


_OF_AFTER = re.compile(r"\s+of\b")


def million_after(text: str, pos: int) -> bool:
    """An "m" before "of" or a counted noun is a million ("35m of its devices", "2 m people")."""
    return bool(_OF_AFTER.match(text, pos)) or noun_unit(text, pos, 2)[0] is not None


def british(unit: str) -> str:
    """Spelled-out units in British spelling, as the module's abbreviations are: "liters" -> "litres"."""
    return re.sub(r"(met|lit)er(s?)\b", r"\1re\2", unit)


def abbrev_unit(text: str, pos: int) -> tuple[str, int] | None:
    cased = _CASED.match(text, pos)
    if cased:
        return _CASED_ABBREV[cased["u"]], cased.end()
    glued = _GLUED_DECIMAL.match(text, pos)
    if glued and re.search(r"\d\.\d+$", text[max(0, pos - 12) : pos]):
        return _GLUED_UNITS[glued["u"]], glued.end()
    symbol = _SYMBOL.match(text, pos)
    if symbol:
        return _SYMBOLS[symbol["u"]], symbol.end()
    if _PENCE.match(text, pos) and not _RESOLUTION.search(text, 0, pos):
        return "p", pos + 1  # "At 118.5p, its shares": pence as British papers write a price, kept as written
    temp = re.compile(r"[CF](?![\w/])").match(text, pos)
    if temp:  # "minus 5C", "104F": glued, so not "2.5 F" (farads)
        return ("degrees celsius" if temp.group() == "C" else "degrees fahrenheit"), temp.end()
    ab = _ABBREV.match(text, pos)
    if not ab:
        return None
    u = ab["u"]
    if len(u) > 1:
        # The micro sign "µ" (U+00B5) matches the lexicon's Greek "μ" only by case folding: "5 µm"
        return ABBREV_UNITS[u.lower().replace("µ", "μ")], ab.end()
    if u in ONE_LETTER_UNITS and (not ab["sp"] or u in "WVL"):
        return ONE_LETTER_UNITS[u], ab.end()
    if u == "m" and not million_after(text, ab.end()):
        return "metres", ab.end()  # "185 m high", "the 100 m sprint"; "5 m people" is no length
    return None


def suffix_unit(text: str, end: int, value: float) -> tuple[str | None, int, bool]:
    """Unit written after the number -> (unit, end of text, strong).

    Strong units (percent, currency, abbreviations, measures, hyphenated nouns) also make
    a number next to a capitalised word a figure ("Lamborghini's 640bhp").
    """
    pct = PERCENT.match(text, end)
    if pct:
        return ("percentage_point" if pct["pp"] else "percent"), pct.end(), True
    money = suffix_currency(text, end)
    if money:
        return money[0], money[1], True
    bp = re.compile(r"\s+basis\s+points?\b", re.I).match(text, end)
    if bp:
        return "basis points", bp.end(), True
    hy = _HYPHEN_NOUN.match(text, end)
    if hy and hy["n"] == "strong":  # "a 5,000-strong force": the size of a body of people, not "strongs"
        return "people", hy.end(), True
    if hy and hy["n"] not in STOP:
        noun = hy["n"]
        unit = ABBREV_UNITS.get(noun) or (noun if _is_plural_noun(noun) else plural(noun))
        return ("times" if noun == "fold" else british(unit)), hy.end(), True  # "20-fold" is 20 times
    ab = abbrev_unit(text, end)
    if ab:
        return ab[0], ab[1], True
    acronym = _ACRONYM.match(text, end)
    if acronym and value != int(value) and (not acronym["next"] or acronym["next"] in STOP):
        return acronym["u"], end, False  # a statistic's acronym after a decimal: "0.5 WAR", "3.21 ERA"
    unit, strong = noun_unit(text, end, value)
    return unit, end, strong  # a noun after a space is the unit, not part of the text
