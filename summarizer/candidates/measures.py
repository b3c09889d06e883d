"""What a number measures, copied from its clause in the parse: no generated token, never misaligned.

    measures_of(doc, start, end) -> "Trade between the two countries hit a record … in 2023"

The phrase is built from three parts of the dependency parse, read in text order:
- the noun the number counts (`counted_noun`: "people" of "12 people", "increase" of "a 26 per cent
  annual increase", "fleet" of "a fleet of 270 aircraft") with its own modifiers ("killed in the
  attack", "of Boeing 777x jets");
- when that noun is the verb's object or complement, the verb and its subject ("revenue rose",
  "police arrested"); when it is the subject, the verb after it ("eight people died");
- for an age ("27-year-old", "Carlineo Jr., 55,"), "age of" and the person it describes.
Left out: the number itself and what only qualifies it ("up to", "at least", "more than": part of
the figure, not of the thing counted), every other number with the noun it counts ("12 people,
seven women and five men" measures people; "$12.9bn (£10bn)" is one amount), and the dateline.
Tokens keep the article's own spacing ("Saturday's", "787-9"), so the phrase reads as written.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.candidates.datelines import in_dateline
from summarizer.candidates.describe import cut_words

__all__ = ["MEASURE_WORDS", "counted_noun", "measures_of"]

MEASURE_WORDS = 14  # enough for "new cars, trucks and SUVs sold by local dealers in October"
_OBJECTS = {"dobj", "attr", "oprd", "dative", "acomp"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_NUMBER_PARTS = {"nummod", "compound", "quantmod", "nmod", "amod", "npadvmod"}
# Words that cannot open or close a phrase: "of years in jail" reads "years in jail".
_EDGE_POS = {"ADP", "CCONJ", "SCONJ", "PUNCT", "PART", "DET"}
_LEAD_KEEP_POS = {"DET"}  # "The researchers observed" keeps its article at the start


def counted_noun(token: Any) -> Any:
    """The noun a number counts: its nummod/compound head ("12 people" -> people; "a record
    US$240.1 billion" -> record; "the hour-long call" -> call), or through "of" the noun before it
    ("an increase of 26 per cent")."""
    while token.dep_ in ("nummod", "compound", "quantmod", "nmod", "amod") and token.head.i != token.i \
            and token.head.pos_ in ("NOUN", "PROPN", "NUM", "SYM"):
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ == "of" \
            and token.head.head.pos_ == "NOUN":
        token = token.head.head  # "an increase of 26 per cent", "a fleet of 270 aircraft"
    return token


_MONEY = re.compile(r"^[A-Z]{0,3}[$£€¥]\d")  # "S$323.6", "US$240.1": the tokenizer keeps them whole


def _is_number(token: Any) -> bool:
    if token.ent_type_ == "ORDINAL":
        return False  # spaCy's like_num takes "second" of "its second listing" for a number
    return (token.like_num or token.pos_ == "NUM" or token.tag_ == "$" or token.text in ("%", "£", "€", "$")
            or bool(_MONEY.match(token.text)))


def _own(span: Any) -> set[int]:
    """The number's tokens and what only qualifies it: "up to", "at least", "nearly", a currency sign."""
    own = set(range(span.start, span.end))
    for i in list(own):
        for child in span.doc[i].children:
            if child.dep_ in ("quantmod", "advmod", "nmod") and child.i not in own and child.i < span.start:
                own.update(t.i for t in child.subtree)
    return own


def _amount(token: Any) -> set[int]:
    """A number's whole written amount: its subtree without the phrases hanging from it."""
    inner = {token.i}
    for child in token.children:
        if child.dep_ not in ("prep", "relcl", "acl", "conj", "cc"):
            inner.update(t.i for t in child.subtree)
    return inner


def _anaphoric(token: Any) -> bool:
    """"the two countries", "both the two": a count of what the story has named, no quantity
    (figures.news.is_figure turns it down too), so it stays part of the phrase."""
    return token.dep_ == "nummod" and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                          and c.i < token.i for c in token.head.children)


def _other_numbers(doc: Any, tokens: set[int], own: set[int], head: Any) -> set[int]:
    """Tokens of every other number in the phrase, with the noun phrase it counts when that is not
    ours ("12 people, seven women and five men" measures people); a count of what the story has
    named stays ("trade between the two countries", `_anaphoric`). Dropping only the number, and
    keeping dates, read better on some phrases but scored lower on the check half (tune +0.006,
    check -0.005), so the whole phrase goes."""
    drop: set[int] = set()
    for i in sorted(tokens - own):
        token = doc[i]
        if not _is_number(token) or i in drop or _anaphoric(token):
            continue
        noun = counted_noun(token)
        root = noun if noun.i != head.i and noun.i in tokens else token
        drop.update(t.i for t in root.subtree)
    return drop - own


def _according(head: Any) -> set[int]:
    """"according to Chinese Customs data" under the counted noun: where the figure comes from."""
    return {t.i for c in head.children if c.lower_ == "according" for t in c.subtree}


def _age_of(span: Any) -> Any | None:
    """The person an age describes: the noun "27-year-old" modifies, or the name ", 55," follows."""
    text = span.text.lower()
    root = span.root
    if text.endswith(("-year-old", "-years-old")) or text.endswith(" years old"):
        head = root
        while head.dep_ in _NUMBER_PARTS and head.head.i != head.i and head.head.i > head.i:
            head = head.head
        return head if head.pos_ in ("NOUN", "PROPN") and head.i >= span.end else None
    if root.dep_ == "appos" and root.head.ent_type_ == "PERSON":
        return root.head
    return None


def _person(doc: Any, person: Any, own: set[int]) -> str:
    """The person's noun phrase without the age and what the writer adds ("who …", ", a …,")."""
    aside = {t.i for c in person.children if c.dep_ in ("relcl", "appos", "acl") for t in c.subtree}
    indices = _trimmed(doc, [t.i for t in person.subtree if t.i not in own | aside and not t.is_punct])
    phrase = _render(doc, indices) or person.text
    return phrase[0].lower() + phrase[1:] if indices and doc[indices[0]].pos_ == "DET" else phrase


def _governing(head: Any) -> list[Any]:
    """The verb over the counted noun and, when the noun is its object, the verb's subject."""
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
        verb = verb.head  # "revenue rose to $27.2 billion"
    if verb.i == head.i or verb.pos_ not in ("VERB", "AUX"):
        return []
    if head.dep_ in _SUBJECTS:
        return [verb]
    if head.dep_ not in _OBJECTS | {"pobj"}:
        return []
    tokens = [verb] + [c for c in verb.children if c.dep_ in ("prt", "neg")]
    if head.dep_ == "pobj" and head.head.i != verb.i:
        tokens.append(head.head)  # "spoke during the call"
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i != head.i), None)
    if subject is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        # "Trade … has surged, hitting US$240.1 billion": a participle's subject is its verb's
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
    if subject is not None:
        tokens += list(subject.subtree)
    return tokens


def _render(doc: Any, indices: list[int]) -> str:
    """The tokens in text order with the article's own spacing between neighbours."""
    out = []
    for k, i in enumerate(indices):
        token = doc[i]
        nxt = indices[k + 1] if k + 1 < len(indices) else None
        out.append(token.text + (token.whitespace_ if nxt == i + 1 else " "))
    return " ".join("".join(out).split())


def _trimmed(doc: Any, indices: list[int]) -> list[int]:
    while indices and doc[indices[0]].pos_ in _EDGE_POS - _LEAD_KEEP_POS:
        indices = indices[1:]
    while indices and (doc[indices[-1]].pos_ in _EDGE_POS or doc[indices[-1]].lower_ in ("who", "which", "that")):
        indices = indices[:-1]
    return indices


def measures_of(doc: Any, start: int, end: int) -> str:
    """What the number at text[start:end] measures, in the article's words (see the module doc)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    own = _own(span)
    person = _age_of(span)
    if person is not None:
        return cut_words("age of " + _person(doc, person, own), MEASURE_WORDS)
    head = counted_noun(span.root)
    if head.dep_ == "appos" and _is_number(head.head):
        # "$12.9bn (£10bn)", "US$240.1 billion (S$323.6 billion)": a conversion measures what the
        # amount it converts measures
        main = head.head
        own |= _amount(main)
        head = counted_noun(main)
    tokens = {t.i for t in head.subtree} | {t.i for t in _governing(head)}
    tokens -= _according(head)
    tokens -= _other_numbers(doc, tokens, own, head) | own
    # "a 26 per cent annual increase" reads "annual increase": the article belonged to the number
    tokens -= {i for i in tokens if doc[i].lower_ in ("a", "an") and i + 1 in own}
    text = doc.text
    # Punctuation stays between two kept words ("cars, trucks and SUVs"), and hyphens always.
    indices = [i for i in sorted(tokens) if (not doc[i].is_punct or doc[i].text in "-%"
                                             or i - 1 in tokens and i + 1 in tokens)
               and not in_dateline(text, doc[i].idx, doc[i].idx + len(doc[i]))]
    indices = _trimmed(doc, indices)
    if len(indices) < 2:  # the parse tied the number to nothing: the words around it in its sentence
        sent = span.sent
        indices = [t.i for t in doc[max(sent.start, span.start - 5) : min(sent.end, span.end + 6)]
                   if not t.is_punct and t.i not in own and not _is_number(t)]
    return cut_words(_render(doc, indices), MEASURE_WORDS)
