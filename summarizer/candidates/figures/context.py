"""Units that the words after a number do not give, read from the number's context.

* An age in apposition: "Patrick Carlineo Jr., 55, could face" -> 55 years (news style gives a
  person's age between commas after the name).
* A count whose noun is left out because the sentence named it already: "killed 23 soldiers
  and injured another 15", "13 people were hurt but 11 were still in hospital", "killing three
  people and injuring more than 260 others", "34 people are involved. Of those, 14 have..." ->
  the earlier count's noun.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.candidates.figures.quantity import Mention
from summarizer.candidates.lexicon import MEASURES, singular

# After a number used as a noun phrase of its own: punctuation, a verb, "who", "others".
_ELIDED_AFTER = re.compile(
    r"\s*(?:[.,;:!?)]|$)|\s+(?:others\b|who\b|were\b|was\b|are\b|have\b|had\b|remain(?:s|ed)?\b|died\b)"
)
# "Of those, 14 have": the noun is the previous sentence's.
_BACK_REFERENCE = re.compile(r"(?i:\b(?:of|among)\s+(?:those|them)\s*,?\s*)$")
# A sentence boundary (scraped text glues sentences: "another 15.Twenty insurgents").
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?:\s+|(?=[A-Z“\"]))|\n")
# Before a level compared with one just given: "... points to 4,577.10", "up from 2.4 million".
_LEVEL_BEFORE = re.compile(
    r"(?i:\b(?:(?:up|down)\s+)?from|\bto|\bversus|\bvs\.?|\bcompared\s+(?:with|to)|\b(?:end|ended|close|closed|finish|finished"
    r"|settle|settled|stand|stood|trade|traded|trading)\s+at)\s+$"
)
_JOINED_BEFORE = re.compile(r"(?i:\b(?:and|or|but|while|versus|vs\.?)\s+)$")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'.-]*,\s$")
_NOT_COUNTS = {"percent", "percentage_point", "times", "basis points"}


# A bare number that counts people by the idiom around it: "in front of 15,522", "a crowd of
# 40,000", "more than 12,000 in attendance".
_PEOPLE_BEFORE = re.compile(
    r"(?i:\b(?:in\s+front\s+of|(?:crowd|audience|attendance|turnout)\s+of)\s+"
    r"(?:about\s+|some\s+|more\s+than\s+|nearly\s+)?)$"
)
_PEOPLE_AFTER = re.compile(r"\s+in\s+attendance\b")


def counts_people(text: str, m: re.Match[str], end: int) -> bool:
    """A crowd's size: the number after "in front of"/"a crowd of", or before "in attendance"."""
    if re.match(r"\s+[A-Z]", text[end : end + 2]):
        return False  # "in front of 131 West 23rd Street": an address
    return bool(_PEOPLE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]) or _PEOPLE_AFTER.match(text, end))


def age_in_apposition(text: str, m: re.Match[str]) -> bool:
    """A whole number from 1 to 119 between commas after a capitalised word: "Parise, 35, had"."""
    digits = m["d"]
    if not digits or not digits.isdigit() or not 0 < int(digits) < 120:
        return False
    if not re.match(r",\s", text[m.end() : m.end() + 2]):
        return False
    return bool(_NAME_BEFORE.search(text[max(0, m.start() - 40) : m.start()]))


# An earthquake's size comes after its word: "a magnitude 7.1 earthquake", "a magnitude of 6.4".
_MAGNITUDE_BEFORE = re.compile(r"(?i:\bmagnitude[\s-]+(?:of\s+)?)$")


def magnitude_before(text: str, m: re.Match[str]) -> bool:
    return bool(m["d"]) and bool(_MAGNITUDE_BEFORE.search(text, max(0, m.start() - 16), m.start()))


def sentence_start(text: str, pos: int) -> int:
    start = 0
    for end in _SENTENCE_END.finditer(text, max(0, pos - 400), pos):
        start = end.end()
    return start


def _is_measure(unit: str) -> bool:
    return unit.islower() and singular(unit.split()[-1]) in MEASURES


def _counts_things(unit: str | None) -> bool:
    """A unit that is a counted noun ("soldiers", "people"), not money, a percentage or a measure."""
    if not unit or unit in _NOT_COUNTS or not unit.islower():
        return False
    return singular(unit.split()[-1]) not in MEASURES


def elided_unit(text: str, m: re.Match[str], end: int, before: Sequence[Mention]) -> str | None:
    """The noun of the nearest earlier count in the same sentence (or, after "of those," in the
    sentence before), for a whole number with no noun of its own; None when there is none. A
    level after "to"/"from" takes a measure too: "rose 64.06 points to 4,577.10", "3.9 million
    headsets, up from 2.4 million"."""
    start = sentence_start(text, m.start())
    if _LEVEL_BEFORE.search(text[start : m.start()]):
        for q in reversed(before):
            if q.end <= start:
                break
            if q.end <= m.start() and q.unit and (_counts_things(q.unit) or _is_measure(q.unit)):
                return q.unit
        return None
    if m["d"] and "." in m["d"] and _JOINED_BEFORE.search(text[start : m.start()]):
        # "a minus-1.4 degree average in 2018 and 2.1 last year": a decimal joined to an earlier
        # decimal measure or rate of the sentence shares its unit
        for q in reversed(before):
            if q.end <= start:
                break
            if q.unit and "." in q.text and (q.unit in ("percent", "percentage_point") or _is_measure(q.unit)):
                return q.unit
        return None
    if (m["d"] and not m["d"].replace(",", "").isdigit()) or (m["w"] and m["w"].lower() in ("a", "an", "one")):
        return None
    if not _ELIDED_AFTER.match(text, end):
        return None
    if _BACK_REFERENCE.search(text[start : m.start()]):
        start = sentence_start(text, start - 1)
    for q in reversed(before):
        if q.end <= start:
            break
        if q.end <= m.start() and _counts_things(q.unit):
            return q.unit
    return None
