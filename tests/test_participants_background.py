"""Names that are background, not participants (summarizer/candidates/participants.py, entities.py):
a country acting only after the lead, an acronym the text defines as a term.

Offline: the spaCy pipeline is an installed package.
"""

from __future__ import annotations

import pytest

from summarizer.candidates.attributions import find_attributions
from summarizer.candidates.entities import Cluster, Mention, entity_clusters, term_acronyms
from summarizer.candidates.parse import parse
from summarizer.candidates.participants import Features, _reasons, participant_features

LEAD = "Spain beat Russia to win the Davis Cup on Sunday. Rafael Nadal won both his matches. Fans cheered. "
BODY = "The final was held in Madrid. The stadium was full. "


# (text, country, why it is selected; [] when it is not): a country acting in the lead is a
# participant; one acting only in the body is background unless it is named repeatedly or speaks.
COUNTRIES = [
    (LEAD + BODY, "Spain", ["acts"]),
    (LEAD + BODY + "Earlier, Croatia beat Chile. Italy then beat Croatia.", "Croatia", []),
    (LEAD + BODY + "Earlier, Croatia beat Chile. Croatia lost to Italy. Croatia is out.", "Croatia",
     ["named repeatedly"]),
]


@pytest.mark.parametrize(("text", "country", "reasons"), COUNTRIES)
def test_a_country_acting_only_after_the_lead(text: str, country: str, reasons: list[str]) -> None:
    doc = parse(text)
    clusters = entity_clusters(doc)
    found = {f.name: f.reasons for f in participant_features(clusters, find_attributions(doc, clusters))}
    assert found[country] == reasons, found


def _acting_gpe(name: str) -> Features:
    # Two acting mentions, both after the lead (sentence 5): the feature values the rule reads.
    mentions = [Mention(100, 100 + len(name), name, "GPE", "agent", 5),
                Mention(200, 200 + len(name), name, "GPE", "patient", 6)]
    return Features(Cluster("e1", name, "country", "GPE", mentions), mentions=2, in_lead=False, source=False,
                    agent=1, patient=1, place=0, modifier=0)


# (GPE name, selected?): the rule is for countries of the world; a GPE the NER took from a person's
# name ("Tamerlan and Dzhokhar Tsarnaev carried the bombs") keeps the general rule (acts twice).
KNOWN = [("Croatia", False), ("FRANCE", False), ("the U.S.", False), ("Tamerlan", True), ("Chávez", True)]


@pytest.mark.parametrize(("name", "selected"), KNOWN)
def test_only_known_countries_are_background(name: str, selected: bool) -> None:
    assert bool(_reasons(_acting_gpe(name))) is selected


# (text, acronyms): an acronym spelt out by the lowercase words before it is a term.
TERMS = [
    ("confirmed by lab testing: hypersensitivity pneumonitis, or HP.", {"HP"}),
    ("They planted an improvised explosive device (IED) on the road.", {"IED"}),
    ("unmanned aerial vehicles (UAV) flew over", {"UAV"}),
    ("the Irish Republican Army (IRA) said", set()),  # a name: its words are capitalised
    ("a statement by the agency (AFP) said", set()),  # the words before are not its initials
    ("police said on Tuesday (AP)", set()),
]


@pytest.mark.parametrize(("text", "acronyms"), TERMS)
def test_term_acronyms(text: str, acronyms: set[str]) -> None:
    assert term_acronyms(text) == acronyms


def test_a_defined_term_is_no_cluster() -> None:
    text = ("A man fell ill. Doctors found hypersensitivity pneumonitis, or HP. HP confirmed the diagnosis "
            "later. Doctors said HP can be treated. The Irish Republican Army (IRA) said nothing.")
    names = {c.name for c in entity_clusters(parse(text))}
    assert "HP" not in names
