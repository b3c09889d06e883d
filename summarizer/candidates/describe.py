"""What code can say about what it found, from the one parse: roles, stances, the event date
(measures: `measures`).

    role_of(doc, cluster)              "Kremlin aide" for "Kremlin aide Yuri Ushakov"; None when no title
    stance_of(attribution)             "accused the United States of interfering in their affairs…"
    lead_dates(doc)                    the date expressions of the lead, as written, with their spans
    lead_clause(doc)                   who did what to whom in the lead, to check the model's event line

A 1.5B model on two cores writes ~10 tokens a second and shifts keyed lists by one item; these
phrases are copied from the text, so they are never misaligned, and cost no generated token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizer.candidates.datelines import in_dateline
from summarizer.candidates.dates import find_date_mentions, names_a_year

__all__ = ["cut_words", "role_of", "stance_of", "lead_dates", "LeadClause", "lead_clause", "main_roles"]

STANCE_WORDS = 14
LEAD_SENTENCES = 3  # the headline and the first two sentences: where a news story states its event
_ROLE_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "the", "a", "an"}  # a form of address is no role


def cut_words(text: str, limit: int) -> str:
    """At most `limit` words of `text`, edge punctuation trimmed, "…" when cut."""
    words = text.split()
    return " ".join(words[:limit]).strip(" ,;:–—-") + ("…" if len(words) > limit else "")


def role_of(doc: Any, cluster: Any) -> str | None:
    """A person's title or apposition, as written at a full mention: "Chinese President",
    "the president of the New York Fed". None for other kinds or when the text gives none."""
    if cluster.kind != "person":
        return None
    for mention in cluster.named_mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        appos = next((t for t in root.children if t.dep_ == "appos" and t.i > span.end - 1), None)
        if appos is not None:
            return cut_words(doc[appos.left_edge.i : appos.right_edge.i + 1].text, 8)
        kept: set[int] = set(range(span.start, span.end))
        for t in reversed(doc[max(0, span.start - 5) : span.start]):  # right to left: "Chinese" <- "President"
            if t.head.i in kept and t.dep_ in _ROLE_DEPS and t.ent_type_ != "PERSON":
                kept.add(t.i)
        words = [doc[i].text for i in sorted(kept) if i < span.start and doc[i].lower_.rstrip(".") not in _HONORIFICS]
        if words and any(ch.isalpha() for ch in "".join(words)) and words != ["the"]:
            return " ".join(words)
    return None


# Cues that only report ("said", "told", "according to"): the stance is what was said. A cue
# that takes a side ("denied", "urged", "accused") is part of it.
_REPORTING = frozenset(
    "say says said saying tell tells told telling add adds added adding write writes wrote writing "
    "note notes noted noting state states stated stating explain explains explained explaining".split())


def stance_of(cue: str, content: str) -> str:
    """The attribution's content with its cue, cut short: the stance in the source's own terms.
    A reporting cue is left out, and so is a cue the content already opens with (a stance verb's
    content keeps its verb: "denied reports that a deal had been offered")."""
    words = cue.lower().split()
    reporting = not words or words[-1] in _REPORTING or words[-2:] == ["according", "to"]
    if reporting or content.lower().startswith(cue.lower()):
        return cut_words(content, STANCE_WORDS)
    return cut_words(f"{cue} {content}", STANCE_WORDS)


def lead_dates(doc: Any) -> list[tuple[int, int, str]]:
    """The date expressions of the lead that can date its event, as written, with their spans;
    ground.py takes the first that resolves recently against the anchor. Dates further down are
    background, and so are, in the lead, the dateline's own date ("FLINT, Mich., Oct. 4 (UPI) —":
    the filing date, which is the anchor), years ("last year's blast") and dates that only place
    something before the event ("three days after April 15, 2013", "after two were diagnosed last week")."""
    sentences = _lead_sentences(doc)
    if not sentences:
        return []
    text = doc.text
    return [(start, end, written) for start, end, written in find_date_mentions(text[: sentences[-1].end_char])
            if not in_dateline(text, start, end) and not names_a_year(written) and not _background(doc, start, end)]


def _lead_sentences(doc: Any) -> list[Any]:
    """The first LEAD_SENTENCES sentences that have a verb, with the verbless ones among them: a
    dateline ("FLINT, Mich., Oct. 4 (UPI) —") or a time stamp ("10 p.m.") is no sentence of the lead."""
    lead: list[Any] = []
    with_verb = 0
    for sentence in doc.sents:
        if with_verb == LEAD_SENTENCES:
            break
        lead.append(sentence)
        with_verb += any(t.pos_ in ("VERB", "AUX") for t in sentence)
    return lead


# "after"/"since" X: X came earlier than the event, so X's date is background. "Hours before the
# game Tuesday" is not: the event is close before the date (measured on the gold tune half).
_BEFORE_WORDS = {"after", "since", "following"}


def _background(doc: Any, start: int, end: int) -> bool:
    """Whether a date hangs, on its way up the parse to the sentence's main verb, from "after" or
    "since" (a preposition, or the marker of the clause it dates)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token, root = span.root, span.root.sent.root
    while token.i != root.i and token.head.i != token.i:  # spaCy makes a new Token each access: compare .i
        if token.lower_ in _BEFORE_WORDS and token.dep_ in ("prep", "mark", "advmod"):
            return True
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BEFORE_WORDS for c in token.children):
            return True
        token = token.head
    return False


@dataclass(frozen=True)
class LeadClause:
    """Who did what to whom in the lead: the main verb's subject and object, and the clause cut short."""

    agent: str
    target: str
    clause: str


def main_roles(sentence: Any) -> tuple[str, str] | None:
    """(subject, object) of a sentence's main verb, each as its noun phrase; None without both."""
    root = sentence.root
    reported = next((t for t in root.children if t.dep_ == "ccomp"), None)
    if reported is not None and not any(t.dep_ in ("dobj", "dative") for t in root.children):
        root = reported  # "X accused Y of …, the Kremlin said": the event is what was said
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    target = next((t for t in root.children if t.dep_ in ("dobj", "dative")), None)
    if subject is None or target is None:
        return None
    def phrase(token: Any) -> str:
        return " ".join(t.text for t in token.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct"))
    return phrase(subject), phrase(target)


def lead_clause(doc: Any) -> LeadClause | None:
    """The first of the lead's sentences whose main verb has a subject and an object."""
    for sentence in list(doc.sents)[:LEAD_SENTENCES]:
        roles = main_roles(sentence)
        if roles is not None:
            edge = sentence.root.right_edge  # the whole sentence: the reported event and who reports it
            clause = doc.text[sentence.start_char : edge.idx + len(edge.text)]
            return LeadClause(roles[0], roles[1], cut_words(" ".join(clause.split()), 24))
    return None
