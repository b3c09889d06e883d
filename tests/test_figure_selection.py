"""figures.news.is_figure and the parse rules that decide which quantities can be figures at all:
each case is a rule measured on the gold suite's and NewsQuant's tune halves (see the comments
beside the rules)."""

from __future__ import annotations

import pytest

from summarizer.candidates.figures import find_quantities
from summarizer.candidates.figures.news import is_figure


def _figures(text: str) -> list[tuple[float, str | None]]:
    return [(q.value, q.unit) for q in find_quantities(text) if is_figure(text, q)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # unitless but scaled: an amount whose currency sign was lost ("worth of 1.356 billion")
        ("a net worth of 1.356 billion", [(1.356e9, None)]),
        ("around 25k cheaper", [(25e3, None)]),
        # unitless levels a price or index reaches: a decimal, or 1,000 and more, after "at"/"to"
        ("prices will go up by an average of 1500.", [(1500, None)]),
        ("the yen traded at 132.86 against the greenback", [(132.86, None)]),
        ("the index rose 1.2% to 3,100.", [(1.2, "percent"), (3100, None)]),
        ("the score went to 15.", []),  # a small whole number stays out
        ("a 2.1 rise", []),  # a decimal without the cue stays out
        # "the/these/those/both" + number word: a pronoun for parties, unless it is a duration
        ("the two countries signed", []),
        ("during those three months", [(3, "months")]),
        ("both sides", []),
        # "one"/"a" counts of things are no figure; of time they are
        ("more than one night out of 17", []),
        ("why any one person develops it", []),
        ("for one year", [(1, "years")]),
        ("two people died", [(2, "people")]),
        # vague plurals write no value: "dozens" is no figure of 12
        ("Dozens of sightings were reported", []),
        ("hundreds of people marched", []),
        ("tens of thousands of dollars", []),
        ("Scores of homes burned", []),
        ("300 people marched", [(300, "people")]),
        ("two million people voted", [(2e6, "people")]),
        # a superlative after a number word names a ranked set
        ("the world's two largest economies", []),
        ("its three biggest customers", []),
        ("two protest leaders", [(2, "leaders")]),  # "protest" is no superlative
        ("two new vaccines", [(2, "vaccines")]),
    ],
)
def test_is_figure(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the whole a part is counted out of is no figure: "two of three requirements"
        ("two of three requirements for life", [(2, "requirements")]),
        ("with 3 out of 4 people losing weight", [(3, None)]),
        ("8 of 10 voters", [(8, "voters")]),  # the part counts what the whole counts
        ("They won 3 of 4 games.", [(3, "games")]),
        ("two of all deputies", [(2, "deputies")]),
        # a model number after a count is skipped to reach the noun
        ("its fleet of roughly 400 737 Max jets", [(400, "jets")]),
        ("bids for some 60 737 Max jets", [(60, "jets")]),
    ],
)
def test_parts_and_models(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("At 118.5p, its shares have climbed", [(118.5, "p")]),  # pence glued to a price
        ("a target of 200p on the business", [(200, "p")]),
        ("streams in 1080p now", []),  # a video resolution
        ("a 5p charge", [(5, "p")]),
        ("at 3pm", []),  # a time of day
    ],
)
def test_pence(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a level after "closed at" takes the measure given earlier in the sentence
        ("the TA-25 ended at 1,463.78 points, while the TA-125 lost 1.1% to end at 1,334.20",
         [(1463.78, "points"), (1.1, "percent"), (1334.2, "points")]),
        ("shares closed at 45.20", [(45.2, None)]),  # no measure before: no unit
        # a decimal joined to an earlier decimal measure or rate shares its unit
        ("a minus-1.4 degree average launch angle in 2018 and 2.1 last year",
         [(-1.4, "degrees"), (2.1, "degrees")]),
        ("growth of 2.5% in 2018 and 2.1 in 2019", [(2.5, "percent"), (2.1, "percent")]),
        ("killed 12 people and 2.5 tonnes", [(12, "people"), (2.5, "tonnes")]),
    ],
)
def test_levels(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # emergency numbers are identifiers, as phone numbers are
        ("officials began receiving 911 calls Tuesday", []),
        ("she called 911 and waited", []),
        ("a 999 operator said", []),
        ("about 911 people died", [(911, "people")]),  # a count that happens to read 911
        # unit forms: megapixels, glued basis points, a statistic's acronym before a function word,
        # "won" after a scale (no verb there)
        ("a 48MP sensor", [(48, "megapixels")]),
        ("the rate rose 25bp.", [(25, "basis points")]),
        ("He has a 5.2 WAR this season.", [(5.2, "WAR")]),
        ("a 3.5 GDP growth", [(3.5, None)]),  # a lower-case noun after the acronym: no unit read
        ("Net profit rose to 3.2 trillion won.", [(3.2e12, "KRW")]),
        ("The team 3 won", [(3, None)]),
    ],
)
def test_identifiers_and_unit_forms(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The city has half a million residents.",
        "Emirates ordered 30 Boeing 787-9 jets.",
        "Sales rose to 1.2bn last year.",
        "Growth of 3-4% is expected.",
        "The deal is worth £5m-£7m.",
        "Temperatures fell to minus 5C overnight.",
        "Die Inflation lag bei 7,5 % im Mai.",
        "Sales reached two million.",
        "Half a million.",
    ],
)
def test_issue_odd_forms_are_figures(text):
    found = find_quantities(text)
    assert len(found) == 1 and is_figure(text, found[0])
