"""Page furniture inside the parsed text (summarizer/candidates/furniture.py): a credit or a call to
action left in a story line names no participant."""

from __future__ import annotations

import pytest

from summarizer.candidates.entities import entity_clusters
from summarizer.candidates.furniture import furniture_spans
from summarizer.candidates.parse import parse

STORY = "Opposition leader Henrique Capriles said the country could become a failed state. "

# (text, a name, is it a mention?)
CASES = [
    (STORY + "Mariana Zuñiga contributed to this report. Read more about the vote.", "Mariana Zuñiga", False),
    (STORY + "Follow Mike Wall on Twitter for more stories.", "Mike Wall", False),
    (STORY + "Mariana Zuñiga contributed to this report.", "Henrique Capriles", True),
    (STORY + "Mariana Zuñiga told reporters she had voted.", "Mariana Zuñiga", True),
]


@pytest.mark.parametrize(("text", "name", "mention"), CASES)
def test_names_in_furniture_are_no_mentions(text: str, name: str, mention: bool) -> None:
    doc = parse(text)
    names = {c.name for c in entity_clusters(doc)}
    assert (name in names) is mention, names
    start = text.index(name)
    assert any(s <= start < e for s, e in furniture_spans(doc)) is not mention
