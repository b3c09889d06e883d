"""A person's surname the NER missed, found by the full name it named (entities._surnames_missed).

The NER's misses are simulated: each text's entities are set to the full names alone, so every
later surname is one the NER did not label, whatever the model's version does with the text.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from summarizer.candidates import find_candidates
from summarizer.candidates.entities import entity_clusters
from summarizer.candidates.parse import parse


def _with_only(text: str, names: list[str]):
    doc = parse(text)
    spans = []
    for name in names:
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name), label="PERSON"))
    doc.ents = [s for s in spans if isinstance(s, Span)]
    return doc


# (text, the full names the NER found, the cluster, the surnames it gains)
CASES = [
    ("Owen Dempsey examined the man. Dempsey said the duvet was to blame.",
     ["Owen Dempsey"], "Owen Dempsey", ["Dempsey"]),
    ("Craig Menear spoke to analysts. Later Menear said sales would slow.",
     ["Craig Menear"], "Craig Menear", ["Menear"]),
    # The surname is the name's last word, not its suffix.
    ("Patrick W. Carlineo Jr. pleaded guilty. Carlineo had called the office, and III Corps said nothing.",
     ["Patrick W. Carlineo Jr."], "Patrick W. Carlineo Jr", ["Carlineo"]),
    # Two people of the text share the surname: "Clinton" alone names neither.
    ("Bill Clinton spoke in Ohio and Hillary Clinton in Iowa. Clinton said the race was close.",
     ["Bill Clinton", "Hillary Clinton"], "Bill Clinton", []),
    # A word the text also writes in lowercase is no surname ("Rose" beside "rose").
    ("Sam Rose runs the shop. Buyers came early for the rose sale, Rose said.",
     ["Sam Rose"], "Sam Rose", []),
    # Part of a longer proper name: a title, not the person.
    ("Jane Webb leads the studio. Its game Fallen Webb sold well in Japan.",
     ["Jane Webb"], "Jane Webb", []),
]


@pytest.mark.parametrize(("text", "found", "name", "gained"), CASES)
def test_missed_surnames_join_their_person(text: str, found: list[str], name: str, gained: list[str]) -> None:
    clusters = entity_clusters(_with_only(text, found))
    assert [m.text for c in clusters for m in c.mentions if m.found_by_name] == gained
    person = next(c for c in clusters if c.name == name)
    assert [m.text for m in person.mentions if m.found_by_name] == gained


def test_a_pronoun_after_a_quote_is_its_speaker_not_a_name_inside_it() -> None:
    # "he" follows "Dempsey" (missed by the NER in the real article), not "Barack Obama" in the quote.
    text = ("A man fell ill after buying a new duvet. Owen Dempsey, a chest doctor, examined him.\n\n"
            "“Their immune system behaves in an exaggerated fashion — think Donald Trump rather than "
            "Barack Obama,” Dempsey told Gizmodo by email.\n\n"
            "Because Dempsey quickly suspected the duvet, he told the man to remove the bedding from his home.")
    speakers = {q.text[:20]: q.speaker for q in find_candidates(text).quotes}
    assert speakers["the man to remove th"] == "Owen Dempsey"


def test_a_surname_the_ner_labels_org_still_joins_its_person() -> None:
    # The NER labels one "Pagliano" ORG and misses the other: the ORG mention keeps the group a
    # mislabelled surname, which joins the full name, though the missed one came in as PERSON.
    text = "Bryan Pagliano set up the server. Pagliano declined to testify. Lawyers for Pagliano said he would not appear."
    doc = parse(text)
    first, second = text.index("Pagliano", 10), text.rindex("Pagliano")
    assert first != second
    doc.ents = [doc.char_span(0, 14, label="PERSON"), doc.char_span(first, first + 8, label="ORG")]
    clusters = entity_clusters(doc)
    assert [c.name for c in clusters if "Pagliano" in c.name] == ["Bryan Pagliano"]
    assert len(next(c for c in clusters if c.name == "Bryan Pagliano").mentions) == 3
