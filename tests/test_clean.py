"""The clean stage: the whole article, nothing but the article, as prose, with offsets."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from summarizer.clean.article import CleanArticle, clean
from summarizer.errors import InputError
from summarizer.load import load_bytes, load_path, load_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "clean"
REFERENCE = ROOT / "examples" / "xi-putin-call.txt"
SHARED = ROOT.parent / "shared"
BENCHMARK = SHARED / "corpora" / "article-extraction-benchmark"


@pytest.fixture(scope="module")
def reference() -> CleanArticle:
    return clean(load_path(REFERENCE))


# --- The reference article --------------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        "Sign up now",
        "newsletters delivered to your inbox",
        "PHOTO: REUTERS",
        "Follow topic:",
        "See more on",
        "Mr Xi (left)",
        "Mr Xi Jinping (left)",
        "AFP",
    ],
)
def test_reference_has_no_boilerplate(reference: CleanArticle, furniture: str) -> None:
    assert furniture not in reference.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The West has viewed Moscow and Beijing, both of which are seeking to expand their global influence, "
        "with increased anxiety over the past two years as they ramp up ties in trade and defence.",
        "Moscow has looked to Beijing as a crucial economic lifeline since the West hit Russia with "
        "unprecedented sanctions over its military assault on Ukraine.",
        "Beijing and Moscow declared a \u201cno limits\u201d partnership days before Russia launched its "
        "full-scale military assault on Ukraine,",
        "Mr Putin, who has faced isolation from most Western countries over the conflict in Ukraine, met Mr Xi "
        "in a rare trip abroad to Beijing in October 2023.",
        # curly quotes stay verbatim: the gold labels copy them
        "Taiwan rejects China\u2019s sovereignty claims.",
        "hitting US$240.1 billion (S$323.6 billion) in 2023 \u2013 a 26 per cent annual increase \u2013",
    ],
)
def test_reference_sentences_are_whole(reference: CleanArticle, sentence: str) -> None:
    assert sentence in reference.text


def test_reference_shape(reference: CleanArticle) -> None:
    assert reference.title == "Xi, Putin accuse US of \u2018interference\u2019 during phone call"
    assert reference.language == "en" and reference.warnings == []
    assert reference.text.startswith("Chinese President Xi Jinping and his Russian counterpart")
    assert reference.text.endswith("in October 2023.")
    # the body sentence outlives the caption that repeated it twice
    assert reference.text.count("denounced the \u201cUS policy of interfering") == 1
    assert "Mr Xi and Mr Putin denounced the \u201cUS policy" in reference.text
    paragraphs = reference.text.split("\n\n")
    assert len(paragraphs) == 15 and all(p.strip() == p and p for p in paragraphs)


def test_json_dump(reference: CleanArticle) -> None:
    dumped = json.loads(json.dumps(reference.model_dump(mode="json")))
    assert set(dumped) == {"text", "title", "published", "author", "site", "url", "language",
                            "language_confidence", "warnings", "segments"}
    assert CleanArticle.model_validate(dumped) == reference


# --- One case per rule ------------------------------------------------------------

BODY = "The minister said the plan would be published next week."


@pytest.mark.parametrize(
    ("raw", "present", "absent"),
    [
        # page furniture
        (f"{BODY}\n\nSign up for our newsletter: the day's news in your inbox", BODY, "newsletter"),
        (f"{BODY}\n\nPHOTO: REUTERS", BODY, "REUTERS"),
        (f"{BODY}\n\nImage: Getty Images", BODY, "Getty"),
        (f"{BODY}\n\nFollow topic:", BODY, "Follow"),
        (f"{BODY}\n\nSee more on", BODY, "See more"),
        (f"{BODY}\n\nShare this article", BODY, "Share"),
        (f"{BODY}\n\nLike this story? Share it with a friend!", BODY, "friend"),
        (f"{BODY}\n\nRead more: Ministers split over housing plan", BODY, "Ministers split"),
        (f"{BODY}\n\nRelated:\n\n- Budget talks stall\n\n- Five takeaways", BODY, "takeaways"),
        (f"{BODY}\n\nUpdated at 1:23 p.m.", BODY, "Updated"),
        (f"{BODY}\n\n5 min read", BODY, "min read"),
        (f"{BODY}\n\n12 comments", BODY, "comments"),
        (f"{BODY}\n\n(Reporting by Jane Doe; Editing by John Roe)", BODY, "Reporting by"),
        (f"{BODY}\n\nREUTERS", BODY, "REUTERS"),
        # a repeated caption goes, the body sentence it repeats stays
        (
            "Ms Lee (left) and Mr Ono signed the accord in Tokyo on Monday, officials said.\n\n"
            "Ms Ann Lee (left) and Mr Ken Ono signed the accord in Tokyo on Monday, officials said.\n\n"
            "PHOTO: AFP\n\n" + BODY + "\n\n"
            "Ms Lee and Mr Ono signed the accord in Tokyo on Monday, officials said.",
            "Ms Lee and Mr Ono signed the accord",
            "(left)",
        ),
        # look-alikes that are news and must stay
        (f"More than 2,500 civilians were killed this year.\n\n{BODY}", "More than 2,500 civilians", None),
        (f"{BODY}\n\nShe said the firm would sign up 200 new customers.", "sign up 200 new customers", None),
        (f"{BODY}\n\nSource: a ministry official said the figure was wrong.", "the figure was wrong", None),
        (f"{BODY}\n\nUpdated figures show 5% growth.", "Updated figures show 5% growth.", None),
        (f"{BODY}\n\nWe took a photo", "We took a photo", None),
        # broken sentences rejoined, real paragraphs kept
        ("Talks resumed as they\n\nramp up ties in trade.", "as they ramp up ties in trade.", None),
        ("The vote was delayed, officials said,\n\nafter a boycott.", "officials said, after a boycott.", None),
        ("He made a rare trip to\n\nBeijing in October.", "a rare trip to Beijing in October.", None),
        ("Prices rose\nsharply in May.", "Prices rose sharply in May.", None),
        (f"{BODY}\n\nThe opposition said it would vote against.", f"{BODY}\n\nThe opposition", None),
        ("Background\n\nThe dispute began in 2019.", "Background\n\nThe dispute", None),
        ("Ingredients:\n\n- two eggs\n\n- flour", "- two eggs\n\n- flour", None),
        # glued sentences get their space back, names keep their capitals
        ("An attack killed a general in SyriaThe desert is rife with insurgents.", "in Syria The desert", None),
        ("The police said in a statement.After a while it detonated.", "statement. After a while", None),
        ("The region is rife with insurgentsRussia\u2019s foray began.", "insurgents Russia\u2019s", None),
        ("7 militants killed in AfghanistanKANDAHAR, Oct. 3 (Xinhua) -- Seven died.", "Afghanistan KANDAHAR,", None),
        ("Police confirmed on Saturday.\u201cThree men tried,\u201d they said.", "Saturday. \u201cThree", None),
        ('"It was over," he said."Then we ran."', 'said. "Then', None),
        ("Timothy McVeigh watched YouTube on an iPhone at WeWork and LinkedIn.", "Timothy McVeigh watched YouTube on an iPhone at WeWork and LinkedIn.", None),
        ("See https://example.com/someThing and www.example.com/NewsRoom now.", "https://example.com/someThing and www.example.com/NewsRoom", None),
        # Unicode: mojibake, spaces, invisibles, NFC; curly quotes untouched
        ("He didn\u00e2\u20ac\u2122t say \u00e2\u20ac\u0153yes\u00e2\u20ac\x9d at the Caf\u00c3\u00a9.", "He didn\u2019t say \u201cyes\u201d at the Caf\u00e9.", "\u00e2"),
        ("The\u00a0minister\u2009said\u200b it was\u00adfine.", "The minister said it wasfine.", "\u00a0"),
        ("Cafe\u0301 owners \u2018agree\u2019 and \u201cdisagree\u201d \u2013 both.", "Caf\u00e9 owners \u2018agree\u2019 and \u201cdisagree\u201d \u2013 both.", None),
        ("Line one.\r\n\r\nLine two.", "Line one.\n\nLine two.", "\r"),
        # the wire credit glued to the last paragraph
        ("He met Mr Xi in Beijing in October 2023. AFP", "in October 2023.", "AFP"),
        ("The deal was signed, officials said. REUTERS", "officials said.", "REUTERS"),
        ("\u201cWe agree,\u201d she told AFP", "she told AFP", None),
    ],
)
def test_rule(raw: str, present: str, absent: str | None) -> None:
    text = clean(load_text(raw, kind="text")).text
    assert present in text
    if absent is not None:
        assert absent not in text


@pytest.mark.parametrize(
    ("raw", "field", "value"),
    [
        ("Bridge reopens after repairs\n\nThe bridge reopened on Monday.", "title", "Bridge reopens after repairs"),
        ("Bridge reopens\n\nBy Jane Smith, Reuters\n\nThe bridge reopened.", "author", "Jane Smith"),
        ("Bridge reopens\n\nPublished: March 4, 2024 10:30 AM\n\nThe bridge reopened.", "published", "2024-03-04"),
        ("Bridge reopens\n\nThe bridge reopened.\n\nhttps://news.example.com/bridge", "url", "https://news.example.com/bridge"),
        ("The bridge reopened on Monday after repairs.\n\nTraffic was light.", "title", None),
    ],
)
def test_text_header(raw: str, field: str, value: str | None) -> None:
    article = clean(load_text(raw, kind="text"))
    got = getattr(article, field)
    assert (got.isoformat() if hasattr(got, "isoformat") else got) == value
    if value:
        assert value not in article.text  # metadata lines leave the body


# --- Offsets back to the raw input ---------------------------------------------------

_TAG = re.compile(r"<[^>]*>")


def _assert_words_round_trip(article: CleanArticle, raw: str, *, markup: bool) -> None:
    for word in re.finditer(r"\w+", article.text):
        start, end = article.to_raw(word.start(), word.end())
        source = raw[start:end]
        if markup:
            source = html.unescape(_TAG.sub("", source))
        assert source == word.group(0), (word.group(0), source)


def test_offsets_round_trip_text(reference: CleanArticle) -> None:
    raw = load_path(REFERENCE).text
    _assert_words_round_trip(reference, raw, markup=False)
    sentence = "as they ramp up ties"  # crosses a rejoined break: raw has the blank line
    at = reference.text.index(sentence)
    start, end = reference.to_raw(at, at + len(sentence))
    assert raw[start:end] == "as they\n\nramp up ties"


def test_offsets_of_repaired_characters() -> None:
    raw = "He didn\u00e2\u20ac\u2122t go.\n\nSigned in SyriaThe next day."
    article = clean(load_text(raw, kind="text"))
    assert article.text == "He didn\u2019t go.\n\nSigned in Syria The next day."
    at = article.text.index("\u2019")
    assert raw[slice(*article.to_raw(at, at + 1))] == "\u00e2\u20ac\u2122"
    at = article.text.index("didn\u2019t")
    assert raw[slice(*article.to_raw(at, at + 6))] == "didn\u00e2\u20ac\u2122t"
    at = article.text.index("Syria The")
    assert raw[slice(*article.to_raw(at, at + 9))] == "SyriaThe"


@pytest.mark.parametrize("name", ["article.html", "split_body.html", "tweet.html"])
def test_offsets_round_trip_html(name: str) -> None:
    raw = load_path(FIXTURES / name)
    article = clean(raw)
    _assert_words_round_trip(article, raw.text, markup=True)
    first = article.text.split("\n\n")[0]
    start, end = article.to_raw(0, len(first))
    assert html.unescape(_TAG.sub("", raw.text[start:end])) == first


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 2), (0, 10**6)])
def test_to_raw_rejects_bad_spans(reference: CleanArticle, start: int, end: int) -> None:
    with pytest.raises(ValueError):
        reference.to_raw(start, end)


# --- HTML ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page() -> CleanArticle:
    return clean(load_path(FIXTURES / "article.html"))


def test_html_metadata(page: CleanArticle) -> None:
    assert page.title == "Harbour city opens flood barrier after decade of delays"
    assert page.author == "Maria Jensen"
    assert page.published is not None and page.published.isoformat() == "2024-03-14"
    assert page.site == "The Coastal Ledger"
    assert page.url == "https://ledger.example.com/news/flood-barrier-opens"
    assert page.language == "en"


@pytest.mark.parametrize(
    "present",
    [
        "opened a \u20ac1.2 billion flood barrier",
        "The barrier\u2019s twelve steel gates can close in under 40 minutes",
        "the main contractor & its suppliers.",
        "\u201cWe will test the gates every month, in daylight, so that people can see them work,\u201d said chief engineer Tomas Berg.",
    ],
)
def test_html_body_is_whole(page: CleanArticle, present: str) -> None:
    assert present in page.text


@pytest.mark.parametrize(
    "absent",
    ["LEAKED", "window.dataLayer", "font-family", "display: none", "Home", "Share this", "Read more",
     "Sign up", "Related stories", "All rights reserved", "Privacy policy", "PHOTO"],
)
def test_html_furniture_scripts_and_styles_never_leak(page: CleanArticle, absent: str) -> None:
    assert absent not in page.text


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ((FIXTURES / "no_body.html").read_bytes(), "enable JavaScript.*save the rendered page"),
        (b"<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>", "no article body"),
        (b"<html><body><p>Sign up for our newsletter</p><p>PHOTO: AFP</p><p>Share this</p></body></html>", "no article body|nothing but page furniture"),
    ],
)
def test_html_without_article_is_a_clear_error(raw: bytes, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        clean(load_bytes(raw, source="page.html", kind="html"))
    assert re.search(problem, caught.value.message) and "page.html" in caught.value.message


# --- Languages, encodings, bad input --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ((FIXTURES / "german.txt").read_text(encoding="utf-8"), "de"),
        ("Le gouvernement a annonc\u00e9 mardi que la r\u00e9forme des retraites sera pr\u00e9sent\u00e9e au "
         "Parlement avant la fin du mois, malgr\u00e9 les critiques des syndicats qui sont dans la rue.", "fr"),
        ("\u041f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e \u043e\u0431\u044a\u044f\u0432\u0438\u043b\u043e \u0432\u043e \u0432\u0442\u043e\u0440\u043d\u0438\u043a \u043e \u043d\u043e\u0432\u043e\u0439 \u0440\u0435\u0444\u043e\u0440\u043c\u0435 \u043f\u0435\u043d\u0441\u0438\u043e\u043d\u043d\u043e\u0439 \u0441\u0438\u0441\u0442\u0435\u043c\u044b.", "ru"),
    ],
)
def test_non_english_is_flagged_and_still_cleaned(text: str, language: str) -> None:
    article = clean(load_text(text, kind="text"))
    assert article.language == language
    assert any(
        w.startswith(f"non-English input detected (language: {language}, confidence ")
        and w.endswith("extraction quality may suffer")
        for w in article.warnings
    )
    assert len(article.text) > 50


def test_cp1252_file_is_cleaned() -> None:
    article = clean(load_path(FIXTURES / "cp1252.txt"))
    assert "owners in the old town say the new parking rules are \u201ca disaster\u201d for trade" in article.text
    assert "input was not UTF-8; decoded as cp1252" in article.warnings


@pytest.mark.parametrize("raw", ["", "   \n\n\t ", "\u200b\u200b"])
def test_empty_text_is_a_clear_error(raw: str) -> None:
    with pytest.raises(InputError, match="empty|nothing but page furniture"):
        clean(raw)


def test_string_input_and_kind_override() -> None:
    as_text = clean("<p>The minister said the plan would be published next week.</p>", kind="text")
    assert "<p>" in as_text.text
    with pytest.raises(InputError, match="unknown input kind"):
        clean(load_text(BODY), kind="pdf")


# --- The benchmark pages (../shared), when present -----------------------------------


@pytest.mark.skipif(not BENCHMARK.exists(), reason="../shared/corpora/article-extraction-benchmark not present")
def test_benchmark_pages_clean_and_map_back() -> None:
    import gzip

    pages = sorted((BENCHMARK / "html").glob("*.html.gz"))[:6]
    for path in pages:
        raw = load_text(gzip.decompress(path.read_bytes()).decode("utf-8"), kind="html")
        article = clean(raw)
        assert len(article.text.split()) > 50
        words = list(re.finditer(r"\w+", article.text))
        mapped = sum(
            html.unescape(_TAG.sub("", raw.text[slice(*article.to_raw(*w.span()))])) == w.group(0) for w in words
        )
        assert mapped / len(words) > 0.97, path.name
