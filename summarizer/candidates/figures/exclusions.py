"""Digits that are no quantity: dates, times of day, phone numbers, scores, and numbers in
names ("flight 370", "Boeing 747", "S&P 500").
"""

from __future__ import annotations

import re

from summarizer.candidates.dates import find_date_mentions
from summarizer.candidates.figures.words import BASIC_WORD

# Spans that hold digits but no quantity.
_TIMES = re.compile(
    r"(?i:\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w)|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{4}\s*(?:GMT|UTC|hrs)\b)"
)
_PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,3}"
    r"|(?<![\d,.])\d{3,4}(?:[\s.-]\d{3,4}){2,3}(?![\d,])"
    r"|(?<![\d,.])\d{4}\s\d{4}(?![\d,]))"
)
# Emergency numbers are identifiers (LABELLING.md: phone numbers): "receiving 911 calls", "dialled 999".
_EMERGENCY = re.compile(
    r"(?i:(?:(?<=\bcalled\s)|(?<=\bdialled\s)|(?<=\bdialed\s)|(?<=\bcall\s))(?:911|999|112)\b"
    r"|\b(?:911|999|112)(?=\s+(?:calls?|callers?|dispatch\w*|operators?|lines?|cent(?:er|re)s?|services?)\b))"
)
_SCORE = re.compile(r"(?<![\d.,-])(\d{1,2})[-–](\d{1,2})(?![\d%-]|[.,]\d)")
_PHONE_CUE = re.compile(r"(?i:\b(?:tel|call|phone|hotline|fax|contact|whatsapp|sms|text)\b\W{0,3}$)")
_LABEL_BEFORE = re.compile(
    r"(?i:\b(?:no\.?|nos\.|number|flight|route|gate|platform|room|chapter|section|article|page|line|bus|"
    r"channel|version|level|phase|grade|episode|round|stage|act|lot|code|exit|pier|terminal|tel|#)\s*)$"
)
_NAME_AFTER = re.compile(r"\s(?!(?:The|A|An|In|On|At|But|And)\b)[A-Z][a-z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“‘(]\s*)$")


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans holding digits that are not quantities: dates, times of day, phone numbers."""
    spans = [(s, e) for s, e, _ in find_date_mentions(text)]
    spans += [m.span() for m in _TIMES.finditer(text)]
    spans += [m.span() for m in _EMERGENCY.finditer(text)]
    # Scores ("won 2-1", "a 9-2 lead"): a falling pair of small numbers is not a range.
    spans += [m.span() for m in _SCORE.finditer(text) if int(m[1]) >= int(m[2])]
    for m in _PHONE.finditer(text):
        # "1000-1500" is a range unless a phone cue says otherwise.
        cued = _PHONE_CUE.search(text[max(0, m.start() - 12) : m.start()])
        if not re.fullmatch(r"\d{3,4}-\d{3,4}", m.group()) or cued:
            spans.append(m.span())
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def model_number(text: str, m: re.Match[str]) -> bool:
    """A bare integer that names a product even before a unit noun: "Boeing's 787 jets",
    "A350-900 jets", "400 737 Max jets", "five 787 Dreamliner sales"."""
    if not m["d"] or "." in m["d"] or "," in m["d"]:
        return False
    window = text[max(0, m.start() - 40) : m.start()]
    if re.search(r"[A-Z]\w*\d[-‑]$|(?:[’']s|[A-Z][\w’']*)\s\d+[-‑]$", window):
        return True  # "A350-900", "Boeing's 787-9", "Boeing 787-9"
    if re.search(r"\b[A-Z][\w’']*\s$", window) and re.match(r"[-‑]\d", text[m.end() : m.end() + 2]):
        return True  # "Boeing 787-9": the model, not a range
    if re.search(r"[A-Z][\w-]*\s?[’']s\s$", window):
        return True  # "Boeing's 787": a possessed bare number
    follows_number = re.search(rf"(?:\d|\b(?i:{BASIC_WORD}))\s$", window)
    return bool(follows_number and re.match(r"\s[A-Z][a-z]", text[m.end() : m.end() + 3]))


def labels_a_name(text: str, m: re.Match[str], unit: str | None) -> bool:
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
    # "... 11 Pro": a capitalised word after a bare number names it too, unless it starts a clause.
    return unit is None and bool(_NAME_AFTER.match(text[m.end() : m.end() + 4]))

