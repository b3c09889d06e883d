"""figures: number forms whole families of news sentences use (invented sentences, one row a form)."""

from __future__ import annotations

import pytest

from summarizer.candidates.figures import find_quantities, is_figure


def _figures(text: str) -> list[tuple[float, str | None, str]]:
    return [(q.value, q.unit, q.text) for q in find_quantities(text) if is_figure(text, q)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "and a half" after a number, or after its unit
        ("He was jailed for two and a half years.", [(2.5, "years", "two and a half")]),
        ("Output rose one and a half times.", [(1.5, "times", "one and a half")]),
        ("It cost 2 and a half million dollars.", [(2.5e6, "USD", "2 and a half million dollars")]),
        ("Two and a half thousand people attended.", [(2500, "people", "Two and a half thousand")]),
        ("The talks lasted more than a year and a half.", [(1.5, "years", "a year and a half")]),
        ("The trek took an hour and a half.", [(1.5, "hours", "an hour and a half")]),
        ("She ran three miles and a half.", [(3.5, "miles", "three miles and a half")]),
        # not a half of a unit: a noun that is no measure, a half that is a noun's
        ("He ate a pie and a half-eaten apple.", []),
        ("They met a friend and a half brother.", []),
    ],
)
def test_forms(text: str, expected: list[tuple[float, str | None, str]]) -> None:
    assert _figures(text) == expected
