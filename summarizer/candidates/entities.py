"""Entity clusters from the parse: every way the article names one participant, with its kind.

    entity_clusters(doc) -> [Cluster]    named entities (PERSON, ORG, GPE, NORP) and acting groups

Mentions (all on the parse's entity spans, no capitalised-word guessing), grouped by clusters.py:
- the NER's PERSON, ORG, GPE and NORP entities, the dateline's city a place;
- a surname the NER missed, where one person of the text has it ("Dempsey" after "Owen Dempsey"):
  their mention (`_surnames_missed`), so a later "he" resolves to them;
- an acronym the text spells out in lowercase words ("hypersensitivity pneumonitis, or HP",
  "improvised explosive device (IED)") is a term, never a mention (`term_acronyms`);
- a person noun or an institution's noun that acts ("police said", "the Afghan government").
Kind (kinds.py): PERSON -> person, and so is a name in apposition with a noun for one person;
ORG -> organisation, unless its name ends in a building, competition or instrument noun (place);
NORP -> group, GPE -> country when some mention acts (is a subject, agent or object of a verb),
else place; a plural person noun that acts ("protesters clashed", "police said", "killed 15
people") -> group (`GROUP_NOUNS`: the parse has no notion of "a noun for people", so that one
list stays hand-written); an institution's common noun that acts ("a court has convicted", "the
Afghan government ruled out") -> organisation (kinds.INSTITUTION_NOUNS). Measured (fake backend,
same tree): gold participants tune P/R/F1 0.671/0.784/0.723 -> 0.669/0.804/0.730, check
0.664/0.741/0.700 -> 0.672/0.750/0.709; positions tune 0.447 -> 0.452, check unchanged 0.402;
WikiEvents recall tune 0.309 -> 0.324, check unchanged 0.261 (P 0.968); PolNeAR tune 0.584 ->
0.585, check unchanged 0.516.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.candidates.clusters import cluster_mentions
from summarizer.candidates.datelines import in_dateline
from summarizer.candidates.glue import unglued
from summarizer.candidates.kinds import INSTITUTION_NOUNS, person_apposition
from summarizer.candidates.mentions import (
    TITLES,
    Cluster,
    Mention,
    acronym,
    clean_name,
    key_tokens,
    name_key,
)
from summarizer.candidates.parse import text_of

__all__ = ["Mention", "Cluster", "clean_name", "entity_clusters", "mention_role", "GROUP_NOUNS", "TITLES"]

_LABELS = ("PERSON", "ORG", "GPE", "NORP")
# Person nouns: a mention of one of these that acts is an unnamed participant ("police", "protesters").
GROUP_NOUNS = frozenset(
    "police protester demonstrator militant soldier troop official authority prosecutor resident witness "
    "victim civilian people insurgent rebel fighter attacker bomber gunman gunmen suspect investigator "
    "officer lawmaker legislator voter student worker employee doctor nurse patient expert analyst "
    "activist critic supporter opponent leader minister diplomat negotiator journalist reporter source "
    "member citizen migrant refugee hostage detainee prisoner guard terrorist jihadist extremist "
    "militia army force agent spokesperson spokesman spokeswoman president judge jury juror lawyer "
    "attorney family relative survivor child man woman men women girl boy".split()
)
_ACTING = {"nsubj", "nsubjpass", "agent", "dobj", "dative", "iobj", "appos", "conj", "attr"}
_PLACE_PREPS = {"in", "at", "near", "from", "to", "into", "across", "throughout", "outside", "inside",
                "around", "over", "within", "towards", "toward", "on", "via", "through"}




def mention_role(token: Any) -> str:
    """The syntactic role of a mention's head: an agent or patient of a verb, or only a place
    (inside 'in/at/near … X'), a modifier ('US policy', 'Chinese President'), or other."""
    dep = token.dep_
    while dep in ("conj", "appos") and token.head is not token:
        token, dep = token.head, token.head.dep_
    if dep in ("nsubj", "nsubjpass", "csubj"):
        return "agent" if dep == "nsubj" else "patient"
    if dep == "pobj" and token.head.dep_ == "agent":
        return "agent"
    if dep in ("dobj", "dative", "iobj", "attr", "oprd"):
        return "patient"
    if dep == "pobj" and token.head.lower_ in _PLACE_PREPS:
        return "place"
    if dep in ("compound", "amod", "poss", "nmod", "npadvmod"):
        return "modifier"
    return "other"


# "hypersensitivity pneumonitis, or HP", "improvised explosive device (IED)": an acronym the text
# spells out in lowercase words names a thing, not an actor (the NER often labels it ORG; "HP" was
# selected as an organisation acting and named repeatedly). Gold fake participants P tune 0.663 ->
# 0.667, check unchanged; WikiEvents unchanged.
_DEFINED = re.compile(r"((?:\b[a-z][\w-]*\s+){1,5}[a-z][\w-]*)\s*(?:,\s*or\s+|\(\s*)([A-Z]{2,6})\b")


def term_acronyms(text: str) -> set[str]:
    """Acronyms the text defines as the initials of lowercase words: terms, never participants."""
    out = set()
    for m in _DEFINED.finditer(text):
        words, short = m.group(1).split(), m.group(2)
        if "".join(w[0] for w in words[-len(short):]).upper() == short:
            out.add(short)
    return out


def _owner_end(ent: Any) -> int:
    """Where a name ends when the NER ran it past its possessive into what it owns ("Holcomb’s
    2016 election": 'Holcomb’s 2016' was a person of its own): at the possessive, when only
    numbers follow it."""
    for token in ent:
        rest = ent.doc[token.i + 1 : ent.end]
        if token.tag_ == "POS" and token.i > ent.start and len(rest) and all(t.like_num for t in rest):
            return int(ent.doc[token.i - 1].idx + len(ent.doc[token.i - 1].text))
    return int(ent.end_char)


def _whose(token: Any) -> Any:
    """The first of the modifiers just before an institution noun that say which one it is: "the
    Afghan government", "the socialist government", "the supreme court". A person's or an
    organisation's name is left out: "the Trump administration" is "administration", or the
    participants' merge would take it for Trump himself."""
    first = token
    for t in reversed(list(token.lefts)):
        if t.i == first.i - 1 and t.dep_ in ("amod", "compound", "nmod") and t.ent_type_ not in ("PERSON", "ORG"):
            first = t
        else:
            break
    return first


def _hyphenated_start(modifier: Any) -> int:
    """Where a modifier starts with the words hyphened to it: "Washington-based analysts", not
    "based analysts" (the tokenizer splits at the hyphen and the parse hangs "Washington" lower)."""
    doc, i = modifier.doc, modifier.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return int(doc[i].idx)


def _group_mentions(doc: Any, sentence_of: dict[int, int], taken: set[int]) -> list[Mention]:
    out = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.i in taken or token.pos_ != "NOUN" or lemma not in GROUP_NOUNS | INSTITUTION_NOUNS:
            continue
        role = mention_role(token)
        if role not in ("agent", "patient"):
            continue
        left = [t for t in token.lefts if t.dep_ in ("amod", "compound") and not t.ent_type_ and t.i == token.i - 1]
        start = _hyphenated_start(left[0]) if left else token.idx
        if lemma in INSTITUTION_NOUNS:
            start = _whose(token).idx  # "the Afghan government", not "government"
        out.append(Mention(start, token.idx + len(token.text), text_of(doc)[start : token.idx + len(token.text)],
                           "GROUP", role, sentence_of[token.i]))
    return out


def entity_clusters(doc: Any) -> list[Cluster]:
    """Clusters of the article's named entities and acting groups, in order of first mention."""
    sentence_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    text = text_of(doc)
    mentions: list[Mention] = []
    taken: set[int] = set()
    terms = term_acronyms(text)
    for ent in doc.ents:
        if ent.label_ not in _LABELS or not key_tokens(ent.text):
            continue
        if acronym(ent.text) in terms:
            continue  # "hypersensitivity pneumonitis, or HP": a term, not an organisation
        # The dateline's city is where the story was filed, never an actor ("BUFFALO, N.Y. —").
        role = "place" if in_dateline(text, ent.start_char, ent.end_char) else mention_role(ent.root)
        label = "PERSON" if ent.label_ in ("ORG", "GPE", "NORP") and person_apposition(ent.root) else ent.label_
        start, end = unglued(text, ent.start_char, _owner_end(ent))  # "Ilhan OmarIlhan": a lost line break
        mentions.append(Mention(start, end, text[start:end], label, role, sentence_of[ent.root.i]))
        taken.update(range(ent.start, ent.end))
    mentions += _surnames_missed(doc, mentions, sentence_of, taken)
    mentions += _group_mentions(doc, sentence_of, taken)
    mentions.sort(key=lambda m: m.start)
    return cluster_mentions(mentions, doc)


def _surnames_missed(doc: Any, mentions: list[Mention], sentence_of: dict[int, int],
                     taken: set[int]) -> list[Mention]:
    """The surname of a person the NER named in full, where the NER missed it later ("Owen
    Dempsey" found once, then "Dempsey told Gizmodo", "Because Dempsey suspected…, he" not): a
    news story names a person in full once and by surname after, and a missed mention leaves
    the pronoun after it to an earlier name (there, one in a quote). Only a surname that one
    person of the text has, written as a proper noun with its capital, alone (no proper noun beside
    it: "iMac Pro") and outside any entity; a word the text also writes in lowercase ("Price" beside
    "the price") is left to the NER. Measured (fake backend): gold participants F1 tune 0.714 ->
    0.720, check 0.714 -> 0.717 (positions, PolNeAR and WikiEvents unchanged on both halves); on 61
    unseen pages three quotes moved to their real speakers (Tom Harper, Kurt Volker twice)."""
    owners: dict[str, set[tuple[str, ...]]] = {}
    for m in mentions:
        key = name_key(m)
        if m.label == "PERSON" and len(key) >= 2:
            # The written form of the key's last word: "Carlineo" of "Patrick W. Carlineo Jr.", not "Jr".
            surname = next((w for w in reversed(clean_name(m.text).split()) if w.lower() == key[-1]), None)
            if surname is not None:
                owners.setdefault(surname, set()).add(key)
    if not owners:
        return []  # no person named in full: nothing to look for (most short texts)
    text = text_of(doc)
    lowercase = set(re.findall(r"\b[a-z][a-z'’-]+\b", text))
    surnames = {s for s, keys in owners.items()
                if len(keys) == 1 and s[:1].isupper() and len(s) > 2 and s.lower() not in lowercase}
    out = []
    for token in doc:
        if token.i in taken or token.text not in surnames or token.pos_ != "PROPN" or _in_longer_name(token):
            continue
        if in_dateline(text, token.idx, token.idx + len(token.text)):
            continue
        out.append(Mention(token.idx, token.idx + len(token.text), token.text, "PERSON", mention_role(token),
                           sentence_of[token.i], found_by_name=True))
        taken.add(token.i)
    return out


def _in_longer_name(token: Any) -> bool:
    """Part of a longer proper name the NER left out ("iMac Pro", "Fallen Order"): a product or
    title, not the person's surname."""
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].pos_ == "PROPN" for i in (token.i - 1, token.i + 1))
