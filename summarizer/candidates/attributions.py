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
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizer.candidates.direct import dash_source, direct_quotes, quote_cue
from summarizer.candidates.entities import Cluster, entity_clusters
from summarizer.candidates.parse import text_of
from summarizer.candidates.reported import noun_cues, trim_tail
from summarizer.candidates.sources import Resolver, source_span

__all__ = ["Attribution", "CUES", "can_hold_view", "find_attributions"]

# Lemmas of verbs that attribute a statement, a stance or a finding to their subject.
CUES = frozenset(
    "say tell add note write claim argue warn urge accuse deny reject welcome insist announce admit vow "
    "state explain stress emphasize emphasise declare confirm acknowledge suggest reply respond "
    "predict believe think hope fear expect agree concede contend maintain assert allege demand pledge "
    "promise threaten criticize criticise praise condemn denounce dismiss blame tweet recall describe "
    "testify complain question echo caution propose charge insist reiterate dispute oppose "
    "find show reveal indicate report estimate conclude argue observe remark comment".split()
    # Stances, wishes and plans: PolNeAR counts them as attributions (measured on its tune half).
    + "want plan cite ask discuss mention defend challenge mock attack endorse support feel brand "
    "debate slam blast tout hail vow insist".split()
    # Speech acts from PARC's cue list (measured: PolNeAR +0.004 F1 tune, +0.002 check).
    + "boast quip joke lament decry deplore applaud congratulate thank retort counter assure inform advise "
    "recommend forecast hint imply signal wonder doubt suspect worry proclaim".split()
    # Verbs that voice or judge, from PolNeAR's tune-half cues the lexicon lacked.
    + "express highlight detail document implore exhort encourage apologize advocate recognize embrace "
    "back reference rate rip lambaste rail portray liken deride contrast speak".split()
)
# "call" alone is no cue ("called him"), unless it has an object and a predicate ("called her vote
# a mistake"): see _cue; "ruled out Taliban involvement" is a denial, "ruled the country" is not.
_NEEDS_PARTICLE = {"call": {"for", "on"}, "point": {"out", "to"}, "rule": {"out"}}
# Verbs of saying: their object is what was said ("said the talks failed"), so the content leaves
# the verb out. Any other cue's object is the stance only with its verb ("claimed responsibility
# for the attack", "called for a repeal", "denied reports that…"): LABELLING.md's shortest span
# that carries the content keeps the verb there (the gold tune half's quotes do).
_SAYING = frozenset("say tell add note write state explain reply respond tweet report comment remark inform "
                    "recall mention observe".split())
_COMPLEMENTS = {"dobj", "xcomp", "ccomp", "prep", "oprd", "attr", "pcomp", "dative", "advcl"}


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


def _cue(token: Any) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") and not (lemma in CUES and token.tag_.startswith("VB")) \
            and not _misread_verb(token):
        return False
    if lemma in _NEEDS_PARTICLE:
        deps = {c.dep_ for c in token.children}
        return (any(c.lower_ in _NEEDS_PARTICLE[lemma] for c in token.children if c.dep_ in ("prep", "prt"))
                or lemma == "call" and {"dobj", "oprd"} <= deps)  # "called the senator a “nasty guy”"
    if lemma not in CUES:
        return False
    if lemma == "ask" and token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False  # "Asked about Trump's declaration, Clinton said…": the question, not her view
    return not any(c.dep_ == "auxpass" for c in token.children)  # "was criticised": no holder


def _misread_verb(token: Any) -> bool:
    """"But Trump claims that he should be the exception": the tagger reads "claims" as a plural
    noun, yet it roots the sentence with a subject and a "that" clause, which only a verb has."""
    kids = list(token.children)
    return (token.pos_ == "NOUN" and token.dep_ == "ROOT" and any(k.dep_ == "nsubj" for k in kids)
            and any(k.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in k.children)
                    for k in kids))


def _inverted(token: Any) -> Any | None:
    """The "that" opening what the cue reports when the parse made the cue's clause a complement
    of the reported verb ("The nominee continues to insist, most recently in an interview, that
    he wants to release his taxes": "continues" is parsed as ccomp of "wants"). None otherwise."""
    clause = token
    while clause.dep_ == "xcomp" and clause.head is not clause:
        clause = clause.head
    if clause.dep_ not in ("ccomp", "parataxis") or clause.head.i < token.i:
        return None
    return next((c for c in clause.head.children if c.dep_ == "mark" and c.lower_ == "that"
                 and c.i > clause.right_edge.i), None)


def _subject(token: Any) -> Any | None:
    """The token that names who speaks: the cue's nsubj, else the governing verb's."""
    for _ in range(3):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            return subjects[0]
        if token.dep_ in ("advcl", "xcomp", "conj", "acl") and token.head is not token:
            # "X said A hurt B, arguing …": the parse hangs the participle on the reported
            # clause, but its speaker is the reporting verb's
            reported = token.tag_ == "VBG" and token.head.dep_ == "ccomp" and _cue(token.head.head)
            token = token.head.head if reported else token.head
            continue
        return None
    return None


def _strip(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Token range [start, end) without edge punctuation, spaces and a leading 'that'/'to'."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ == "that"
                           and doc[start].dep_ == "mark"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def _stray_clause(kids: list[Any]) -> Any | None:
    """A "that" clause the parse hung on a noun of the cue's object or adjunct ("told reporters at
    a news conference that officials began…", relcl of "conference"): a relative clause is
    introduced by a pronoun "that" (nsubj, dobj), a complement clause by the marker."""
    for kid in kids:
        if kid.dep_ not in ("dobj", "dative", "prep"):
            continue
        for t in kid.subtree:
            if t.dep_ in ("relcl", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children):
                return t
    return None


def _second_clause(clause: Any) -> int | None:
    """Where a reported clause's second conjoined clause with its own subject begins ("a second
    device was found and that location is being treated as a crime scene"): the claim is the
    first, the second is a claim of its own. "…, but 11 were still in hospital" qualifies the
    first (the gold tune half's quotes keep it), so only "and" splits."""
    if not any(k.dep_ == "cc" and k.lower_ == "and" for k in clause.children):
        return None
    for kid in clause.children:
        if kid.dep_ == "conj" and kid.pos_ in ("VERB", "AUX") and any(
                k.dep_ in ("nsubj", "nsubjpass", "expl") for k in kid.children):
            return kid.left_edge.i
    return None


def _content(token: Any) -> tuple[int, int] | None:
    doc = token.doc
    kids = [c for c in token.children if c.dep_ in _COMPLEMENTS]
    # a ccomp before the verb's own "that" is a cue clause the parse inverted (see _inverted)
    mark = next((c.i for c in token.children if c.dep_ == "mark" and c.lower_ == "that"), -1)
    kids = [c for c in kids if not (c.dep_ == "ccomp" and c.right_edge.i < mark)]
    ccomp = [c for c in kids if c.dep_ == "ccomp"] or [c for c in [_stray_clause(kids)] if c is not None]
    if not ccomp and (that := _inverted(token)) is not None:
        end = that.head.right_edge.i + 1
        return _strip(doc, that.i + 1, trim_tail(doc, that.i + 1, end, CUES))
    chosen = ccomp or [c for c in kids if c.dep_ != "advcl" and not (c.dep_ == "dative" and len(kids) > 1)
                       and not (c.dep_ == "prep" and c.lower_ in ("in", "at", "during", "on", "after", "before")
                                and c.i > token.i and not any(k.dep_ == "dobj" for k in kids))]
    if not chosen and _parenthetical(token):
        # "The museum, Mr. Bush said, celebrated several of his heroes": the cue interrupts the
        # claim, which is the whole clause around it (PolNeAR's tune half: 7 such misses)
        head = token.head
        return _strip(doc, head.left_edge.i, head.right_edge.i + 1)
    if not chosen and token.dep_ == "parataxis":  # "Prices will rise, she said"
        head = token.head
        span = (head.left_edge.i, token.left_edge.i if token.left_edge.i > head.left_edge.i else head.right_edge.i + 1)
        return _strip(doc, *span) if span[1] - span[0] > 2 else None
    if not chosen:
        return None
    start = min(c.left_edge.i for c in chosen)
    end = max(c.right_edge.i for c in chosen) + 1
    if ccomp and (second := _second_clause(ccomp[0])) is not None and second > start + 3:
        end = second
    if start < token.i < end:  # the complement straddles the cue: keep the side after it
        start = token.i + 1
    start, end = _strip(doc, start, trim_tail(doc, start, end, CUES))
    if end - start < 1 or (end - start == 1 and doc[start].pos_ == "PRON"):
        return None
    return start, end


def _parenthetical(token: Any) -> bool:
    """A cue set off by commas inside the clause it reports ("Climate change, Mr. Obama often
    says, is the greatest threat"): the parse hangs it on that clause's verb as parataxis, with
    words of the clause on both sides."""
    if token.dep_ != "parataxis" or token.head is token:
        return False
    head, doc = token.head, token.doc
    left, right = token.left_edge.i, token.right_edge.i
    return (head.left_edge.i < left and right < head.right_edge.i and doc[left].text == ","
            and doc[right].text == "," and head.i > right)


def _with_verb(token: Any, span: tuple[int, int]) -> tuple[int, int]:
    """The content of a stance verb from the verb on, when it is the verb's object or infinitive
    rather than a reported clause ("that…"); a verb of saying keeps its content bare."""
    start, end = span
    if token.lemma_.lower() in _SAYING or not token.i < start <= token.i + 6:
        return span
    if any(c.dep_ == "ccomp" for c in token.children):
        return span
    return token.i, end


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
    start, end = _strip(token.doc, start, end)
    return (source, (start, end)) if end - start >= 2 else None


def find_attributions(doc: Any, clusters: list[Cluster] | None = None) -> list[Attribution]:
    """Every attribution in the parsed text, in text order."""
    clusters = entity_clusters(doc) if clusters is None else clusters
    resolver = Resolver(doc, clusters)
    cues = {t.i: t for t in doc if _cue(t) and _subject(t) is not None}
    found: dict[int, Attribution] = {}
    for i, token in cues.items():
        content = _content(token)
        content = _with_verb(token, content) if content else None
        subject = _subject(token)
        if content and subject is not None and (not (content[0] <= subject.i < content[1])
                                                or _parenthetical(token)):
            found[i] = _make(doc, resolver, subject, (i, i + 1), content, "reported")
    quoted: dict[int, tuple[int, int]] = {}
    for start, end in direct_quotes(text_of(doc)):
        cue = quote_cue(doc, start, end, cues)
        if cue is None:
            continue
        s, e = quoted.get(cue.i, (start, end))
        quoted[cue.i] = (min(s, start), max(e, end))
    for i, (start, end) in quoted.items():
        have = found.get(i)
        if have and have.content_start <= start and end <= have.content_end:
            continue  # the quote is part of the reported clause: keep the clause
        subject = _subject(cues[i])
        if subject is not None:
            found[i] = _make(doc, resolver, subject, (i, i + 1), (start, end), "quote", char_content=True)
    for start, end in direct_quotes(text_of(doc)):
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


def _outermost(found: list[Attribution]) -> list[Attribution]:
    """Drop an attribution told inside another's content (“… Trump said Hispanics live in hell” ―
    Pamela Padilla): the outer source holds the position. Measured on PolNeAR's tune half."""
    def inside(a: Attribution, b: Attribution) -> bool:
        return (a is not b and b.content_start <= a.cue_start < b.content_end
                and b.content_start <= a.content_start and a.content_end <= b.content_end)

    return [a for a in found if not any(inside(a, b) for b in found)]
