"""full_dates: the one reading of a written date that the text header and find_dateline share."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.candidates.datelines import find_dateline
from summarizer.candidates.full_dates import full_dates
from summarizer.clean.article import clean
from summarizer.load import load_text

FRI = dt.date(2024, 2, 9)


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        ("Feb 9, 2024", [FRI]),
        ("Friday, 9 February 2024 10:30 AM", [FRI]),
        ("9th of February 2024", [FRI]),
        ("Sept. 4, 2024", [dt.date(2024, 9, 4)]),
        ("2024-02-09T08:00:00Z", [FRI]),
        ("2024/2/9", [FRI]),
        ("2024年2月9日", [FRI]),
        ("Updated Feb 10, 2024, posted Feb 9, 2024", [dt.date(2024, 2, 10), FRI]),
        ("Feb 9", []),  # no year: needs an anchor
        ("February 2024", []),  # no day
        ("2024年2月", []),
        ("Feb 30, 2024", []),  # no such day
        ("may 9, 2024", []),  # the verb, not the month: month names are capitalised
        ("Feb 9, 2150", []),  # years are 1600-2099, as for every date mention
    ],
)
def test_full_dates(line: str, dates: list[dt.date]) -> None:
    assert [day for _, day in full_dates(line)] == dates


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Published: March 4, 2024 10:30 AM", "2024-03-04"),
        ("Fri 9th of February 2024 GMT", "2024-02-09"),
        ("Posted 2024/02/09", "2024-02-09"),
        ("2024年2月9日", "2024-02-09"),
        ("Published: Feb 9 10:30 AM", None),  # no year
        ("Updated Feb 9, 2150", None),
        ("March 4, 2024: the bridge reopened", None),  # more than a date: a sentence
    ],
)
def test_header_and_dateline_read_one_date(line: str, published: str | None) -> None:
    """A header line that is only a date dates the article as find_dateline would date it."""
    raw = f"Bridge reopens after repairs\n\n{line}\n\nThe bridge reopened on Monday after two years."
    got = clean(load_text(raw, kind="text")).published
    assert (got.isoformat() if got else None) == published
    if published is not None:
        assert find_dateline(f"{line}\nBody.") == dt.date.fromisoformat(published)
