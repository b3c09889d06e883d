"""Full dates in a line: day, month and year all written, the only dates that date an article alone.

    full_dates(line)    [(match, date)] for "Feb 9, 2024", "9 February 2024", "2024-02-09", "2024年2月9日"

The one reading of "a written date" that both readers of an article's own date share:
clean.header (a line that is only a date: "Published: March 4, 2024 10:30 AM") and
candidates.datelines (a dated header line or dateline lead among the first lines). It finds dates
with dates.py's patterns, so a dateline and a date mention are read alike ("Sept. 4, 2024" or the
verb "may", never the month), and resolves them with date_resolution.py. It imports only those two:
clean/ runs first and imports it without a cycle.
"""

from __future__ import annotations

import datetime as dt
import re

from summarizer.candidates.date_resolution import _RESOLVERS, in_years
from summarizer.candidates.dates import _scan

__all__ = ["full_dates"]

# dates.py's kinds that carry a year and a day; "cjk" may lack its day ("2024年2月").
_FULL_KINDS = ("iso", "mdy", "dmy", "cjk")


def full_dates(line: str) -> list[tuple[re.Match[str], dt.date]]:
    """The valid full dates in `line`, in order: a month-day ("Feb 9") needs an anchor, a month
    ("February 2024") is no day, and "Feb 30, 2024" is no date, so none of them is one."""
    found = []
    for _, _, kind, m in _scan(line):
        if kind not in _FULL_KINDS or (kind == "cjk" and not m["d"]):
            continue
        resolved = _RESOLVERS[kind](m, None)
        if resolved is not None and in_years(resolved):  # "Feb 9, 2150" dates no article
            found.append((m, dt.date.fromisoformat(resolved)))
    return found
