"""align(): quote -> evidence span. Cases are tables; every hit is checked against the text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from summarizer.align import align, fold, nearest_passages

ARTICLE = (Path(__file__).resolve().parents[1] / "examples" / "xi-putin-call.txt").read_text(encoding="utf-8")


def _check(ev, text, quote):
    """The invariants every Evidence from align must satisfy."""
    assert ev.quote == quote
    assert 0 <= ev.start < ev.end <= len(text)
    assert ev.holds_in(text)
    if ev.match == "exact":
        assert text[ev.start : ev.end] == quote


@pytest.mark.parametrize(
    "quote, text, match, span",
    [
        # exact
        ("Putin", "Xi and Putin spoke.", "exact", "Putin"),
        # normalised: quote marks, dashes, case, whitespace, ellipsis
        ('the "US policy"', "denounced the \u201cUS policy\u201d of", "normalised", "the \u201cUS policy\u201d"),
        ("China's claims", "rejects China\u2019s claims.", "normalised", "China\u2019s claims"),
        ("increase - according", "annual increase \u2013 according to", "normalised", "increase \u2013 according"),
        ("a 26 per cent   annual", "hitting\n\na 26 per cent annual", "normalised", "a 26 per cent annual"),
        ("THE KREMLIN SAID", "call, the Kremlin said.", "normalised", "the Kremlin said"),
        ("wait...", "and wait\u2026 then", "normalised", "wait\u2026"),
        ("soft hyphen", "soft hy\u00adphen here", "normalised", "soft hy\u00adphen"),
        # non-ASCII: accents, length-changing folds, CJK, fullwidth forms
        ("Sao Paulo", "in S\u00e3o Paulo today", "normalised", "S\u00e3o Paulo"),
        ("Sa\u0303o Paulo", "in S\u00e3o Paulo today", "normalised", "S\u00e3o Paulo"),  # decomposed quote
        ("S\u00e3o Paulo", "in Sa\u0303o Paulo today", "normalised", "Sa\u0303o Paulo"),  # decomposed text
        ("STRASSE 5", "die Stra\u00dfe 5 in Berlin", "normalised", "Stra\u00dfe 5"),
        ("istanbul", "in \u0130STANBUL now", "normalised", "\u0130STANBUL"),
        ("Gro\u00dfe Stra\u00dfe", "Die GROSSE STRASSE ist lang", "normalised", "GROSSE STRASSE"),
        ("\u4e60\u8fd1\u5e73\u8bf4", "\u65b0\u534e\u793e\u62a5\u9053\uff0c\u4e60\u8fd1\u5e73\u8bf4\u3002", "exact", "\u4e60\u8fd1\u5e73\u8bf4"),
        ("ABC 123", "x \uff21\uff22\uff23 \uff11\uff12\uff13 y", "normalised", "\uff21\uff22\uff23 \uff11\uff12\uff13"),
        ("\u201c\u4e00\u4e2a\u4e2d\u56fd\u201d", "\u652f\u6301\u300c\u4e00\u4e2a\u4e2d\u56fd\u300d\u653f\u7b56", "normalised", "\u300c\u4e00\u4e2a\u4e2d\u56fd\u300d"),
        # omitted words marked by an ellipsis
        (
            "the US is practically implementing ... double containment",
            "realise that the US is practically implementing a policy of double containment, (towards)",
            "normalised",
            "the US is practically implementing a policy of double containment",
        ),
    ],
)
def test_exact_and_normalised(quote, text, match, span):
    ev = align(quote, text)
    assert ev is not None and ev.match == match and ev.score == 100.0
    _check(ev, text, quote)
    assert text[ev.start : ev.end] == span


@pytest.mark.parametrize(
    "quote, expected_span",
    [
        # a word changed
        (
            "The leaders of both countries realise that the US is practically implementing a policy of double containment",
            "The leaders of the two countries realise that the US is practically implementing a policy of double containment",
        ),
        # typo plus a dropped word
        ("has surged in the last two years, hitting US$240.1 bilion", "has surged in the last two years, hitting US$240.1 billion"),
        # reordered punctuation, accent-free model output
        ("Taiwan rejects Chinas sovereignty claim", "Taiwan rejects China\u2019s sovereignty claims"),
    ],
)
def test_fuzzy_snaps_to_words(quote, expected_span):
    ev = align(quote, ARTICLE)
    assert ev is not None and ev.match == "fuzzy" and 85 <= ev.score < 100
    _check(ev, ARTICLE, quote)
    assert ARTICLE[ev.start : ev.end] == expected_span


@pytest.mark.parametrize(
    "quote, kwargs",
    [
        ("Xi and Putin met in Paris to sign a trade agreement on cheese", {}),
        ("completely unrelated sentence about football scores", {}),
        ("Kremlim aide", {"threshold": 99.0}),  # a typo, but the bar is set above it
        ("", {}),
        ("   ", {}),
        ("abc", {}),  # too short to fuzz, not present
    ],
)
def test_no_match(quote, kwargs):
    assert align(quote, ARTICLE, **kwargs) is None


def test_empty_text():
    assert align("anything", "") is None


@pytest.mark.parametrize(
    "quote, text, near, expected_start",
    [
        ("the Kremlin said", "A, the Kremlin said. B, the Kremlin said. C, the Kremlin said.", None, 3),
        ("the Kremlin said", "A, the Kremlin said. B, the Kremlin said. C, the Kremlin said.", 25, 24),
        ("the Kremlin said", "A, the Kremlin said. B, the Kremlin said. C, the Kremlin said.", 1000, 45),
        ("THE KREMLIN SAID", "A, the Kremlin said. B, the Kremlin said. C, the Kremlin said.", 40, 45),
    ],
)
def test_near_prefers_closest_hit(quote, text, near, expected_start):
    ev = align(quote, text, near=near)
    assert ev.start == expected_start
    _check(ev, text, quote)


@pytest.mark.parametrize(
    "text",
    ["Stra\u00dfe", "\ufb01ne \u2026 ok", "Sa\u0303o  \n Paulo", "\u00c9COLE \u2014 \u201cx\u201d", "\u4e2d\u6587 \uff21"],
)
def test_fold_origin_points_into_text(text):
    folded, origin = fold(text)
    assert len(folded) == len(origin)
    assert origin == sorted(origin) and all(0 <= i < len(text) for i in origin)


def test_reference_quotes_align_exactly():
    quote = "Kremlin aide Yuri Ushakov said"
    ev = align(quote, ARTICLE)
    assert ev.match == "exact" and ARTICLE[ev.start : ev.end] == quote


def test_nearest_passages_for_reask():
    passages = nearest_passages("Trade rose to 240 billion dollars in 2023", ARTICLE, k=2)
    assert len(passages) == 2
    assert "US$240.1 billion" in passages[0]
    assert all(p in ARTICLE for p in passages)
    assert nearest_passages("", ARTICLE) == [] and nearest_passages("x", "") == []
    assert len(nearest_passages("Kremlin", ARTICLE, k=5, width=80)) == 5


def test_speed_30_quotes_on_20k_chars():
    rng = random.Random(7)
    text = (ARTICLE * 8)[:20000]
    words = text.split()
    quotes = []
    for i in range(30):
        j = rng.randrange(0, len(words) - 25)
        q = " ".join(words[j : j + rng.randrange(6, 25)])
        if i % 3 == 1:
            q = q.upper()  # normalised path
        elif i % 3 == 2:
            q = q.replace("e", "a", 2)  # fuzzy path
        quotes.append(q)
    results = [align(q, text) for q in quotes]
    assert all(r is not None for r in results)
    for q, r in zip(quotes, results, strict=True):
        _check(r, text, q)
