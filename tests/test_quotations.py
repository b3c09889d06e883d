"""quotations: who said it. Appositions, inverted cues, abbreviations, unnamed sources; and which quotations and numbers become candidates for the model to describe."""

from __future__ import annotations

import pytest

from summarizer.candidates import find_candidates
from summarizer.candidates.names import is_news_outlet
from summarizer.candidates.quotations import _quote_spans, find_quotations, source_kind
from summarizer.ground import _setting_not_actor


def _speakers(text):
    return [(q.text, q.speaker) for q in find_quotations(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # apposition between the name and the cue
        (
            "“Growth is slowing,” John Williams, the president of the New York Fed, said in a speech.",
            [("Growth is slowing,", "John Williams")],
        ),
        # an abbreviation's full stop does not end the attribution
        ("“We want more,” Mr. Trump said on Nov. 8.", [("We want more,", "Trump")]),
        # inverted cue with a relation before the name
        ("“I can’t sleep,” said her son, Luis González Añez, 23.", [("I can’t sleep,", "Luis González Añez")]),
        ("“It is a scam,” said Henrique Capriles, an opposition leader.", [("It is a scam,", "Henrique Capriles")]),
        # a pronoun alone names nobody: resolving it cost precision on PolNeAR
        ("Gabriela Ramírez spoke. “We will have a narco regime,” she said.", [("We will have a narco regime,", None)]),
        # unnamed sources keep their noun phrase
        (
            "A senior Conservative official said there is deep frustration in Downing Street.",
            [("there is deep frustration in Downing Street", "senior Conservative official")],
        ),
        ("Afghan officials said the road was closed.", [("the road was closed", "Afghan officials")]),
        # a stance verb keeps its verb phrase as the quote
        (
            "Attorney General Tarek William Saab rejected and condemned the leak of videos.",
            [("rejected and condemned the leak of videos", "Tarek William Saab")],
        ),
        ("The company warned of weaker sales.", []),  # no named speaker: nothing to hold it
        ("China has been criticised, notably by the US, over Taiwan.", []),  # passive: China is the target
    ],
)
def test_speakers(text, expected):
    assert _speakers(text) == expected


# (text, the quotes as found): every common quote mark, with no mark left inside a quote.
QUOTE_MARKS = [
    ("He said “we will win” today.", ["we will win"]),
    ('He said "we will win" today.', ["we will win"]),
    ("He said ‘we will win’ today.", ["we will win"]),
    ("He said 'we will win' today.", ["we will win"]),
    ("Il a dit « nous gagnerons » hier.", ["nous gagnerons"]),
    # ASCII doubled marks, as some wires print “…” (PolNeAR's New York Times text): no stray '
    ("Not paying taxes ''makes me smart,'' Donald J. Trump said.", ["makes me smart,"]),
    ("the words ''I can't breathe,'' as he said", ["I can't breathe,"]),
    ("He said ``we will win'' and left.", ["we will win"]),  # Penn Treebank style
    ("It's the 'best' one, isn't it?", ["best"]),  # apostrophes are no quote marks
]


@pytest.mark.parametrize(("text", "quotes"), QUOTE_MARKS)
def test_quote_marks(text, quotes):
    assert [text[s:e] for s, e in _quote_spans(text)] == quotes


@pytest.mark.parametrize(
    "name, outlet",
    [("Reuters", True), ("the Associated Press", True), ("Xinhua News Agency", True), ("AFP", True),
     ("Al-Monitor", True), ("Kremlin", False), ("Reuters Institute fellow Jane Doe", False), (None, False)],
)
def test_is_news_outlet(name, outlet):
    assert is_news_outlet(name) is outlet


@pytest.mark.parametrize(
    "speaker, kind",
    [("Afghan officials", "group"), ("senior Conservative official", "person"), ("central bank", "organisation"),
     ("Regional authorities", "organisation"), ("Yuri Ushakov", None)],
)
def test_source_kind(speaker, kind):
    assert source_kind(speaker) == kind


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Smith said that the plan would fail within a year.", ["the plan would fail within a year"]),
        ("Reuters reported that the company will list its shares next month.", []),  # the news, not a stance
        ("The shares will list next month, according to Reuters news agency.", []),  # a wire service
        ("Smith said it was fine.", []),  # under five words: no position to describe
    ],
)
def test_position_candidates(text, kept):
    assert [q.text for q in find_candidates(text).quotes] == kept


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Police said 12 people were arrested.", [(12, "people")]),
        ("“They changed tactics,” said one source.", []),  # a determiner "one", not a count
        ("HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%\n\nSales rose 3.6 percent.", [(3.6, "percent")]),  # ticker
    ],
)
def test_figure_candidates(text, kept):
    assert [(n.value, n.unit) for n in find_candidates(text).numbers] == kept


@pytest.mark.parametrize(
    "name, role, dropped",
    [("Kandahar province", "location", True), ("Bolivia", "Location", True), ("Reuters", "agency", True),
     ("ECDC", "source of information", True), ("Taiwan", "conflict area", False), ("Kremlin", None, False),
     ("Yuri Ushakov", "Kremlin aide", False)],
)
def test_setting_not_actor(name, role, dropped):
    assert _setting_not_actor(name, role) is dropped


@pytest.mark.parametrize(
    "stance, holder, expected",
    [
        ("rejects the sovereignty claims", "Taiwan", "rejects the sovereignty claims"),
        ("realise", "Yuri Ushakov", "says: the US contains both Russia and China…"),  # one word
        ("prosecutors", "Prosecutors", "says: the US contains both Russia and China…"),  # the holder again
        ("", "Kremlin", "says: the US contains both Russia and China…"),
    ],
)
def test_stance_or_gist(stance, holder, expected):
    from summarizer.ground import _stance_or_gist

    assert _stance_or_gist(stance, holder, "the US contains both Russia and China") == expected
