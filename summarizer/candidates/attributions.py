"""Attributions as one stage: who said (claimed, urged, denied…) what, from the dependency parse.

    find_attributions(doc, clusters=None) -> [Attribution]   (source, cue, content) with character spans

- Reported speech: a verb whose lemma is in `CUES` (say, tell, accuse, deny, urge, warn, welcome,
  call for…) or "according to X". The source is the verb's subject (nsubj; for a participle or a
  second verb, "…, saying", "and added", the governing verb's subject; for "who said" the noun the
  clause modifies), resolved through pronouns, titles and appositions to an entity cluster
  (`sources`). The content is the verb's complement subtree (ccomp; else dobj/xcomp/prep
  complements), without the leading "that" and edge punctuation: the shortest span that carries
  it; a stance verb's object keeps the verb ("claimed responsibility for the attack").
- Direct quotes: spans from `direct` (`quotations.find_quotations`); the source is re-resolved through the
  parse: the cue verb next to the quote in its sentence (or the "X said:" sentence just before).
  A quote attributed by a cue replaces the complement of that cue unless the complement holds it.
- Noun cues with a possessor ("Trump's claim that …"): `reported.noun_cues`.
- No cap: every cue in the text is considered.

Which verb is a cue, its subject and the span it reports come from `cues`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizer.candidates.cues import CUES, content_of, is_cue, parenthetical, strip_span, subject_of, with_verb
from summarizer.candidates.direct import dash_source, direct_quotes, quote_cue
from summarizer.candidates.entities import Cluster, entity_clusters
from summarizer.candidates.parse import text_of
from summarizer.candidates.reported import noun_cues
from summarizer.candidates.sources import Resolver, source_span

__all__ = ["Attribution", "CUES", "can_hold_view", "find_attributions"]


@dataclass(frozen=True)
class Attribution:
    source: str  # the source as written: "Kremlin aide Yuri Ushakov", "he", "officials"
    source_start: int
    source_end: int
    holder: str | None  # who holds it: the cluster's name, or the source when no cluster names it
    cluster: str | None  # the entity cluster id, when resolved
    cue: str
    cue_start: int
    cue_end: int
    content: str
    content_start: int
    content_end: int
    kind: str  # reported | quote | according | noun
    source_pos: str = ""  # the source head's coarse part of speech: PROPN, NOUN, PRON…
    source_lemma: str = ""  # the source head's lemma: "mayor", "campaign"


def can_hold_view(a: Attribution) -> bool:
    """The source is an entity cluster or a name the NER missed ("Ham said", "PolitiFact rated").
    Role nouns ("the mayor", "the unions") were measured too: they gained on PolNeAR's tune half
    but lost positions and participants precision on the gold suite's; `quotations.source_kind`
    keeps its speaker nouns."""
    return a.cluster is not None or a.source_pos == "PROPN"


def _make(doc: Any, resolver: Resolver, subject: Any, cue: tuple[int, int], content: tuple[int, int],
          kind: str, char_content: bool = False) -> Attribution:
    head, cluster = resolver.resolve(subject)
    ss, se = source_span(head)
    source = doc[ss:se]
    cs, ce = content if char_content else (doc[content[0]].idx, doc[content[1] - 1].idx + len(doc[content[1] - 1]))
    cue_span = doc[cue[0]:cue[1]]
    holder = cluster.name if cluster else (None if head.pos_ == "PRON" else source.text)
    return Attribution(source.text, source.start_char, source.end_char, holder, cluster.id if cluster else None,
                       cue_span.text, cue_span.start_char, cue_span.end_char, text_of(doc)[cs:ce], cs, ce, kind,
                       head.pos_, head.lemma_.lower())


def _according(token: Any) -> tuple[Any, tuple[int, int]] | None:
    """'according to X' -> (X, the clause it attaches to, minus the phrase)."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if source is None:
        return None
    clause = token.head
    phrase = (token.left_edge.i, token.right_edge.i + 1)
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    if phrase[0] <= start:
        start = phrase[1]
    elif phrase[1] >= end:
        end = phrase[0]
    else:
        end = phrase[0] if phrase[0] - start >= end - phrase[1] else end
        start = start if end == phrase[0] else phrase[1]
    start, end = strip_span(token.doc, start, end)
    return (source, (start, end)) if end - start >= 2 else None


def find_attributions(doc: Any, clusters: list[Cluster] | None = None) -> list[Attribution]:
    """Every attribution in the parsed text, in text order."""
    clusters = entity_clusters(doc) if clusters is None else clusters
    resolver = Resolver(doc, clusters)
    speakers = {t.i: s for t in doc if is_cue(t) and (s := subject_of(t)) is not None}  # cue -> its subject
    cues = {i: doc[i] for i in speakers}
    quotes = direct_quotes(text_of(doc))
    found: dict[int, Attribution] = {}
    for i, token in cues.items():
        content = content_of(token)
        content = with_verb(token, content) if content else None
        subject = speakers[i]
        if content and (not (content[0] <= subject.i < content[1]) or parenthetical(token)):
            found[i] = _make(doc, resolver, subject, (i, i + 1), content, "reported")
    quoted: dict[int, tuple[int, int]] = {}
    for start, end in quotes:
        cue = quote_cue(doc, start, end, cues)
        if cue is None:
            continue
        s, e = quoted.get(cue.i, (start, end))
        quoted[cue.i] = (min(s, start), max(e, end))
    for i, (start, end) in quoted.items():
        have = found.get(i)
        if have and have.content_start <= start and end <= have.content_end:
            continue  # the quote is part of the reported clause: keep the clause
        quote = _make(doc, resolver, speakers[i], (i, i + 1), (start, end), "quote", char_content=True)
        if have and _clause_apart(doc[i], have, start, end):
            if not any(a.content_start <= start and end <= a.content_end + 1 for a in found.values()):
                found[-1 - start] = quote  # the clause and the quote beside it: two attributions
            continue  # (a quote inside another cue's content is that cue's: "exhorted … to “vote…”")
        found[i] = quote
    for start, end in quotes:
        if (hit := dash_source(doc, end)) and not any(a.content_start <= start < a.content_end
                                                       for a in found.values()):
            subject, dash = hit
            found[dash.i] = _make(doc, resolver, subject, (dash.i, dash.i + 1), (start, end), "quote",
                                  char_content=True)
    for token in doc:
        if token.lower_ == "according" and (hit := _according(token)):
            source, content = hit
            found[token.i] = _make(doc, resolver, source, (token.i, token.i + 2), content, "according")
    for owner, noun, content in noun_cues(doc):  # "Trump's claim that …"
        found.setdefault(noun.i, _make(doc, resolver, owner, (noun.i, noun.i + 1), content, "noun"))
    return _outermost(sorted(found.values(), key=lambda a: (a.content_start, a.cue_start)))


_CLOSING = " .,;:!?"
_MARKS = "\"“”‘’'«»"


def _clause_apart(cue: Any, clause: Attribution, start: int, end: int) -> bool:
    """The cue reports a clause of its own ("that…", a ccomp) and the quote lies wholly outside it:
    the quote is not that clause's words, so it must not replace it. "Sanders told MSNBC's “Morning
    Joe” that nobody would question her intelligence" (the quote names the show), "Cruz exhorted
    Republicans to “vote your conscience” and said he was standing on truth" (the quote is the
    other cue's), "…and said she has the essential quality for the job: “Steadiness…”" (the quote
    follows the claim): PolNeAR's tune half annotates the clause. The clause has its own subject, not
    a relative pronoun (a misparsed "…the budget approved in April that boosted spending"); a quote
    right before its cue ("“…,” he said…") is its words. Measured: PolNeAR tune P/R 0.800/0.472 ->
    0.799/0.475, check 0.756/0.404 -> 0.754/0.406 (+2 hits each); gold suite unchanged."""
    before = min(clause.source_start, cue.idx)
    if end <= before and not text_of(cue.doc)[end:before].strip(_CLOSING + _MARKS):
        return False  # "“You've beaten good teams,” he said…": the quote right before its cue is its words
    return (clause.kind == "reported" and any(c.dep_ == "ccomp" and any(
                k.dep_ == "nsubj" and k.tag_ not in ("WDT", "WP") for k in c.children) for c in cue.children)
            and (end <= clause.content_start or start >= clause.content_end))


def _outermost(found: list[Attribution]) -> list[Attribution]:
    """Drop an attribution told inside another's content (“… Trump said Hispanics live in hell” ―
    Pamela Padilla): the outer source holds the position. Measured on PolNeAR's tune half. A quote
    ending the outer clause is inside it though its stop is not (PolNeAR P tune 0.794 -> 0.805,
    check 0.745 -> 0.755: inner cues no longer take the quote, "Democrats … blame … “he said this”")."""
    def inside(a: Attribution, b: Attribution) -> bool:
        # a quote keeps the stop inside its marks, the clause holding it ends before it
        # ("said Democrats are to blame for focusing on “he said this, he tweeted that.”")
        end = a.content_start + len(a.content.rstrip(_CLOSING))
        return (a is not b and b.content_start <= a.cue_start < b.content_end
                and b.content_start <= a.content_start and end <= b.content_end)

    return [a for a in found if not any(inside(a, b) for b in found)]
