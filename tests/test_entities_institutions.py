"""An institution named by a common noun ("a court", "the Afghan government") is an organisation
that acts (summarizer/candidates/entities.py, kinds.INSTITUTION_NOUNS), not an unnamed crowd.

Offline: the spaCy pipeline is an installed package.
"""

from __future__ import annotations

import pytest

from summarizer.candidates.entities import entity_clusters
from summarizer.candidates.kinds import cluster_kind
from summarizer.candidates.parse import parse
from summarizer.candidates.participants import select_participants

# (text, the cluster's name or None when there is none, its kind, selected?)
INSTITUTIONS = [
    ("A court has convicted a friend of the bomber. The trial lasted a month. Nobody spoke.", "court",
     "organisation", True),
    ("The Afghan government ruled out Taliban involvement. The crash is under investigation. It rained.",
     "Afghan government", "organisation", True),
    # a person's name before it stays out of the name: the merge would take it for the person
    ("The Trump administration planned new tariffs on Monday. Markets fell. Traders were nervous.",
     "administration", "organisation", True),
    ("He appeared in court on Monday. The hearing was short. Nobody spoke.", None, None, False),
]


@pytest.mark.parametrize(("text", "name", "kind", "selected"), INSTITUTIONS)
def test_an_institution_that_acts(text: str, name: str | None, kind: str | None, selected: bool) -> None:
    doc = parse(text)
    clusters = {c.name: c.kind for c in entity_clusters(doc)}
    if name is None:
        assert not any(n.split()[-1].lower() == "court" for n in clusters), clusters
        return
    assert clusters.get(name) == kind, clusters
    assert (name in {f.name for f in select_participants(doc)}) is selected


# (label, name, kind): only the GROUP label's institution nouns, singular or plural, are organisations.
KINDS = [
    ("GROUP", "court", "organisation"),
    ("GROUP", "Recent governments", "organisation"),
    ("GROUP", "congress", "organisation"),
    ("GROUP", "protesters", "group"),
    ("NORP", "Council", "group"),
]


@pytest.mark.parametrize(("label", "name", "kind"), KINDS)
def test_institution_kind(label: str, name: str, kind: str) -> None:
    assert cluster_kind(label, [], name) == kind
