"""Participants selected by code from the entity clusters, on documented features only.

    participant_features(clusters, attributions) -> [Features]
    select_participants(doc, clusters=None, attributions=None) -> [Features]  (the selected, in text order)
    positions_held(attributions, clusters) -> [Attribution]  (those whose source may hold a position)

Features of a cluster (no model involved):
- `mentions`: how many times the text names it;
- `in_lead`: named in the headline or the first two sentences after it;
- `source`: the source of an attribution (it says, claims, urges… something);
- `agent` / `patient`: mentions that are the subject / object of a verb (the main events' actors
  and those acted on), against `place` (only inside "in/at/from … X") and `modifier` ("US policy");
- `reported`: mentions inside the content of an attribution, what somebody says ("he told police
  he supported Trump", "think Donald Trump rather than Barack Obama").
Selection:
- a source always, but one that is no person and never acts (an organisation cited for a fact
  only, "according to the United Nations", or a name that is only a modifier, "American" of
  "American negotiators said"): not a participant (`_data_source`), and no position holder either
  (`positions_held`), or the position would bring it back;
- nobody else named only inside what somebody says: the topic of a statement, not an actor (an
  event's actor is named outside the statements too, in news; counting only what people say, or
  sparing the statements' subjects, removed fewer false participants on both gold halves, and
  WikiEvents lost no argument either way);
- a named participant (person, organisation, country) that acts (agent or patient) in the lead or
  at least twice (a country acting only after the lead: `_background_country`), or that is named
  at least `REPEATED` times outside place and modifier phrases;
- a person who acts once, anywhere ("Añez was detained", "Castaner visited the site");
- an unnamed group only as a source (see `_reasons` for what more groups cost).
Places never are (a GPE that never acts is a place; see kinds.cluster_kind). Sources are never capped
(their positions name them anyway); the others are capped at `MAX_PARTICIPANTS` less the sources,
kept by lead presence, mention count and acting as an agent (a results list names dozens who act).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from summarizer.candidates.attributions import Attribution, find_attributions
from summarizer.candidates.describe import LEAD_SENTENCES
from summarizer.candidates.entities import Cluster, entity_clusters
from summarizer.candidates.lexicon import COUNTRIES, COUNTRY_ALIASES
from summarizer.candidates.mentions import key_tokens

__all__ = ["Features", "participant_features", "positions_held", "select_participants"]

REPEATED = 3  # named this often outside place and modifier phrases: central to the story
# LABELLING.md: "typically 3-10 a piece"; a results list (a sports round-up) names dozens who act.
MAX_PARTICIPANTS = 15
# Country names as key_tokens give them ("the U.S." -> "u.s."), to tell a country from any GPE.
_COUNTRY_KEYS = frozenset(" ".join(key_tokens(c)) for c in COUNTRIES | set(COUNTRY_ALIASES))

@dataclass
class Features:
    cluster: Cluster
    mentions: int
    in_lead: bool
    source: bool
    agent: int
    patient: int
    place: int
    modifier: int
    reported: int = 0
    reasons: list[str] = field(default_factory=list)  # why it was selected; empty when it was not

    @property
    def name(self) -> str:
        return self.cluster.name

    @property
    def kind(self) -> str:
        return self.cluster.kind

    @property
    def aliases(self) -> list[str]:
        return self.cluster.aliases

    @property
    def selected(self) -> bool:
        return bool(self.reasons)


def _data_source(f: Features) -> bool:
    """A source that is no person and never acts: an organisation cited for a fact only ("2,500
    civilians have been killed, according to the United Nations", "According to the newspaper El
    Nacional"), where a figure comes from, not a participant (LABELLING.md leaves out "entities
    mentioned only in passing"); or a source resolved to a name that is only ever a modifier or a
    place ("American" of "American negotiators", the dateline's "BUFFALO"), which holds nothing. A
    person cited so is speaking ("according to NYPD Commissioner James O'Neill") and stays a source.
    Measured with `positions_held` (fake backend, gold suite): "according to" sources only,
    participants P tune 0.627 -> 0.638, check 0.656 -> 0.661; every such source, tune P 0.653 ->
    0.659 and positions F1 0.437 -> 0.442, check unchanged."""
    return f.source and f.kind != "person" and not (f.agent or f.patient)


def _background_country(f: Features) -> bool:
    """A country that acts only after the lead and never speaks: in news, a nation the story is
    about acts in its headline or lead, and one acting only in the body is background (the other
    ties of a results round-up: "Croatia beat…", "Serbia took…"). Named repeatedly, it still is
    selected (`REPEATED`). Measured (fake backend, same tree): gold participants P tune 0.663 ->
    0.667, check 0.659 -> 0.664 (F1 0.698 -> 0.700, kind accuracy 0.904 -> 0.916), recall unchanged
    on both; WikiEvents recall unchanged (tune 0.309, check 0.261; P 0.952 -> 0.951, 0.969 ->
    0.968). Without `_known_country` it also dropped two persons the NER labels GPE ("Tamerlan",
    "Chávez"), WikiEvents tune recall 0.309 -> 0.279."""
    return f.kind == "country" and _known_country(f)


def _known_country(f: Features) -> bool:
    """Named as a country of the world ("Croatia", "FRANCE", "the U.S."), not a GPE the NER may
    have taken from a person ("Tamerlan", "Chávez": a person's name it labels GPE)."""
    return any(" ".join(key_tokens(m.text)) in _COUNTRY_KEYS for m in f.cluster.named_mentions)


def _numbered(f: Features) -> bool:
    """A "person" whose name holds a digit is a product or a title the NER took for one ("Nighthawk
    X4", "Thunderbolt 3", "Tomb Raider 2013"): a person's name has none (regnal numbers are letters).
    Measured (fake backend): gold, PolNeAR and WikiEvents unchanged on both halves; on 61 unseen
    pages it removed those three and nothing else."""
    return f.kind == "person" and any(ch.isdigit() for ch in f.name)


def _reasons(f: Features) -> list[str]:
    if f.kind == "place" or _numbered(f):
        return []
    out = []
    if f.source and not _data_source(f):
        out.append("source")
    acts = bool(f.agent or f.patient)
    if f.kind == "group":
        # LABELLING.md counts an unnamed group only when it holds a position (a source); WikiEvents
        # counts every group that is an event's argument. Groups that act in the lead (unless an
        # office noun names them) raised WikiEvents recall (tune 0.279 -> 0.441, check 0.252 ->
        # 0.278) but cost gold F1 (tune 0.651 -> 0.641, check 0.672 -> 0.656); groups that act twice
        # or in an event cost more (check 0.625), and those acting once anywhere more still. Groups
        # that are the subject or object of a harm, violence or arrest verb in the lead ("killed 15
        # people", "militants attacked"): WikiEvents recall tune 0.279 -> 0.368, check 0.252 -> 0.270,
        # gold F1 tune 0.671 -> 0.657, check 0.672 -> 0.661. The gold suite, labelled as an editor
        # wants, decides: sources only.
        return out
    if not f.source and f.reported == f.mentions:
        # Named only inside somebody's statement (gold tune: participants P 0.607 -> 0.617,
        # check 0.635 -> 0.650, recall unchanged on both; WikiEvents recall unchanged).
        return out
    if acts and (f.in_lead or (f.mentions >= 2 and not _background_country(f))):
        out.append("acts")
    elif acts and f.kind == "person":
        out.append("acts once")
    if f.mentions - f.place - f.modifier >= REPEATED:
        out.append("named repeatedly")
    return out


def participant_features(clusters: list[Cluster], attributions: list[Attribution]) -> list[Features]:
    sources = {a.cluster for a in attributions if a.cluster}
    statements = [(a.content_start, a.content_end) for a in attributions]
    out = []
    for c in clusters:
        roles = [m.role for m in c.mentions]
        f = Features(c, len(c.mentions), any(m.sentence < LEAD_SENTENCES for m in c.mentions), c.id in sources,
                     roles.count("agent"), roles.count("patient"), roles.count("place"), roles.count("modifier"))
        f.reported = sum(any(s <= m.start < e for s, e in statements) for m in c.mentions)
        f.reasons = _reasons(f)
        out.append(f)
    return out


def _capped(selected: list[Features]) -> list[Features]:
    if len(selected) <= MAX_PARTICIPANTS:
        return selected
    sources = [f for f in selected if f.source]
    others = sorted((f for f in selected if not f.source),
                    key=lambda f: -(2 * f.in_lead + min(f.mentions, 4) + (f.agent > 0)))  # stable: text order
    keep = {id(f) for f in sources + others[: max(0, MAX_PARTICIPANTS - len(sources))]}
    for f in selected:
        if id(f) not in keep:
            f.reasons = []
    return [f for f in selected if id(f) in keep]


def positions_held(attributions: list[Attribution], clusters: list[Cluster]) -> list[Attribution]:
    """The attributions that are positions: all but those of a source `_reasons` turns down (an
    organisation cited for a fact, "according to the United Nations"), which would otherwise come
    back as a participant through its position."""
    refused = {f.cluster.id for f in participant_features(clusters, attributions) if _data_source(f)}
    return [a for a in attributions if a.cluster not in refused]


def select_participants(doc: Any, clusters: list[Cluster] | None = None,
                        attributions: list[Attribution] | None = None) -> list[Features]:
    clusters = entity_clusters(doc) if clusters is None else clusters
    attributions = find_attributions(doc, clusters) if attributions is None else attributions
    return _capped([f for f in participant_features(clusters, attributions) if f.selected])
