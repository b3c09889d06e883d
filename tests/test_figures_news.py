"""figures.news: which mentions stand for a fact; a breakdown that sums to the count before it restates it."""

from __future__ import annotations

import pytest

from summarizer.candidates.figures import find_quantities


@pytest.mark.parametrize(
    "text, written",
    [
        # parts in apposition that sum to the count: the count stands for them
        ("Police arrested 12 people, seven women and five men, on Sunday.", ["12"]),
        ("The blast killed 10 people, including three soldiers, two police officers and five civilians.", ["10"]),
        # parts that do not sum to it are facts of their own
        ("Police arrested 12 people, seven women and three men, on Sunday.", ["12", "seven", "three"]),
        # a breakdown in its own sentence is news of its own (gold labels it)
        ("Eight people died. The victims were four children and four adults.", ["Eight", "four", "four"]),
        # one part is no breakdown
        ("Police arrested 12 people, seven women.", ["12", "seven"]),
    ],
)
def test_breakdowns(text, written):
    assert [q.text for q in find_quantities(text) if q.unit] == written
