"""figures.scores: a result the text calls a win, loss or lead is two figures in the story's scoring unit."""

from __future__ import annotations

import pytest

from summarizer.candidates.figures import find_quantities

_HOCKEY = "Parise scored two goals. Zucker added a goal. "
_TENNIS = "Nadal won his match. The doubles match decided it. "


@pytest.mark.parametrize(
    "text, expected",
    [
        # each side's count, in the noun the story scores in most
        (_HOCKEY + "It was the Wild’s 4-1 win over the Sabres.", [(2, "goals"), (4, "goals"), (1, "goals")]),
        (_TENNIS + "Lopez gave the hosts a 2-1 win over Russia.", [(2, "matches"), (1, "matches")]),
        (_HOCKEY + "They hold a 3-0 lead.", [(2, "goals"), (3, "goals"), (0, "goals")]),
        # no scoring noun in the story: no unit, so no figure (NewsQuant labels none here either)
        ("Bristol City came from behind to beat Charlton 2-1 thanks to a late winner.", []),
        ("a 2-1 win", []),
        # not a result the sentence names: a bare pair, a level tie, a run of set scores
        (_TENNIS + "Nadal defeated Khachanov 6-3, 7-6 (7) to level the series 1-1.", []),
        (_TENNIS + "Australia won behind Kyrgios’ 6-4, 6-4 win over Gonzalez.", []),
        (_HOCKEY + "while serving at 5-4, but", [(2, "goals")]),
        # restated in a later sentence: one fact
        (_HOCKEY + "A 4-1 win. The 4-1 win was their third.", [(2, "goals"), (4, "goals"), (1, "goals")]),
    ],
)
def test_results(text, expected):
    found = [(q.value, q.unit) for q in find_quantities(text) if q.unit]
    assert found == [(pytest.approx(v), u) for v, u in expected]

