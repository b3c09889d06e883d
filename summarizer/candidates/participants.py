"""Participants selected by code from the entity clusters, on documented features only.

    participant_features(doc, clusters, attributions) -> [Features]
    select_participants(doc, clusters=None, attributions=None) -> [Features]  (the selected, in text order)

Features of a cluster (no model involved):
- `mentions`: how many times the text names it;
- `in_lead`: named in the headline or the first two sentences after it;
- `source`: the source of an attribution (it says, claims, urges… something);
- `agent` / `patient`: mentions that are the subject / object of a verb (the main events' actors
  and those acted on), against `place` (only inside "in/at/from … X") and `modifier` ("US policy").
Selection: a source, or a cluster that acts (agent or patient at least once), or one named at
least twice outside place and modifier phrases. Places never are (a GPE that never acts is a
place; see entities._kind). No cap: every cluster that qualifies is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from summarizer.candidates.attributions import Attribution, find_attributions
from summarizer.candidates.entities import Cluster, entity_clusters

__all__ = ["Features", "participant_features", "select_participants"]

LEAD_SENTENCES = 3  # the headline and the two sentences after it
REPEATED = 3  # named this often outside place and modifier phrases: central to the story


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


def _reasons(f: Features) -> list[str]:
    if f.kind == "place":
        return []
    out = []
    if f.source:
        out.append("source")
    if f.kind == "group":
        # LABELLING.md: an unnamed group counts only when it holds a reported position. Groups
        # that merely act were 112 of the 259 false positives on the gold tune half; also keeping
        # those that act in the lead lowered tune F1 (0.572 -> 0.563).
        return out
    if (f.agent or f.patient) and (f.in_lead or f.mentions >= 2):
        out.append("acts")
    if f.mentions - f.place - f.modifier >= REPEATED:
        out.append("named repeatedly")
    return out


def participant_features(doc: Any, clusters: list[Cluster], attributions: list[Attribution]) -> list[Features]:
    sources = {a.cluster for a in attributions if a.cluster}
    out = []
    for c in clusters:
        roles = [m.role for m in c.mentions]
        f = Features(c, len(c.mentions), any(m.sentence < LEAD_SENTENCES for m in c.mentions), c.id in sources,
                     roles.count("agent"), roles.count("patient"), roles.count("place"), roles.count("modifier"))
        f.reasons = _reasons(f)
        out.append(f)
    return out


def select_participants(doc: Any, clusters: list[Cluster] | None = None,
                        attributions: list[Attribution] | None = None) -> list[Features]:
    clusters = entity_clusters(doc) if clusters is None else clusters
    attributions = find_attributions(doc, clusters) if attributions is None else attributions
    return [f for f in participant_features(doc, clusters, attributions) if f.selected]
