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
