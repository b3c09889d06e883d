"""figures.news: which mentions stand for a fact."""

from __future__ import annotations

import pytest

from summarizer.candidates.figures import find_quantities, is_figure

_LEAD = "Patrick Carlineo Jr. pleaded guilty on Monday. Prosecutors said he threatened Rep. Ilhan Omar. "


@pytest.mark.parametrize(
    "text, ages",
    [
        # a main actor's age: the person is named in the lead (headline and first two sentences)
        (_LEAD + "Later, Carlineo, 55, said he was sorry.", [55]),
        ("Patrick Carlineo Jr., 55, could face prison.", [55]),
        # an age with no name refers to somebody the story has introduced
        (_LEAD + "The 43-year-old man had suffered for months.", [43]),
        # a person introduced further down: an example or a witness, not the news
        (_LEAD + "Rain fell. Crowds came. Take, for instance, 51-year-old Lisbeth Añez.", []),
        (_LEAD + "Rain fell. Crowds came. “I can’t sleep,” said her son, Luis González Añez, 23, who waited.", []),
        (_LEAD + "Rain fell. Crowds came. Yanelis Banco, 36 years old, said she was fired.", []),
    ],
)
def test_ages_that_are_news(text, ages):
    assert [q.value for q in find_quantities(text) if q.unit == "years" and is_figure(text, q)] == ages


@pytest.mark.parametrize(
    "text, figures",
    [
        # a hyphenated kind of thing is a specification, not a figure
        ("a 3.5-liter V-6 paired with a six-speed automatic transmission", ["3.5-liter"]),
        ("seating 242 passengers in a two-class layout", ["242"]),
        ("a four-door sedan with a four-cylinder engine", []),
        ("a five-star hotel", []),
        # a hyphenated amount stays one
        ("a 48-hour strike", ["48-hour"]),
        ("a three-game streak", ["three-game"]),
    ],
)
def test_kinds_of_things(text, figures):
    assert [q.text for q in find_quantities(text) if is_figure(text, q)] == figures


@pytest.mark.parametrize(
    "text, figures",
    [
        # a number word after a definite word points back at a set named already
        ("the leaders of the two countries met", []),
        # a duration stays
        ("during those three months", ["three"]),
    ],
)
def test_pointing_back(text, figures):
    assert [q.text for q in find_quantities(text) if is_figure(text, q)] == figures


@pytest.mark.parametrize(
    "text, figures",
    [
        # a scale letter glued to a name: a resolution, a race, a model, not thousands or millions
        ("streaming in 4K on a 4K-ready TV", []),
        ("she ran a 5K on Sunday", []),
        ("the Radeon Pro 5300M and 5500M", []),
        # amounts stay: lower case, with a currency, with a noun counted, or fewer digits
        ("around 25k cheaper", ["25k"]),
        ("it costs $4K", ["$4K"]),
        ("he has 100K followers", ["100K"]),
        ("raised 300M last year", ["300M"]),
    ],
)
def test_scale_letter_names(text, figures):
    assert [q.text for q in find_quantities(text) if is_figure(text, q)] == figures
