"""The one unnamed person of a crime or illness story ("the victim", "the suspect") is a person
(summarizer/candidates/kinds.py EVENT_ROLES), selected when acting in the lead or twice
(participants.py), never for acting once.

Offline: the spaCy pipeline is an installed package.
"""

from __future__ import annotations

import pytest

from summarizer.candidates.entities import entity_clusters
from summarizer.candidates.parse import parse
from summarizer.candidates.participants import select_participants

CALM = "The day passed. Shops stayed open. Traffic was light. "

# (text, head noun, kind, selected?)
UNNAMED = [
    ("Police are hunting a suspect after a blast in Lyon. " + CALM, "suspect", "person", True),
    (CALM + "The victim was a good Samaritan. Officers said the victim died later.", "victim", "person", True),
    (CALM + "Officers said the victim died later.", "victim", "person", False),  # acts once, after the lead
    ("Police are hunting suspects after a blast in Lyon. " + CALM, "suspects", "group", False),  # plural: a crowd
]


@pytest.mark.parametrize(("text", "noun", "kind", "selected"), UNNAMED)
def test_an_unnamed_person(text: str, noun: str, kind: str, selected: bool) -> None:
    doc = parse(text)
    kinds = {c.name.split()[-1]: c.kind for c in entity_clusters(doc)}
    assert kinds.get(noun) == kind, kinds
    chosen = {f.name.split()[-1] for f in select_participants(doc)}
    assert (noun in chosen) is selected, chosen
