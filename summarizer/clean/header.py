"""Metadata at the edges of pasted text: headline, byline, dateline, source URL.

Pasted pages start with the headline, often followed by "By ..." and a date,
and sometimes end with the page's address. Those lines are metadata, not body.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from summarizer.candidates.full_dates import full_dates
from summarizer.clean.boilerplate import is_boilerplate
from summarizer.clean.repair import continues_sentence

_TOP_LINES = 8
_BOTTOM_LINES = 3
_MAX_HEADLINE_WORDS = 25

_BYLINE = re.compile(r"^by\s+(?P<names>[^,|–—(]{2,80}?)\s*(?:[,|–—(].*)?$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.’'-]*|and|&|de|da|van|von|der|la|le|bin|al)$")
_URL_LINE = re.compile(r"^(?:(?:source|url|link|read more at|originally published at)\s*:?\s*)?(https?://\S+)$", re.I)

# What may stand beside a date on a dateline: labels, weekdays, times, zones.
_DATELINE_FILLER = re.compile(
    r"\b(?:published|updated|posted|last|first|on|at|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"
    r"|\b\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?|\b(?:am|pm|(?-i:[A-Z]{2,4})|GMT[+-]?\d*|UTC[+-]?\d*)\b"
    r"|[\W\d_]+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TextHeader:
    title: str | None = None
    author: str | None = None
    published: datetime.date | None = None
    url: str | None = None
    lines: set[int] = field(default_factory=set)  # indexes in text.split("\n") they took


def read_text_header(text: str) -> TextHeader:
    lines = text.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 2:
        return TextHeader()
    found: dict[str, object] = {}
    used: set[int] = set()
    first, second = lines[content[0]], lines[content[1]]
    if _looks_like_headline(first) and not continues_sentence(first, second):
        found["title"] = lines[content[0]].strip()
        used.add(content[0])
    for i in content[:_TOP_LINES] + content[-_BOTTOM_LINES:]:
        if i in used:
            continue
        line = lines[i].strip()
        for key, reader in (("author", _byline), ("published", _dateline), ("url", _url_line)):
            value = reader(line)
            if key not in found and value is not None:
                found[key] = value
                used.add(i)
                break
    return TextHeader(lines=used, **found)  # type: ignore[arg-type]


def _looks_like_headline(line: str) -> bool:
    stripped = line.strip()
    words = stripped.split()
    return (
        2 <= len(words) <= _MAX_HEADLINE_WORDS
        and not re.search(r"[.!?;:,…][\"”’')]?$", stripped)
        and not is_boilerplate(stripped)
        and _byline(stripped) is None
        and _dateline(stripped) is None
    )


def _byline(line: str) -> str | None:
    match = _BYLINE.match(line)
    if not match:
        return None
    names = match.group("names").strip()
    words = names.split()
    if not 2 <= len(words) <= 8 or not all(_NAME_WORD.match(word) for word in words):
        return None
    return names


def _dateline(line: str) -> datetime.date | None:
    """The date of a line that is only a date and its filler ("Published: March 4, 2024 10:30 AM").

    What a date is (day, month and year written) is full_dates', the reading find_dateline uses
    on the body's first lines too, so a header line and a dateline agree."""
    if len(line.split()) > 12:
        return None
    dates = full_dates(line)
    if not dates:
        return None
    match, day = dates[0]
    return None if _DATELINE_FILLER.sub("", line.replace(match.group(0), "")).strip() else day


def _url_line(line: str) -> str | None:
    match = _URL_LINE.match(line)
    return match.group(1) if match else None
