"""Names glued across a lost line break (summarizer/candidates/glue.py): cut where the text also
writes the glued word alone; real one-word names stay whole."""

from __future__ import annotations

import pytest

from summarizer.candidates.entities import entity_clusters
from summarizer.candidates.glue import unglued
from summarizer.candidates.parse import parse

# (text, the name as the NER spans it, the name kept)
CASES = [
    ("Rep. Ilhan OmarIlhan Omar said on Monday that Ilhan would not resign.", "Ilhan OmarIlhan", "Ilhan Omar"),
    ("Taliban spokesman BombZabiullah Mujahid said Zabiullah was right.", "BombZabiullah Mujahid",
     "Zabiullah Mujahid"),
    ("Prime Minister Theresa MayVideo spoke. Video is here.", "Theresa MayVideo", "Theresa May"),
    ("McDonald said Donald was late.", "McDonald", "McDonald"),  # a two-letter prefix never glues
    ("BlackRock bought the shares.", "BlackRock", "BlackRock"),  # "Rock" is not written alone
]


@pytest.mark.parametrize(("text", "name", "kept"), CASES)
def test_unglued(text: str, name: str, kept: str) -> None:
    start = text.index(name)
    s, e = unglued(text, start, start + len(name))
    assert text[s:e] == kept


def test_a_cluster_is_named_without_the_glue() -> None:
    text = "Rep. Ilhan OmarIlhan Omar said on Monday that she would not resign. Ilhan Omar spoke again."
    names = {c.name for c in entity_clusters(parse(text))}
    assert "Ilhan Omar" in names and not any("OmarIlhan" in n for n in names), names
