"""A capital that acts stands for its country (clusters._capitals_into_countries), on the real parse."""

from __future__ import annotations

import pytest

from summarizer.candidates.entities import entity_clusters
from summarizer.candidates.parse import parse

# (text, a cluster's name, the aliases it must have, aliases it must not have, names no cluster may have)
CASES = [
    # acting capitals join the countries the text names, which name the cluster
    ("The West has viewed Moscow and Beijing as seeking to expand their influence. Russia and China "
     "signed a trade deal on Monday.", "China", ["Beijing"], [], ["Beijing"]),
    ("The West has viewed Moscow and Beijing as seeking to expand their influence. Russia and China "
     "signed a trade deal on Monday.", "Russia", ["Moscow"], [], ["Moscow"]),
    # a capital named only as a place stays apart
    ("Talks were held in Beijing on Monday. China said the talks went well.", "China", [], ["Beijing"], []),
    # with no country named, the capital is the participant
    ("Beijing warned the United States on Monday against new tariffs.", "Beijing", [], [], ["China"]),
]


@pytest.mark.parametrize(("text", "name", "aliases", "not_aliases", "absent"), CASES)
def test_an_acting_capital_is_its_countrys_alias(text, name, aliases, not_aliases, absent):
    clusters = {c.name: c for c in entity_clusters(parse(text))}
    assert name in clusters
    assert all(a in clusters[name].aliases for a in aliases)
    assert not any(a in clusters[name].aliases for a in not_aliases)
    assert not any(n in clusters for n in absent)
