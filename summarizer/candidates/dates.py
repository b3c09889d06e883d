"""Dates: the date mentions a text makes, found by their written forms.

    find_date_mentions(text) -> [(start, end, text)]   full dates, month-days, weekdays, "last week", years…
    names_a_year(text), names_a_span(text)              a year, or a stretch of days, never an event's day

Pure functions, English news conventions (plus CJK "2024年2月8日"). What a mention resolves to
(an ISO day or month, against the article's date) is date_resolution.py's.
"""

from __future__ import annotations

import re

__all__ = ["find_date_mentions", "names_a_year", "names_a_span", "MONTHS", "WEEKDAYS"]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}


def _names(words) -> str:
    # Month and weekday names count only capitalised ("May", "MAY"), never the verb "may".
    forms = sorted({f for w in words for f in (w.capitalize(), w.upper())}, key=len, reverse=True)
    return "(?:" + "|".join(forms) + ")"


_MON = _names(MONTHS) + r"(?:\.(?!\d))?"
_WD = _names(WEEKDAYS)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
# The year of a written date (day, month and year), whatever it is: "March 3, 2150" must be read
# with its year, or its "March 3" would be resolved against the article's date (an invented year).
_ANY_YEAR = r"(?:1\d{3}|2\d{3})"
_B = r"(?<![\w$€£¥.,])"  # a number that does not continue a word, amount or decimal
_E = r"(?![\w%]|[.,]\d)"

# (kind, pattern). Kinds decide how resolve_date reads the groups.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern))
    for kind, pattern in [
        # ISO 8601, timestamps too
        ("iso", rf"{_B}(?P<y>{_ANY_YEAR})[-/](?P<m>0?[1-9]|1[0-2])[-/](?P<d>3[01]|[12]\d|0?[1-9])(?:(?=T\d)|{_E})"),
        ("mdy", rf"(?:{_WD},?\s+)?\b(?P<mon>{_MON})\s+(?P<d>{_DAY})(?:,\s*|\s+)(?P<y>{_ANY_YEAR}){_E}"),
        ("dmy", rf"(?:{_WD},?\s+)?{_B}(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON}),?\s+(?P<y>{_ANY_YEAR}){_E}"),
        ("cjk", r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?"),
        ("md", rf"(?:{_WD},?\s+)?\b(?P<mon>{_MON})\s+(?P<d>{_DAY}){_E}"),
        ("dm", rf"(?:{_WD},?\s+)?{_B}(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON})\b"),
        ("cjk_md", r"(?<!\d)(?<!年)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"),
        ("my", rf"\b(?:(?:early|late|mid)[- ])?(?P<mon>{_MON}),?\s+(?P<y>{_YEAR}){_E}"),
        ("month", rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<mon>{_MON})\b"),
        ("weekday", rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd>{_WD})\b"),
        ("rel_day", r"(?i:\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow)\b)"),
        ("days_ago", r"(?i:\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago\b)"),
        ("rel_span", r"(?i:\b(?:earlier\s+|later\s+)?(?P<rel>last|past|this|next)\s+(?P<span>week|month|year)\b)"),
        # Two days, so no single date: found so that it is not mistaken for a dateless lead.
        ("weekend", r"(?i:\b(?:(?:over|during|at)\s+the|this|last|next|the\s+past)\s+weekend\b)"),
        ("years", rf"{_B}(?P<y>{_YEAR})\s?[-–/]\s?(?P<y2>{_YEAR}|\d\d){_E}"),
        ("decade", r"(?<![\w$])(?:(?:1[6-9]|20)\d0|[’']\d0)s\b"),
        ("year", rf"{_B}(?:(?:early|late|mid)[- ])?(?P<y>{_YEAR}){_E}"),
    ]
]

# A year after these words is a year even before a plural noun ("the 2024 elections").
_YEAR_CUE = re.compile(
    r"(?:\b(?:in|since|by|of|from|until|till|through|before|after|during|early|late|year|fiscal|FY|"
    r"the|a|this|that|its|their|his|her|our|summer|winter|spring|autumn|fall)|[’']s|mid-?)\s*$",
    re.IGNORECASE,
)
_COUNT_AFTER = re.compile(
    r"^\s*(?!(?:was|is|has|as|this|his|its|us|thus|plus|less|across|always|perhaps|unless|whereas)\b)"
    r"(?:[a-z]+s|people|men|women|children|staff|police|personnel)\b"
)
_AMOUNT_AFTER = re.compile(
    r"^\s*(?:%|per\s?cent|percent|thousand|million|billion|trillion|bn|mn|[a-z]*dollars?)\b", re.I
)
_MONTH_CUE = re.compile(
    r"\b(?:in|since|until|till|by|from|early|late|mid|of|last|next|this|through|during|before|after|to|on|and)"
    r"\s*-?\s*$",
    re.I,
)


# Words that make a weekday the name of a day in the calendar rather than a day of this week.
_NAMED_DAY = re.compile(r"\b(?:Black|Cyber|Good|Super|Fat|Ash|Easter|Palm|Holy|Maundy|Shrove|Bloody|Giving|"
                        r"Small Business|Manic|Blue)\s+$", re.I)


def _plausible(kind: str, m: re.Match[str], text: str) -> bool:
    """Context checks that keep counts, amounts and the verb 'May' out of date mentions."""
    before, after = text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 30]
    if kind == "year":
        if _AMOUNT_AFTER.match(after):
            return False
        # "2000 people" and "up to 2000 people" are counts; "in 2000" is a year.
        return bool(_YEAR_CUE.search(before)) or not _COUNT_AFTER.match(after)
    if kind == "weekday" and not m.group("rel") and _NAMED_DAY.search(before):
        return False  # "Black Friday", "Super Tuesday": a named day, not this week's Friday
    if kind == "month" and not m.group("rel"):
        # A bare month name needs a date-like cue before it: "in March", "since May".
        return bool(_MONTH_CUE.search(before))
    return True


def _scan(text: str, *, cue_months: bool = True) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping (start, end, kind, match), longest first at each position."""
    found = []
    for priority, (kind, pattern) in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            if (kind == "month" and not cue_months) or _plausible(kind, m, text):
                found.append((m.start(), m.end(), priority, kind, m))
    # Earlier patterns win ties: they are the more specific ones.
    found.sort(key=lambda t: (t[0], -(t[1] - t[0]), t[2]))
    out, last_end = [], -1
    for start, end, _, kind, m in found:
        if start >= last_end:
            out.append((start, end, kind, m))
            last_end = end
    return out


def find_date_mentions(text: str) -> list[tuple[int, int, str]]:
    """Spans of date expressions: (start, end, text), in text order, non-overlapping.

    Covers full dates, month-day, month-year, bare months with a cue ("in March"),
    weekdays, yesterday/today/tomorrow, "N days ago", "last week/month/year", years,
    year ranges ("2020-21") and decades. Times of day are not dates and are not included.
    """
    return [(start, end, text[start:end]) for start, end, _, _ in _scan(text)]


_YEAR_KINDS = {"years", "decade", "year"}


def _longest(date_text: str) -> tuple[str, re.Match[str]] | None:
    spans = _scan(date_text, cue_months=False)
    if not spans:
        return None
    _, _, kind, match = max(spans, key=lambda t: (t[1] - t[0], -t[0]))
    return kind, match


def names_a_year(date_text: str) -> bool:
    """A year, years or a decade ("in 2023", "2020-21", "the 1990s", "last year"): never an event's day."""
    found = _longest(date_text)
    return found is not None and (found[0] in _YEAR_KINDS
                                  or (found[0] == "rel_span" and found[1]["span"].lower() == "year"))


def names_a_span(date_text: str) -> bool:
    """A stretch of days counted from the article's date ("last week", "this month", "over the
    weekend"): it places an event without naming its day."""
    found = _longest(date_text)
    return found is not None and (found[0] == "weekend"
                                  or (found[0] == "rel_span" and found[1]["span"].lower() != "year"))
