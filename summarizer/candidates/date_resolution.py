"""Resolving a date mention to ISO ("YYYY-MM-DD" or "YYYY-MM") against the article's date.

    resolve_date(text, anchor) -> "2024-02-08" | "2024-02" | None
    out_of_range(text)          a written year outside `YEARS`: kept as written, never resolved

Split from dates.py, which finds the mentions. Pure functions, English news conventions (plus CJK
"2024年2月8日"). Rules, all deliberate:

* NEVER invent a year. A month-day ("Feb 8") needs an anchor (the article date); without
  one it resolves to None. An explicit year ("March 3, 2022") needs nothing.
* News reports the past: a month-day more than 14 days AFTER the anchor means last year's
  ("Dec 28" in an article of Jan 5 -> the previous December). Within 14 days it may be
  an announced upcoming date, so the anchor's year stays.
* A bare month ("in March") resolves to YYYY-MM only when it is the anchor's month or an
  earlier one (then it is this year's); a later month is either last year's past or this
  year's future, which only tense can tell, so None. "last March"/"next March" are explicit.
* A weekday ("on Sunday", "Tuesday") is the most recent one on/before the anchor, because
  reports are mostly about what happened; "last Sunday" is strictly before it, "next
  Sunday" strictly after.
* A week is not a day: "last week"/"this week"/"next week" give "YYYY-MM" when that whole
  Monday-Sunday week lies in one month, else None. "last month" gives "YYYY-MM".
* A year alone ("in 2023", "last year") gives None: the schema's date is YYYY-MM[-DD].
* A written year before 1900 or after 2099 gives None ("12 March 1850", "March 3, 2150"): the
  caller reports such a date as written (`out_of_range`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from summarizer.candidates.dates import MONTHS, WEEKDAYS, _longest

__all__ = ["resolve_date", "out_of_range", "in_years", "YEARS"]

_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}  # fmt: skip


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_num(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day_num(token: str) -> int:
    digits = re.match(r"\d+", token)
    assert digits is not None, token  # the patterns' day groups start with a digit
    return int(digits.group())


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _month_str(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _month_day(m: int, d: int, anchor: dt.date | None) -> str | None:
    """A date written without a year: the anchor's year, or last year's when > 14 days ahead."""
    if anchor is None:
        return None
    cand = _safe_date(anchor.year, m, d)
    if cand is None or cand > anchor + dt.timedelta(days=14):
        cand = _safe_date(anchor.year - 1, m, d) if (cand is not None or (m, d) == (2, 29)) else None
    return _iso(cand)


def _bare_month(m: int, rel: str | None, anchor: dt.date | None) -> str | None:
    if anchor is None:
        return None
    rel = (rel or "").lower()
    if rel == "last":
        return _month_str(anchor.year if m < anchor.month else anchor.year - 1, m)
    if rel == "next":
        return _month_str(anchor.year if m > anchor.month else anchor.year + 1, m)
    return _month_str(anchor.year, m) if m <= anchor.month else None


def _weekday(wd: int, rel: str | None, anchor: dt.date | None) -> str | None:
    if anchor is None:
        return None
    rel = (rel or "").lower()
    back = (anchor.weekday() - wd) % 7
    if rel == "next":
        return _iso(anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7 or 7))
    if rel == "last" and back == 0:
        back = 7
    return _iso(anchor - dt.timedelta(days=back))


def _week_month(monday: dt.date) -> str | None:
    sunday = monday + dt.timedelta(days=6)
    return _month_str(monday.year, monday.month) if (monday.year, monday.month) == (sunday.year, sunday.month) else None


def _rel_span(rel: str, span: str, anchor: dt.date | None) -> str | None:
    if anchor is None or span == "year":
        return None
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[rel.lower()]
    if span == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
        return _week_month(monday)
    index = anchor.year * 12 + anchor.month - 1 + step
    return _month_str(index // 12, index % 12 + 1)


def _rel_day(word: str, anchor: dt.date | None) -> str | None:
    if anchor is None:
        return None
    word = " ".join(word.lower().split())
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "the day before yesterday": -2}[word]
    return _iso(anchor + dt.timedelta(days=offset))


_RESOLVERS: dict[str, Callable[[re.Match[str], dt.date | None], str | None]] = {
    "iso": lambda m, a: _iso(_safe_date(int(m["y"]), int(m["m"]), int(m["d"]))),
    "mdy": lambda m, a: _iso(_safe_date(int(m["y"]), _month_num(m["mon"]), _day_num(m["d"]))),
    "dmy": lambda m, a: _iso(_safe_date(int(m["y"]), _month_num(m["mon"]), _day_num(m["d"]))),
    "cjk": lambda m, a: (
        _iso(_safe_date(int(m["y"]), int(m["m"]), int(m["d"])))
        if m["d"]
        else (_month_str(int(m["y"]), int(m["m"])) if 1 <= int(m["m"]) <= 12 else None)
    ),
    "md": lambda m, a: _month_day(_month_num(m["mon"]), _day_num(m["d"]), a),
    "dm": lambda m, a: _month_day(_month_num(m["mon"]), _day_num(m["d"]), a),
    "cjk_md": lambda m, a: _month_day(int(m["m"]), int(m["d"]), a) if 1 <= int(m["m"]) <= 12 else None,
    "my": lambda m, a: _month_str(int(m["y"]), _month_num(m["mon"])),
    "month": lambda m, a: _bare_month(_month_num(m["mon"]), m["rel"], a),
    "weekday": lambda m, a: _weekday(WEEKDAYS[m["wd"].rstrip(".").lower()], m["rel"], a),
    "rel_day": lambda m, a: _rel_day(m.group(), a),
    "days_ago": lambda m, a: (
        None if a is None else _iso(a - dt.timedelta(days=int(m["n"]) if m["n"].isdigit() else _SMALL[m["n"].lower()]))
    ),
    "rel_span": lambda m, a: _rel_span(m["rel"], m["span"], a),
}


def resolve_date(date_text: str, anchor: dt.date | None) -> str | None:
    """ISO date ("YYYY-MM-DD") or month ("YYYY-MM") for a date expression, or None.

    `anchor` is the article's date (see find_dateline). See the module docstring for the
    rules; the gist: explicit years are trusted, missing years come only from the anchor.
    """
    if not date_text or not date_text.strip():
        return None
    # The caller hands us a date phrase, so a bare month needs no cue here; the longest
    # expression in the phrase is the one meant ("in October 2023", not "2023").
    found = _longest(date_text)
    if found is None:
        return None
    kind, match = found
    resolver = _RESOLVERS.get(kind)
    resolved = resolver(match, anchor) if resolver else None
    return resolved if resolved is None or in_years(resolved) else None


# The years a resolved date may have. A date written before 1900 or after 2099 ("12 March 1850",
# "March 3, 2150") is history or speculation, not a news event's day: it stays as written, unresolved.
YEARS = range(1900, 2100)


def in_years(iso: str) -> bool:
    """Whether a resolved date ("YYYY-MM[-DD]") has a year in `YEARS`."""
    return int(iso[:4]) in YEARS


def out_of_range(date_text: str) -> bool:
    """A written date whose year lies outside `YEARS`: reported as written, never resolved."""
    found = _longest(date_text)
    year = found[1].groupdict().get("y") if found else None
    return year is not None and int(year) not in YEARS
