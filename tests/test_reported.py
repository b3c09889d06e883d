"""Where a reported claim ends (`reported.trim_tail`), on small cases through `find_attributions`.

Offline: the spaCy pipeline is an installed package.
"""

from __future__ import annotations

import pytest

from summarizer.candidates.attributions import find_attributions
from summarizer.candidates.parse import parse

# sentence, the cue of the attribution looked at, its content
TAILS = [
    # a relative clause holding a claim of its own ("which it said crashed…") is not the first claim
    ("The Afghan Taliban claimed responsibility for shooting down the helicopter, which it said crashed in "
     "Logar province south of the capital.", "claimed", "claimed responsibility for shooting down the helicopter"),
    # a relative clause without a cue stays: the gold suite's quotes keep it
    ("Castro said he fought with the man, who snatched the keys from his hand.",
     "said", "he fought with the man, who snatched the keys from his hand"),
    # ... but one on a name just before its comma is the writer's aside on that name
    ("His office said he was keeping plans for traveling to Florida for a conference of the Republican Governors "
     "Association, which gave nearly $5.9 million toward his campaign.", "said",
     "he was keeping plans for traveling to Florida for a conference of the Republican Governors Association"),
    ("Trump is demanding that President Barack Obama make a pledge not to pardon Hillary Clinton, who has not been "
     "charged with any crime.", "demanding", "President Barack Obama make a pledge not to pardon Hillary Clinton"),
    # a participle cue after a comma is the next attribution of the same source
    ("Trump said the deal was dead, arguing that China had cheated.", "said", "the deal was dead"),
]


@pytest.mark.parametrize(("text", "cue", "content"), TAILS)
def test_where_a_claim_ends(text: str, cue: str, content: str) -> None:
    found = [a for a in find_attributions(parse(text)) if a.cue == cue]
    assert [a.content for a in found] == [content]
