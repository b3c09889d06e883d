"""What a number measures and what a source holds, copied from the text by code (candidates/measures.py,
describe.stance_of)."""

from __future__ import annotations

import pytest

from summarizer.candidates import find_candidates
from summarizer.candidates.describe import stance_of
from summarizer.candidates.measures import measures_of
from summarizer.candidates.parse import parse

# (sentence, the number as the figure's text gives it, what it measures)
CASES = [
    # the counted noun and the verb over it, with the verb's subject
    ("Revenue rose 3.5 percent to $27.2 billion.", "$27.2 billion", "Revenue rose"),
    ("Eight people died of the disease.", "Eight", "people died"),
    # a breakdown of the count is another figure, not part of what this one measures
    ("Police arrested 12 people, seven women and five men, in connection with the attack.", "12",
     "Police arrested people"),
    # "more than" / "up to" belong to the figure, not to the thing counted
    ("Tazhayakov faces up to 20 years in prison.", "20", "Tazhayakov faces years in prison"),
    # a conversion in brackets measures what the amount it converts measures
    ("Trade between the two countries has surged, hitting US$240.1 billion (S$323.6 billion) in 2023.",
     "S$323.6 billion", "Trade between the two countries hitting"),
    ("Trade between the two countries has surged, hitting US$240.1 billion (S$323.6 billion) in 2023.",
     "US$240.1 billion", "Trade between the two countries hitting"),
    # an anaphoric "the two countries" is kept; an article that belonged to the number is not
    ("Exports rose, a 26 per cent annual increase, according to customs data.", "26 per cent",
     "annual increase"),
    # a hyphenated number-adjective counts the noun it modifies
    ("Mr Xi and Mr Putin spoke during the hour-long call, the Kremlin said.", "hour-long",
     "Mr Xi and Mr Putin spoke during the call"),
    # commas stay between kept words; the article's own spacing is kept
    ("Dealers sold 4,000 new cars, trucks and SUVs in October.", "4,000", "Dealers sold new cars, trucks and SUVs"),
    # ages: whose age it is
    ("The 27-year-old father of two young children appeared in court.", "27-year-old",
     "age of the father of two young children"),
    ("Patrick Carlineo Jr., 55, could face up to 10 years in prison.", "55", "age of Patrick Carlineo Jr."),
    # an ordinal is no other number: "its second listing" is not cut away
    ("Alibaba's second listing could raise $12.9bn.", "$12.9bn", "Alibaba's second listing raise"),
]


@pytest.mark.parametrize(("text", "number", "expected"), CASES)
def test_measures_are_the_counted_noun_and_its_clause(text, number, expected):
    start = text.index(number)
    assert measures_of(parse(text), start, start + len(number)) == expected


def test_a_dateline_is_never_part_of_a_measure():
    text = "KANDAHAR, Afghanistan, Oct. 3 (Xinhua) -- Seven militants were killed in two blasts."
    c = find_candidates(text)
    assert c.measures and not any("KANDAHAR" in m or "Xinhua" in m for m in c.measures)


def test_a_number_the_parse_ties_to_nothing_gets_the_words_around_it():
    text = "Score: 30."
    start = text.index("30")
    assert measures_of(parse(text), start, start + 2) == "Score"


# (cue, content, the stance): a reporting cue adds nothing; a cue that takes a side stays, once
STANCES = [
    ("said", "the exact cause has not been determined", "the exact cause has not been determined"),
    ("has said", "he would stand up to the attacks", "he would stand up to the attacks"),
    ("according to", "the Chinese leader wished Mr Putin well", "the Chinese leader wished Mr Putin well"),
    ("urged", "urged Mr. Trump to make a deal as soon as possible", "urged Mr. Trump to make a deal as soon as possible"),
    ("denied", "that a deal had been offered", "denied that a deal had been offered"),
    ("accused", "the United States of interfering in their countries' affairs during a phone call on Feb 8",
     "accused the United States of interfering in their countries' affairs during a phone call…"),
]


@pytest.mark.parametrize(("cue", "content", "expected"), STANCES)
def test_a_stance_is_the_content_with_a_cue_that_takes_a_side(cue, content, expected):
    assert stance_of(cue, content) == expected
