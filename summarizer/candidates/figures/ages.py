"""Which ages are news: LABELLING.md counts "ages, when relevant".

A story gives the age of its main actors ("Patrick Carlineo Jr., 55, could face", "Parise, 35,
had scored") and of the people it quotes or describes further down ("said her son, Luis González
Añez, 23,", "Take, for instance, 51-year-old Lisbeth Añez"). The gold suite labels the first kind
only. What tells them apart is the person's role in the story, read from where the story names
them: a main actor is named in its lead (the headline and the first two sentences,
describe.LEAD_SENTENCES), an example or a witness is introduced later. So a named person's age
is a figure when the person's surname is in the lead; an age with no name ("the 27-year-old",
"a 43-year-old man") refers to somebody the story has introduced and stays. The number's own
position decides nothing.
"""

from __future__ import annotations

import re

from summarizer.candidates.describe import LEAD_SENTENCES  # the headline and the first two sentences
from summarizer.candidates.figures.quantity import Mention

__all__ = ["age_not_news"]


_NAME = r"[A-Z][\w’'-]+"
# "Luis González Añez, 23,", "Patrick Carlineo Jr., 55,", "Yanelis Banco, 36 years old"
_NAME_BEFORE = re.compile(rf"(?P<n>{_NAME})(?:\s+(?:Jr|Sr)\.?)?,\s*$")
# "51-year-old Lisbeth Añez": the name after the age
_NAME_AFTER = re.compile(rf"\s+(?P<n>{_NAME}(?:\s+{_NAME})*)")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?:\s+|(?=[A-Z“\"]))|\n+")
# A full stop after a title or an initial ends no sentence: "Rep. Ilhan Omar", "T.R. Reid".
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z]|\.[A-Z])$")


def _lead(text: str) -> str:
    count = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith("\n") or not _ABBREVIATION.search(text, 0, m.start()):
            count += 1
            if count == LEAD_SENTENCES:
                return text[: m.start()]
    return text


def _aged_name(text: str, q: Mention) -> str | None:
    """The surname of the person an age belongs to, or None when the age names nobody."""
    if q.unit != "years":
        return None
    if q.text.endswith("-year-old"):
        after = _NAME_AFTER.match(text, q.end)
        return after["n"].split()[-1] if after else None
    if re.match(r",|\s+years?\s+old\b", text[q.end : q.end + 12]):
        before = _NAME_BEFORE.search(text, max(0, q.start - 40), q.start)
        return before["n"] if before else None
    return None


def age_not_news(text: str, q: Mention) -> bool:
    """A named person's age where the person is not named in the story's lead."""
    surname = _aged_name(text, q)
    return surname is not None and re.search(rf"\b{re.escape(surname)}\b", _lead(text)) is None
