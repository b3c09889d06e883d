"""candidates: sentences, quotations with speakers, names, alias groups."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.candidates import find_candidates
from summarizer.candidates.names import alias_groups, find_names, sentence_spans
from summarizer.candidates.quotations import find_quotations

ARTICLE = (Path(__file__).resolve().parents[1] / "examples" / "xi-putin-call.txt").read_text(encoding="utf-8")


def _sentences(text):
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Xi spoke. Putin listened.", ["Xi spoke.", "Putin listened."]),
        ("Mr. Xi met Dr. Li on Feb. 3. They talked.", ["Mr. Xi met Dr. Li on Feb. 3.", "They talked."]),
        ("J. K. Rowling wrote it.", ["J. K. Rowling wrote it."]),
        ("The U.S. Treasury said so. It rose.", ["The U.S. Treasury said so.", "It rose."]),
        ("Sales rose in the U.S. The company grew.", ["Sales rose in the U.S.", "The company grew."]),
        ('He said: "We will win." Then he left.', ['He said: "We will win."', "Then he left."]),
        ("“Is it over?” he asked. No.", ["“Is it over?” he asked.", "No."]),
        ("It grew 3.5 per cent. Fine.", ["It grew 3.5 per cent.", "Fine."]),
        # scraped line breaks: mid-sentence (lower case next, comma before) vs real breaks
        ("a lifeline since\n\nthe West hit Russia.", ["a lifeline since\n\nthe West hit Russia."]),
        ("Mr Putin, who has faced isolation,\n\nmet Mr Xi.", ["Mr Putin, who has faced isolation,\n\nmet Mr Xi."]),
        ("Headline here\n\nBody starts.", ["Headline here", "Body starts."]),
        ("PHOTO: REUTERS\n\nFollow topic:\n\nChinese President", ["PHOTO: REUTERS", "Follow topic:", "Chinese President"]),
        ("他说：“我们准备好了。”然后离开。", ["他说：“我们准备好了。”", "然后离开。"]),
        ("", []),
    ],
)
def test_sentence_spans(text, expected):
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # (quotation text, speaker, cue)
        ("“We are ready,” Kremlin aide Yuri Ushakov said.", [("We are ready,", "Yuri Ushakov", "said")]),
        ('"We will fight," said Prime Minister Boris Johnson.', [("We will fight,", "Boris Johnson", "said")]),
        ("“No,” the Kremlin said.", [("No,", "Kremlin", "said")]),
        ("“Yes,” he said.", [("Yes,", None, "said")]),
        ("Mr Xi said the two “should cooperate”, according to CCTV.", [("should cooperate", "Xi", "said")]),
        ("They backed the ‘one China’ policy.", [("one China", None, None)]),
        # apostrophes are not quote marks; the stance verb makes the sentence a reported position
        (
            "Taiwan rejects China’s claims and the countries’ talks.",
            [("rejects China’s claims and the countries’ talks", "Taiwan", "rejects")],
        ),
        ("It wasn't Xi's call, it's Putin's.", []),
        # reported speech without quote marks
        ("Officials said that 12 people died.", [("12 people died", "Officials", "said")]),
        ("She said the plan would fail.", [("the plan would fail", None, "said")]),
        (
            "US Secretary of State Antony Blinken told reporters that the deal was dead.",
            [("the deal was dead", "Antony Blinken", "told")],
        ),
        ("According to the Foreign Ministry, the talks were cancelled.", [("the talks were cancelled", "Foreign Ministry", "according to")]),
        ("The talks were cancelled, according to the Foreign Ministry.", [("The talks were cancelled", "Foreign Ministry", "according to")]),
        ("Prices rose sharply, the central bank said.", [("Prices rose sharply", "central bank", "said")]),
        ("Beijing and Moscow declared a partnership.", []),  # "declared" without "that" is not speech
        # a quote running over paragraphs: the unclosed opening mark ends at its paragraph
        (
            "“First paragraph of a quote.\n\n“Second paragraph,” Smith said.",
            [("First paragraph of a quote.", None, None), ("Second paragraph,", "Smith", "said")],
        ),
        ("他说：“我们准备好了。”", [("我们准备好了。", None, None)]),
    ],
)
def test_find_quotations(text, expected):
    found = find_quotations(text)
    assert [(q.text, q.speaker, q.cue) for q in found] == expected
    for q in found:
        assert text[q.start : q.end] == q.text and q.text in q.sentence


def test_reference_quotations():
    found = find_quotations(ARTICLE)
    by_text = {q.text[:40].strip(): q for q in found}
    ushakov = by_text["The leaders of the two countries realise"]
    assert (ushakov.speaker, ushakov.cue) == ("Yuri Ushakov", "said")
    assert ushakov.sentence.endswith("Kremlin aide Yuri Ushakov said.")
    assert by_text["Xi said he knows that Russia is now in t"].speaker == "Ushakov"
    assert by_text["should closely collaborate strategically"].speaker == "Xi"
    assert by_text["In discussing the situation in the Asia-"].speaker == "Kremlin"
    assert by_text["interfering"].speaker == "Kremlin"  # ", the Kremlin said" ends its sentence
    assert by_text["interference"].speaker is None  # the headline
    customs = by_text["Trade between the two countries has surg"]
    assert (customs.speaker, customs.cue) == ("Chinese Customs", "according to")
    wished = by_text["The Chinese leader also wished Mr Putin"]
    assert (wished.speaker, wished.cue) == ("Kremlin", "according to")
    assert "one China" not in by_text  # nested inside the Kremlin quotation
    for q in found:
        assert ARTICLE[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Foreign Minister Wang Yi met US Secretary of State Antony Blinken at the White House.",
            [("Wang Yi", "person"), ("US", "country"), ("Antony Blinken", "person"), ("White House", "organisation")],
        ),
        ("The Bank of England and NATO met on Monday in May.", [("Bank of England", "organisation"), ("NATO", "organisation")]),
        ("Trade rose. Analysts in Moscow agreed. Moscow denied it.", [("Moscow", None)]),
        ("Kremlin aide Yuri Ushakov spoke.", [("Kremlin", "organisation"), ("Yuri Ushakov", "person")]),
        ("Russian officials met Chinese ones.", []),  # lone demonyms are not names
        ("no capitals here", []),
        ("习近平和普京通话。", []),
    ],
)
def test_find_names(text, expected):
    assert [(n.text, n.kind_hint) for n in find_names(text)] == expected


def test_reference_names():
    names = {n.text: n for n in find_names(ARTICLE)}
    for name, kind in [
        ("Xi Jinping", "person"),
        ("Vladimir Putin", "person"),
        ("Yuri Ushakov", "person"),
        ("Xi", "person"),
        ("United States", "country"),
        ("US", "country"),
        ("Russia", "country"),
        ("Kremlin", "organisation"),
        ("Chinese Customs", "organisation"),
        ("Power of Siberia", None),
        ("Moscow", None),
    ]:
        assert names[name].kind_hint == kind, name
    for dropped in ["Mr", "Mr Xi", "The", "Trade", "Feb", "March", "October", "Chinese", "PHOTO", "Follow", "Sign"]:
        assert dropped not in names
    assert names["Xi"].count == 8 and names["Kremlin"].count == 7
    first = names["Yuri Ushakov"]
    assert ARTICLE[first.start : first.end] == "Yuri Ushakov"


@pytest.mark.parametrize(
    "names, expected",
    [
        (
            ["Xi", "Mr Xi", "Xi Jinping", "Chinese President Xi Jinping"],
            [["Chinese President Xi Jinping", "Mr Xi", "Xi Jinping", "Xi"]],
        ),
        (["US", "United States", "U.S.", "America"], [["United States", "US", "U.S.", "America"]]),
        (["Putin", "Vladimir Putin", "Russia"], [["Vladimir Putin", "Putin"], ["Russia"]]),
        # ambiguous surname: two people hold it, so it joins neither
        (["John Smith", "Jane Smith", "Smith"], [["John Smith"], ["Jane Smith"], ["Smith"]]),
        # containment alone does not make a person: China is not "Bank of China"
        (["China", "Bank of China"], [["China"], ["Bank of China"]]),
        ([], []),
    ],
)
def test_alias_groups(names, expected):
    assert alias_groups(names) == expected


def test_alias_groups_on_reference_names():
    groups = alias_groups(find_names(ARTICLE))
    assert ["Xi Jinping", "Xi"] in groups
    assert ["Vladimir Putin", "Putin"] in groups
    assert ["Yuri Ushakov", "Ushakov"] in groups
    assert ["United States", "US"] in groups


def test_office_noun_before_the_name_gives_no_role_nor_evidence():
    # "the state's governor" comes before "Gov. Tarek el Aissami" and joins him: the role and the
    # evidence come from where he is named, not from the office noun ("state", "governor").
    text = (Path(__file__).resolve().parents[1] / "evals" / "articles" / "scenario_en_7.txt").read_text(encoding="utf-8")
    actor = next(a for a in find_candidates(text).actors if a.name == "Tarek el Aissami")
    assert actor.role == "Gov." and text[actor.start : actor.end] == "Tarek el Aissami"
