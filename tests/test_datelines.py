"""datelines: a mixed-case dateline ("Indianapolis –", "Dekalb, Ill. —") counts only in a dateline's
exact position and form, with the parse's word that it is a place or a US state after it."""

import pytest

from summarizer.candidates.datelines import in_dateline
from summarizer.candidates.entities import entity_clusters
from summarizer.candidates.parse import parse

# (text, word, the parse calls it a place, inside a dateline?)
MIXED = [
    ("Indianapolis – Several thousand teachers rallied.", "Indianapolis", True, True),
    ("Indianapolis – Several thousand teachers rallied.", "Indianapolis", False, False),  # no place, no state
    ("Dekalb, Ill. — The school closed on Monday.", "Dekalb", False, True),  # a state abbreviation follows
    ("Fort Lauderdale, Fla. – Officials said", "Fort Lauderdale", False, True),
    ("Officials – including the mayor – said", "Officials", False, False),  # a sentence, not a place
    ("Paris, France — The", "Paris", False, False),
    ("Storm hits Oslo – live", "Oslo", True, False),  # the place is not the head's start
    ("Headline\n\nByline\n\nMore text\n\nIndianapolis – Teachers rallied.", "Indianapolis", True, False),  # too far down
    ("WASHINGTON – The Senate voted.", "WASHINGTON", False, True),  # capitals, as before
]


@pytest.mark.parametrize(("text", "word", "place", "inside"), MIXED)
def test_a_mixed_case_dateline(text: str, word: str, place: bool, inside: bool) -> None:
    start = text.index(word)
    assert in_dateline(text, start, start + len(word), place=place) is inside


# (text, the city): the parse's place opening the text before a dash is where the story was filed.
FILED = [
    ("Indianapolis – Several thousand teachers wearing red surrounded the Indiana Statehouse on Tuesday.",
     "Indianapolis"),
]


@pytest.mark.parametrize(("text", "city"), FILED)
def test_a_mixed_case_dateline_city_never_acts(text: str, city: str) -> None:
    clusters = [c for c in entity_clusters(parse(text)) if c.name == city]
    assert clusters and all(m.role == "place" for c in clusters for m in c.mentions)
