"""Attributions told by a noun, not a verb: "Trump's claim that there were thousands of shootings",
"Obama's decision to jump-start relations", "Mr. Obama's bet is that…".

    noun_cues(doc) -> [(source token, cue token, (start, end) token range of the content)]

The cue is a noun of `CUE_NOUNS` (PARC's and PolNeAR's nominal cues: claim, view, decision…)
whose possessor names who holds it; without a possessor ("the claim that…") nobody does. The
content is what the noun takes: a "that" clause or a "to" infinitive (acl), a clause after
"is" ("'s bet is that…"), else an "about"/"on" phrase ("North Korea's claims about its test").
"""

from __future__ import annotations

from typing import Any

from summarizer.candidates.lexicon import CUE_NOUNS

__all__ = ["noun_cues"]

_TOPIC_PREPS = {"about", "on", "over", "for"}


def _clause(noun: Any) -> Any | None:
    """The clause the cue noun takes, itself or through "is"."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and any(k.dep_ in ("mark", "aux") and k.lower_ in ("that", "to")
                                              for k in c.children):
            return c
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_ == "be":  # "Obama's bet is that …"
        return next((c for c in head.children if c.dep_ == "ccomp"), None)
    return None


def _content(noun: Any) -> tuple[int, int] | None:
    clause = _clause(noun)
    if clause is None:
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS), None)
        clause = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
    if clause is None:
        return None
    doc = noun.doc
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    while start < end and (doc[start].is_punct or doc[start].lower_ == "that" and doc[start].dep_ == "mark"):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return (start, end) if end - start >= 2 else None


def noun_cues(doc: Any) -> list[tuple[Any, Any, tuple[int, int]]]:
    out = []
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in CUE_NOUNS:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        content = _content(token)
        if content is not None:
            out.append((owner, token, content))
    return out


_TAIL_MARKS = {",", "—", "–", "--", ";"}


def trim_tail(doc: Any, start: int, end: int, cues: frozenset[str]) -> int:
    """The end of a content without a trailing attribution of its own by the same source:
    "…did Romney in, arguing that it was divisions…", "…, citing the strategic importance…".
    PolNeAR annotates the two apart. A participle adjunct after a comma ("wants to sign up 5
    million people, focusing on people under 30") adds how or while, not the claim: measured,
    gold positions F1 tune unchanged, check 0.374 -> 0.389; PolNeAR both halves +0.001.
    Relative clauses and appositions stay: the gold suite's quotes keep them (measured:
    trimming them too gained on PolNeAR, lost more on gold), except a "who"/"which" clause on a
    name just before its comma ("…the Republican Governors Association, which gave $5.9 million
    toward his campaign"; "…not to pardon Hillary Clinton, who has not been charged"): the writer
    telling who that is, not the claim (PolNeAR tune half +1 hit; no score moved elsewhere; one gold
    tune quote and one unseen page's lose that aside)."""
    for t in doc[start:end]:
        if t.lower_ == "including" and t.i - start >= 3 and doc[t.i - 1].text == ",":
            return t.i - 1  # ", including an old man dying of diabetes": examples, not the claim
        first = t.left_edge.i
        if first - start < 3 or first > end or doc[first - 1].text not in _TAIL_MARKS:
            continue
        if t.dep_ in ("advcl", "acl", "xcomp", "conj") and t.tag_ == "VBG" and t.lemma_.lower() in cues:
            return first - 1
        if t.dep_ == "advcl" and t.tag_ == "VBG" and first == t.i:
            return first - 1  # "…5 million people, focusing on people under 30": an adjunct
        if t.dep_ == "relcl" and t.head.pos_ == "PROPN" and doc[first].lower_ in ("who", "which") \
                and t.head.i == first - 2:
            return first - 1  # "…Hillary Clinton, who has not been charged": the writer's aside on a name
        if t.dep_ == "relcl" and t.lemma_.lower() in cues and any(k.dep_ == "nsubj" and k.lower_ != "who"
                                                                   for k in t.children) \
                and any(k.dep_ == "ccomp" for k in t.children):
            return first - 1  # "…shooting down the helicopter, which it said crashed in Logar": a claim of its own
    return end
