"""The kind of an entity cluster, from its NER label, its mentions' roles and its name.

    cluster_kind(label, mentions, name) -> person | organisation | country | group | place
    person_apposition(token)            -> whether a name's head stands in apposition with a noun for one person

PERSON -> person, ORG -> organisation, NORP -> group, GPE -> country when some mention acts (is a
subject, agent or object of a verb), else place; an acting group noun (label GROUP) -> group, or
organisation when it names an institution (`INSTITUTION_NOUNS`: "the court", "the government"). Two
corrections of the NER, each measured on the gold suite's tune half and reported on both:
- an ORG named for a building, a competition, an instrument or a law, or a time zone, is a setting
  (`SETTING_HEADS`): participants P tune 0.642 -> 0.651, check unchanged;
- a name in apposition with a noun for one person is a person's (`PERSON_APPOSITIVES`, applied to
  the mention's label in entities.py): "Henrique Capriles, an opposition leader" (ORG for the NER)
  acts once and is selected as a person. Participants F1 tune 0.700 -> 0.704, check unchanged (kind
  accuracy 0.890 -> 0.902); WikiEvents recall tune 0.294 -> 0.309, check unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from summarizer.candidates.offices import OFFICE_NOUNS

__all__ = ["INSTITUTION_NOUNS", "PERSON_APPOSITIVES", "SETTING_HEADS", "cluster_kind", "person_apposition"]

_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "group"}

# The NER's ORG also covers buildings, competitions, instruments and laws, and labels time zones;
# their names end in a noun for the thing ("Indiana Statehouse", "Davis Cup Finals", "Hubble Space
# Telescope", "0100 GMT"): a setting or a tool of the story, not an actor, so their kind is place.
SETTING_HEADS = frozenset(
    "statehouse capitol stadium arena airport bridge tower square cup finals final championship "
    "championships olympics tournament festival telescope satellite rover act gmt utc".split()
)

# Singular nouns for one person: a name in apposition with one is a person's ("Henrique Capriles, an
# opposition leader", "Landaeta, the head of the department"), whatever the NER says. Not "member"
# or "source" ("Germany, a member of NATO"), which organisations are too.
PERSON_APPOSITIVES = (OFFICE_NOUNS - {"member", "source", "agent", "official"}) | {
    "head", "activist", "founder", "owner", "businessman", "businesswoman", "politician", "candidate",
    "singer", "actor", "actress", "player", "coach", "widow", "son", "daughter", "father", "mother", "wife",
    "husband", "brother", "sister", "resident", "worker", "student", "teacher", "doctor", "priest", "cleric"}


# Institutions named by a common noun: "a court has convicted", "the government showed no
# willingness", "the administration planned": organisations that act (LABELLING.md: "organisations
# or countries that act in the story"; the gold suite lists "court", "government", "Obama
# administration"), not unnamed groups, so an acting one is selected like a named organisation.
INSTITUTION_NOUNS = frozenset(
    "court government parliament congress legislature senate ministry administration cabinet council tribunal "
    "regime junta".split()
)


def person_apposition(root: Any) -> bool:
    nouns = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(n.tag_ == "NN" and n.lower_ in PERSON_APPOSITIVES for n in nouns)


def cluster_kind(label: str, mentions: Sequence[Any], name: str = "") -> str:
    kind = _KINDS.get(label, "group")
    head = name.split()[-1].lower() if name else ""
    if label == "GROUP" and (head in INSTITUTION_NOUNS or head[:-1] in INSTITUTION_NOUNS and head.endswith("s")):
        kind = "organisation"  # "the court", "the Afghan government", "recent governments": not a crowd
    if kind == "country" and not any(m.role in ("agent", "patient") for m in mentions):
        return "place"
    if kind == "organisation" and head in SETTING_HEADS:
        return "place"
    return kind
