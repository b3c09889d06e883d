"""Cue rules added by helper P, each a table of sentences with the attribution it must give.

Offline: the spaCy pipeline is an installed package.
"""

from __future__ import annotations

import pytest

from summarizer.candidates.attributions import find_attributions
from summarizer.candidates.parse import parse

# sentence, source as written, cue, content
# The lemmatizer drops the silent "e" of some cue verbs ("rated" -> "rat", "hopes" -> "hop",
# "lambasted" -> "lambast"): cues.cue_lemma puts it back, so these verbs are cues again.
LEMMAS = [
    ("PolitiFact rated 32% of Republican claims as false.",
     "PolitiFact", "rated", "rated 32% of Republican claims as false"),
    ("The senator hoped the bill would pass before the recess.",
     "The senator", "hoped", "the bill would pass before the recess"),
    ("Warren lambasted the bank for opening fake accounts.",
     "Warren", "lambasted", "lambasted the bank for opening fake accounts"),
]


@pytest.mark.parametrize("text,source,cue,content", LEMMAS)
def test_cue_lemma(text: str, source: str, cue: str, content: str) -> None:
    found = find_attributions(parse(text))
    assert [(a.source, a.cue, a.content) for a in found] == [(source, cue, content)]


# A direct quote that lies outside the clause its cue reports does not replace that clause: it
# names something ("told MSNBC's “Morning Joe” that…"), belongs to another cue ("exhorted … to
# “vote your conscience” and said…") or follows the claim (": “Steadiness…”").
APART = [
    ("Sanders told MSNBC's \"Morning Joe\" that nobody would question her intelligence.",
     ("Sanders", "told", "nobody would question her intelligence")),
    ("Cruz exhorted Republicans to \"vote your conscience\" and said he was standing on truth and principle.",
     ("Cruz", "said", "he was standing on truth and principle")),
    ("Clinton said she has the essential quality for the job of president: \"Steadiness and strength.\"",
     ("Clinton", "said", "she has the essential quality for the job of president")),
]


@pytest.mark.parametrize("text,clause", APART)
def test_quote_apart_keeps_the_clause(text: str, clause: tuple[str, str, str]) -> None:
    assert clause in [(a.source, a.cue, a.content) for a in find_attributions(parse(text))]


def test_quote_right_before_its_cue_is_its_words() -> None:
    # "“…,” he said he told them": the quote is what the cue reports, whatever the parse's clause
    text = "\"You have beaten some really good teams,\" he said he told them."
    assert [(a.cue, a.content) for a in find_attributions(parse(text))] == [
        ("said", "You have beaten some really good teams,")]
