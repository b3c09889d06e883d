"""dates: dateline, mentions, resolution. Anchor in most cases: Friday 2024-02-09."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summarizer.candidates.date_resolution import resolve_date
from summarizer.candidates.datelines import dateline_place, find_dateline, in_dateline
from summarizer.candidates.dates import find_date_mentions, names_a_span, names_a_year

ARTICLE = (Path(__file__).resolve().parents[1] / "examples" / "xi-putin-call.txt").read_text(encoding="utf-8")
FRI = dt.date(2024, 2, 9)


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        # month-day: the anchor's year ...
        ("Feb 8", FRI, "2024-02-08"),
        ("on Feb 8", FRI, "2024-02-08"),
        ("8 February", FRI, "2024-02-08"),
        ("February 8th", FRI, "2024-02-08"),
        ("Friday, Feb 9", FRI, "2024-02-09"),
        ("Feb 20", FRI, "2024-02-20"),  # 11 days ahead: an announced date, same year
        # ... or last year's when more than 14 days ahead (news reports the past)
        ("Dec 28", FRI, "2023-12-28"),
        ("March 15", FRI, "2023-03-15"),
        ("Feb 29", dt.date(2025, 3, 1), "2024-02-29"),
        ("Feb 30", FRI, None),
        # never invent a year
        ("Feb 8", None, None),
        ("on Sunday", None, None),
        ("yesterday", None, None),
        # explicit years need no anchor
        ("March 3, 2022", None, "2022-03-03"),
        ("3 March 2022", None, "2022-03-03"),
        ("Wednesday, March 3, 2022", None, "2022-03-03"),
        ("2022-03-03", None, "2022-03-03"),
        ("in October 2023", None, "2023-10"),
        ("mid-October 2023", FRI, "2023-10"),
        ("2024年2月8日", None, "2024-02-08"),
        ("2月8日", FRI, "2024-02-08"),
        ("2023年10月", None, "2023-10"),
        # weekdays: most recent on/before the anchor; last = strictly before; next = after
        ("on Sunday", FRI, "2024-02-04"),
        ("Tuesday", FRI, "2024-02-06"),
        ("Friday", FRI, "2024-02-09"),
        ("last Friday", FRI, "2024-02-02"),
        ("on Saturday", FRI, "2024-02-03"),
        ("last Saturday", FRI, "2024-02-03"),
        ("Black Friday", FRI, None),  # named days are no weekday of this week
        ("on Super Tuesday", FRI, None),
        ("Il black Friday incombe", FRI, None),
        ("next Tuesday", FRI, "2024-02-13"),
        # relative days
        ("yesterday", FRI, "2024-02-08"),
        ("today", FRI, "2024-02-09"),
        ("tomorrow", FRI, "2024-02-10"),
        ("the day before yesterday", FRI, "2024-02-07"),
        ("three days ago", FRI, "2024-02-06"),
        ("10 days ago", FRI, "2024-01-30"),
        # weeks and months: a month only when the whole week lies in it
        ("last week", FRI, None),  # Jan 29 - Feb 4 straddles two months
        ("last week", dt.date(2024, 2, 21), "2024-02"),  # Feb 12 - 18
        ("this week", FRI, "2024-02"),
        ("last month", FRI, "2024-01"),
        ("Last month", dt.date(2024, 1, 5), "2023-12"),
        ("earlier this month", FRI, "2024-02"),
        # bare months: this year's when not after the anchor's month, else ambiguous
        ("in January", FRI, "2024-01"),
        ("in February", FRI, "2024-02"),
        ("in March", FRI, None),
        ("last March", FRI, "2023-03"),
        ("next March", FRI, "2024-03"),
        # a written year before 1900 or after 2099 stays as written: no resolved date, and its
        # month-day is never read against the anchor ("March 3, 2150" is not 2023-03-03)
        ("12 March 1850", FRI, None),
        ("in March 1850", FRI, None),
        ("1850-03-12", None, None),
        ("on March 3, 2150", FRI, None),
        ("3 March 2150", FRI, None),
        ("12 March 1905", None, "1905-03-12"),
        ("March 3, 2099", None, "2099-03-03"),
        # a year alone is not a YYYY-MM[-DD] date
        ("in 2023", FRI, None),
        ("last year", FRI, None),
        ("", FRI, None),
        ("no date here", FRI, None),
    ],
)
def test_resolve_date(text, anchor, expected):
    assert resolve_date(text, anchor) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BEIJING, Feb 9 (Reuters) - Chinese leader Xi ...", None),  # no year: no dateline
        ("Title\n\nPublished: 9 February 2024\n\nBody text.", dt.date(2024, 2, 9)),
        ("Title\nFeb 9, 2024\nBody", dt.date(2024, 2, 9)),
        ("Updated Feb 10, 2024, 3:00 pm\nPublished Feb 9, 2024\nBody", dt.date(2024, 2, 9)),
        ("2024-02-09T08:00:00Z\nBody", dt.date(2024, 2, 9)),
        ("发布时间：2024年2月9日\n正文", dt.date(2024, 2, 9)),
        ("Body only.\n" * 20 + "Feb 9, 2024", None),  # too far down to be a dateline
        ("WASHINGTON, June 5, 2017 — Police said on Sunday that the attack " + "x " * 60, dt.date(2017, 6, 5)),
        # a backstory date inside a long first line (a page scraped as one line) dates nothing
        ("Police said on Sunday that the bomber, who struck on May 22, 2017, had " + "x " * 60, None),
        (ARTICLE, None),  # the reference article carries no dated line
        ("Title\nFeb 9, 2150\nBody", None),  # no page is dated 2150
    ],
)
def test_find_dateline(text, expected):
    assert find_dateline(text) == expected


@pytest.mark.parametrize(
    "text, mentions",
    [
        ("It killed 2000 people in 2019.", ["2019"]),
        ("Up to 2000 people came.", []),
        ("the 2024 elections", ["2024"]),
        ("2023 was bad", ["2023"]),
        ("It cost $2019 and rose 2019%.", []),
        ("In the 1990s and the ’90s", ["1990s", "’90s"]),
        ("the 2020-21 season", ["2020-21"]),
        ("It may be ready in May.", ["May"]),
        ("March on Washington", []),
        ("Last week and yesterday, three days ago", ["Last week", "yesterday", "three days ago"]),
        ("on Sunday, Feb 4, 2024 at 10am", ["Sunday, Feb 4, 2024"]),
        ("between 9 and 12 March", ["12 March"]),
        ("Covid-19 and G20 and Model 3", []),
        ("2024年2月8日，习近平", ["2024年2月8日"]),
        ("reported over the weekend, and last weekend too", ["over the weekend", "last weekend"]),
    ],
)
def test_find_date_mentions(text, mentions):
    assert [m[2] for m in find_date_mentions(text)] == mentions


@pytest.mark.parametrize(
    "text, is_year",
    [("in 2023", True), ("the 2020-21 season", True), ("the 1990s", True), ("last year", True),
     ("last week", False), ("Monday", False), ("March 2023", False), ("over the weekend", False), ("hello", False)],
)
def test_names_a_year(text, is_year):
    assert names_a_year(text) is is_year


@pytest.mark.parametrize(
    "text, is_span",
    [("last week", True), ("this month", True), ("over the weekend", True), ("last year", False),
     ("Monday", False), ("Nov. 5", False), ("in March", False), ("hello", False)],
)
def test_names_a_span(text, is_span):
    assert names_a_span(text) is is_span


def test_reference_article_mentions():
    found = find_date_mentions(ARTICLE)
    assert [m[2] for m in found] == ["Feb 8", "2023", "March", "October 2023"]
    for start, end, mention in found:
        assert ARTICLE[start:end] == mention
    assert resolve_date("Feb 8", FRI) == "2024-02-08"


@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [
        ("FLINT, Mich., Oct. 4 (UPI) — Bill Clinton said", "Oct. 4", True),
        ("FLINT, Mich., Oct. 4 (UPI) — Bill Clinton said", "FLINT", True),
        ("BUFFALO, N.Y. — Hours before the game", "N.Y", True),
        ("BEIJING, Feb 9 (Reuters) - China said", "BEIJING", True),
        ("DUBAI, United Arab Emirates (AP) — Emirates ordered", "DUBAI", True),
        ("VIENNA — The house where Hitler was born", "Hitler", False),
        ("Xi Jinping — China's president — said", "Xi Jinping", False),  # a name and an aside, no dateline
        ("Storm hits Oslo — live", "Oslo", False),
        ("A storm hit on Monday — officials said", "Monday", False),
        ("Paris, France — The", "Paris", False),  # no capitals and no agency: not a dateline's form
    ],
)
def test_in_dateline(text, word, inside):
    start = text.index(word)
    assert in_dateline(text, start, start + len(word)) is inside


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("BUFFALO, N.Y. — Hours before the game", "BUFFALO"),
        ("Nadal saves Spain\n\nMADRID — Rafael Nadal kept Spain's hopes alive", "MADRID"),  # after the headline
        ("FLINT, Mich., Oct. 4 (UPI) — Bill Clinton said", "FLINT"),
        ("DUBAI, United Arab Emirates (AP) — Emirates ordered", "DUBAI"),
        ("Xi Jinping — China's president — said", None),  # a name and an aside
        ("Storm hits Oslo — live\n\nA storm hit Oslo.", None),  # a headline with a dash
        ("Paris, France — The", None),  # no capitals: not a dateline's form
        ("A storm hit Oslo.\n" * 20 + "OSLO — late dateline", None),  # only the opening lines
    ],
)
def test_dateline_place(text, place):
    found = dateline_place(text)
    assert (found[2] if found else None) == place
    assert found is None or text[found[0] : found[1]] == place
