"""Who an attribution's source is: the noun phrase as written and the entity cluster it names.

    Resolver(doc, clusters).resolve(head) -> (head, cluster or None)
    source_span(head) -> the source's token range

The subject of a cue names the source. A name or a noun of a cluster is that cluster; a common noun
with a named apposition is the name ("the French president, Emmanuel Macron,"); a pronoun is the
last compatible mention before it, preferring one that acts; "who said" is the noun the clause
modifies, or who a predicate noun describes.
"""

from __future__ import annotations

from typing import Any

from summarizer.candidates.entities import Cluster

__all__ = ["Resolver", "source_span"]

_PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "it": "ORG", "they": "PLURAL",
             "them": "PLURAL", "who": "REL", "which": "REL", "that": "REL"}
_COMPATIBLE = {"PERSON": {"PERSON"}, "ORG": {"ORG", "GPE"}, "PLURAL": {"ORG", "NORP", "GROUP", "GPE"}}


def source_span(head: Any) -> tuple[int, int]:
    """The compact noun phrase of the subject: the entity it is part of, or its left modifiers + head."""
    if head.ent_type_ and head.ent_iob_ in ("B", "I"):
        ent = next(e for e in head.doc.ents if e.start <= head.i < e.end)
        start = min(ent.start, min((c.left_edge.i for c in head.lefts if c.dep_ in ("compound", "amod")),
                                   default=ent.start))
        return start, ent.end
    left = [c for c in head.lefts if c.dep_ in ("det", "amod", "compound", "nummod", "poss", "nmod", "quantmod")]
    return (min(c.left_edge.i for c in left) if left else head.i), head.i + 1


def _predicated(noun: Any) -> Any:
    """Who a predicate noun describes: "Trump is a serial liar, rampant xenophobe … who pledged"
    is Trump's pledge, not the xenophobe's."""
    head = noun
    while head.dep_ in ("conj", "appos") and head.head is not head:
        head = head.head
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        verb = head.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "conj":  # "Trump incites violence and is a liar … who"
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return noun


_AGENT_WINDOW = 400  # characters back from a pronoun in which an acting mention is preferred


class Resolver:
    """Maps a source's head token to the entity cluster it names, for one parsed text."""

    def __init__(self, doc: Any, clusters: list[Cluster]) -> None:
        self.doc = doc
        self.by_offset: dict[int, Cluster] = {}
        self.mentions: list[tuple[int, str, Cluster, bool]] = []
        for c in clusters:
            for m in c.mentions:
                for i in range(m.start, m.end):
                    self.by_offset[i] = c
                self.mentions.append((m.start, m.label, c, m.role == "agent"))
        self.mentions.sort(key=lambda x: x[0])

    def cluster_at(self, head: Any) -> Cluster | None:
        # The head itself, or an apposition naming it ("the spokesman, John Kirby"); a compound
        # is not the speaker ("the Trump campaign", "McConnell aides" are not Trump, McConnell).
        # A common noun's named apposition comes first: "the French president, Emmanuel Macron,"
        # is Macron, though "president" may be a cluster of its own (an acting person noun).
        appositions = [c for c in head.children if c.dep_ == "appos"]
        named = [c for c in appositions if c.pos_ == "PROPN"] if head.pos_ == "NOUN" else []
        for token in (*named, head, *appositions):
            if token.idx in self.by_offset:
                return self.by_offset[token.idx]
        return None

    def antecedent(self, pronoun: Any, kind: str) -> Cluster | None:
        labels = _COMPATIBLE.get(kind, set())
        # The last mention that acts (a subject) is a likelier speaker than a possessor or an
        # object after it: in "Ross met Lee’s aides. “…,” he said", "he" is Ross, not Lee.
        before = [(start, c, agent) for start, label, c, agent in self.mentions
                  if start < pronoun.idx and label in labels]
        agents = [c for start, c, agent in before if agent and pronoun.idx - start < _AGENT_WINDOW]
        return agents[-1] if agents else before[-1][1] if before else None

    def resolve(self, head: Any) -> tuple[Any, Cluster | None]:
        kind = _PRONOUNS.get(head.lower_) if head.pos_ == "PRON" else None
        if kind == "REL" and head.head.dep_ == "relcl":
            head = _predicated(head.head.head)
            kind = None
        if kind:
            return head, self.antecedent(head, kind)
        return head, self.cluster_at(head)
