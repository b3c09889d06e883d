"""Loaders and scorers for the external corpora in ../shared/corpora (definitions in evals/README.md).

    WikiEvents   load_wikievents(dir)  -> [WikiEventsDoc]    score_wikievents(doc, participants)
    PolNeAR      load_polnear(dir)     -> [PolnearDoc]       score_polnear(doc, positions)
    NewsQuant    load_newsquant(path)  -> [NewsQuantSentence] score_newsquant(sentence, figures)

Everything is read from the path given, never copied: PolNeAR and NewsQuant state no licence.
Each scorer returns a `HitScore`; add them up for a corpus-level (micro) score.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from summarizer.evals.score import (
    NAME_THRESHOLD,
    canonical_unit,
    greedy_pairs,
    name_forms,
    name_similarity,
    precision_recall_f1,
    quote_spans,
    values_match,
)
from summarizer.schema import Figure, Participant, Position


@dataclass(frozen=True)
class HitScore:
    """Precision and recall counted on their own sides: for WikiEvents a prediction may be
    "found" without being the one that recalls a gold item, so the two hit counts differ."""

    pred_hits: int = 0
    pred_total: int = 0
    gold_hits: int = 0
    gold_total: int = 0

    @property
    def precision(self) -> float:
        return precision_recall_f1(self.pred_hits, self.pred_total, self.gold_hits, self.gold_total)[0]

    @property
    def recall(self) -> float:
        return precision_recall_f1(self.pred_hits, self.pred_total, self.gold_hits, self.gold_total)[1]

    @property
    def f1(self) -> float:
        return precision_recall_f1(self.pred_hits, self.pred_total, self.gold_hits, self.gold_total)[2]

    def __add__(self, other: HitScore) -> HitScore:
        return HitScore(self.pred_hits + other.pred_hits, self.pred_total + other.pred_total,
                        self.gold_hits + other.gold_hits, self.gold_total + other.gold_total)

    @classmethod
    def one_to_one(cls, n_pairs: int, n_pred: int, n_gold: int) -> HitScore:
        return cls(n_pairs, n_pred, n_pairs, n_gold)


# Mentions that name nobody: a gold item named so cannot be compared with a holder or participant.
_PRONOUNS = frozenset(
    "i me we us you he him she her it they them his hers its their theirs who whom this that these those "
    "one someone anyone others more".split()
)


def _is_pronoun(text: str) -> bool:
    return re.sub(r"\W+", " ", text).strip().lower() in _PRONOUNS


# --- WikiEvents -----------------------------------------------------------------------------

@dataclass(frozen=True)
class WikiEntity:
    name: str  # the coref cluster's informative mention
    mentions: tuple[str, ...]
    types: tuple[str, ...]  # entity_type of the mentions (PER, ORG, GPE, ...)
    roles: tuple[str, ...]  # event-argument roles it fills; empty when it is no argument


@dataclass(frozen=True)
class WikiEventsDoc:
    doc_id: str
    text: str
    entities: tuple[WikiEntity, ...]

    @property
    def arguments(self) -> list[WikiEntity]:
        return [e for e in self.entities if e.roles]


_PARTICIPANT_TYPES = frozenset({"PER", "ORG", "GPE"})
_PLACE_ROLES = frozenset({"Place", "Destination", "Origin"})


def participant_like(entity: WikiEntity) -> bool:
    """An argument our schema would call a participant: a person, organisation or polity filling a
    role other than a place, named by something other than a pronoun."""
    return (bool(_PARTICIPANT_TYPES.intersection(entity.types)) and bool(set(entity.roles) - _PLACE_ROLES)
            and not _is_pronoun(entity.name))


def _wikievents_doc(doc: dict, coref: dict | None) -> WikiEventsDoc:
    mentions = {m["id"]: m for m in doc["entity_mentions"]}
    roles: dict[str, list[str]] = {}
    for event in doc["event_mentions"]:
        for arg in event["arguments"]:
            roles.setdefault(arg["entity_id"], []).append(arg["role"])
    clusters = list(zip(coref["informative_mentions"], coref["clusters"], strict=True)) if coref else []
    clustered = {i for _, ids in clusters for i in ids}
    # A mention outside every coref cluster is an entity of its own, named by its text.
    clusters += [(m["text"], [i]) for i, m in mentions.items() if i not in clustered]
    entities = []
    for name, ids in clusters:
        known = [mentions[i] for i in ids if i in mentions]
        entities.append(WikiEntity(
            name=name,
            mentions=tuple(dict.fromkeys(m["text"] for m in known)),
            types=tuple(sorted({m["entity_type"] for m in known})),
            roles=tuple(r for i in ids for r in roles.get(i, [])),
        ))
    return WikiEventsDoc(doc["doc_id"], doc["text"], tuple(entities))


def load_wikievents(directory: str | Path, split: str = "dev") -> list[WikiEventsDoc]:
    """`<split>.jsonl` documents joined with `coref_<split>.jsonlines` clusters."""
    directory = Path(directory)
    coref = {}
    coref_path = directory / f"coref_{split}.jsonlines"
    if coref_path.exists():
        coref = {c["doc_key"]: c for c in map(json.loads, coref_path.read_text(encoding="utf-8").splitlines()) if c}
    lines = (directory / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [_wikievents_doc(d, coref.get(d["doc_id"])) for d in map(json.loads, lines) if d]


def score_wikievents(doc: WikiEventsDoc, participants: list[Participant]) -> HitScore:
    """Recall: participant-like argument entities matched one-to-one by canonical name.
    Precision: predicted participants whose names are among any of the document's entity mentions."""
    args = [e for e in doc.arguments if participant_like(e)]

    def key(entity: WikiEntity, p: Participant) -> tuple | None:
        s = name_similarity([entity.name], name_forms(p))
        return (s,) if s >= NAME_THRESHOLD else None

    recalled = len(greedy_pairs(args, participants, key))
    all_mentions = [m for e in doc.entities for m in (e.name, *e.mentions)]
    found = sum(1 for p in participants if name_similarity(all_mentions, name_forms(p)) >= NAME_THRESHOLD)
    return HitScore(found, len(participants), recalled, len(args))


# --- PolNeAR --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    fragments: tuple[tuple[int, int], ...]  # brat spans may be discontinuous
    text: str


@dataclass(frozen=True)
class Attribution:
    source: Span | None  # None for "Attribution-no-source"
    cue: Span | None
    content: Span


@dataclass(frozen=True)
class PolnearDoc:
    name: str
    annotator: str
    text: str
    attributions: tuple[Attribution, ...]


def _brat_spans(ann: str) -> tuple[dict[str, tuple[str, Span]], list[dict[str, str]]]:
    spans, events = {}, []
    for line in ann.splitlines():
        if line.startswith("T"):
            tid, head, text = line.split("\t", 2)
            kind, offsets = head.split(" ", 1)
            frags = tuple((int(a), int(b)) for a, b in (part.split() for part in offsets.split(";")))
            spans[tid] = (kind, Span(frags, text))
        elif line.startswith("E"):
            # "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1" (any order)
            events.append(dict(arg.split(":", 1) for arg in line.split("\t")[1].split()))
    return spans, events


def load_polnear(directory: str | Path) -> list[PolnearDoc]:
    """One document per `.ann` file (an article with two annotators gives two documents)."""
    docs = []
    for ann_path in sorted(Path(directory).glob("*.ann")):
        name, _, annotator = ann_path.stem.rpartition("_")
        text = (ann_path.parent / f"{name}.txt").read_text(encoding="utf-8")
        spans, events = _brat_spans(ann_path.read_text(encoding="utf-8"))
        attributions = []
        for ev in events:
            content = spans.get(ev.get("Content", ""))
            if content is None:
                continue  # an event without content carries no position
            attributions.append(Attribution(
                source=spans[ev["Source"]][1] if ev.get("Source") in spans else None,
                cue=spans[ev["Cue"]][1] if ev.get("Cue") in spans else None,
                content=content[1],
            ))
        docs.append(PolnearDoc(name, annotator, text, tuple(attributions)))
    return docs


def scorable(attribution: Attribution) -> bool:
    """A source we can compare a holder name with: present and not a bare pronoun ("he said")."""
    return attribution.source is not None and not _is_pronoun(attribution.source.text)


def _inside(span: tuple[int, int], fragments: tuple[tuple[int, int], ...]) -> float:
    """Share of `span` that lies inside the fragments."""
    covered = sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in fragments)
    return covered / (span[1] - span[0]) if span[1] > span[0] else 0.0


def score_polnear(doc: PolnearDoc, positions: list[Position]) -> HitScore:
    """One-to-one: the holder matches the Source text by the name rule and at least half of the
    predicted quote's span lies inside the Content. Attributions without a usable Source are not
    gold; a prediction matching one of them is not counted against precision either."""
    gold = [a for a in doc.attributions if scorable(a)]
    unscorable = [a for a in doc.attributions if not scorable(a)]
    spans = [quote_spans(p.quote, doc.text) for p in positions]

    def inside(j: int, content: Span) -> float:
        return max((_inside(s, content.fragments) for s in spans[j]), default=0.0)

    def key(a: Attribution, j: int) -> tuple | None:
        holder = name_similarity([a.source.text], [positions[j].holder]) if a.source else 0.0
        share = inside(j, a.content)
        return (share, holder) if holder >= NAME_THRESHOLD and share >= 0.5 else None

    pairs = greedy_pairs(gold, range(len(positions)), key)
    matched = {j for _, j, _ in pairs}
    # Quotes inside a pronoun-sourced attribution cannot be judged; leave them out of precision.
    excused = {j for j in range(len(positions)) if j not in matched
               and any(inside(j, a.content) >= 0.5 for a in unscorable)}
    return HitScore.one_to_one(len(pairs), len(positions) - len(excused), len(gold))


# --- NewsQuant ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Quantity:
    values: tuple[float, ...]  # one value, or a range's two bounds
    unit: str  # as written ("$", "percent", "-")
    normalized_unit: str
    change: str
    concepts: str


@dataclass(frozen=True)
class NewsQuantSentence:
    text: str
    quantities: tuple[Quantity, ...]


# NewsQuant's normalised names that our canonical units spell differently; "-" is no unit.
_NEWSQUANT_UNITS = {"percentage": "percent", "year of age": "years", "-": ""}


def load_newsquant(path: str | Path) -> list[NewsQuantSentence]:
    sentences = []
    for item in json.loads(Path(path).read_text(encoding="utf-8")):
        quantities = tuple(
            Quantity(
                values=tuple(float(v) for v in re.split(r"(?<=\d)\s*-\s*(?=\d)", q["value"].strip())),
                unit=q["unit"], normalized_unit=q["normalized_unit"], change=q["change"],
                concepts=q["referred_concepts"],
            )
            for q in item["quantities"]
        )
        sentences.append(NewsQuantSentence(item["text"], quantities))
    return sentences


def units_compatible(q: Quantity, unit: str) -> bool:
    """Our unit equals the quantity's written or normalised unit; a unitless quantity takes any."""
    normalised = _NEWSQUANT_UNITS.get(q.normalized_unit, q.normalized_unit)
    if normalised == "":
        return True  # "-" : NewsQuant names no unit, so the value alone decides
    ours = canonical_unit(unit)
    return ours != "" and ours in {canonical_unit(normalised), canonical_unit(q.unit)}


def score_newsquant(sentence: NewsQuantSentence, figures: list[Figure]) -> HitScore:
    """One-to-one: a value matching the quantity (either bound of a range) and a compatible unit."""
    def key(q: Quantity, f: Figure) -> tuple | None:
        ok = any(values_match(v, f.value) for v in q.values) and units_compatible(q, f.unit)
        return (1,) if ok else None

    pairs = greedy_pairs(sentence.quantities, figures, key)
    return HitScore.one_to_one(len(pairs), len(figures), len(sentence.quantities))
