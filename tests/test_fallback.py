"""Never refuse what an extractor can read; refuse script-rendered notices with the fix."""

from __future__ import annotations

import pytest
import trafilatura

from summarizer.clean import fallback, html
from summarizer.clean.article import clean
from summarizer.errors import InputError
from summarizer.load import load_bytes

STORY = (
    "<p>The harbour authority said on Monday that the new ferry terminal would open in the spring, "
    "two years later than first planned.</p>"
    "<p>Engineers found that the old sea wall could not carry the weight of the new cranes, the "
    "authority's director told reporters at the quay.</p>"
    "<p>Ferry operators have asked for compensation for the delay, which they say has cost them "
    "passengers and money.</p>"
)
PAGE = f"<html><head><title>Ferry terminal delayed</title></head><body><div class='x'>{STORY}</div></body></html>"


def _precision_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    real = trafilatura.bare_extraction

    def nothing(*args, **kwargs):  # type: ignore[no-untyped-def]
        document = real(*args, **kwargs)
        document.text = "Home\nNews\nSport"
        return document

    monkeypatch.setattr(html.trafilatura, "bare_extraction", nothing)


def test_when_our_rules_find_nothing_trafilatura_recall_mode_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    _precision_finds_nothing(monkeypatch)
    article = clean(PAGE, kind="html")
    assert "two years later than first planned" in article.text
    assert article.title == "Ferry terminal delayed"
    assert any("trafilatura (recall mode)" in w for w in article.warnings)


def test_then_readability_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    _precision_finds_nothing(monkeypatch)
    monkeypatch.setattr(fallback.trafilatura, "extract", lambda *args, **kwargs: None)
    article = clean(PAGE, kind="html")
    assert "could not carry the weight of the new cranes" in article.text
    assert any("readability-lxml" in w for w in article.warnings)
    start = article.text.index("Engineers")
    assert PAGE[slice(*article.to_raw(start, start + 9))] == "Engineers"  # offsets still map back


def test_refused_only_when_every_extractor_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    _precision_finds_nothing(monkeypatch)
    monkeypatch.setattr(fallback.trafilatura, "extract", lambda *args, **kwargs: None)
    monkeypatch.setattr(fallback, "_readability_lines", lambda raw: [])
    with pytest.raises(InputError, match="no article body found in the HTML by any extractor.*Save the rendered"):
        clean(load_bytes(PAGE.encode(), source="page.html", kind="html"))


@pytest.mark.parametrize(
    "notice",
    [
        "<noscript>Please enable JavaScript in your browser to read this article.</noscript>",
        "<div id='app'></div><p>JavaScript is disabled. You need to turn on JavaScript to use this site, "
        "which needs it for everything it shows.</p>",
        "<div class='consent'><p>We use cookies to improve your experience on our website. By continuing "
        "you agree to our cookie policy.</p><button>Accept all cookies</button></div>",
    ],
)
def test_script_rendered_page_names_the_fix(notice: str) -> None:
    page = f"<html><head><title>News</title><script src='/app.js'></script></head><body>{notice}</body></html>"
    with pytest.raises(InputError, match="enable JavaScript' or cookie notice.*save the rendered page"):
        clean(load_bytes(page.encode(), source="page.html", kind="html"))


def test_article_that_mentions_cookies_is_kept() -> None:
    page = PAGE.replace("</div>", "<p>The cafe on the quay said it would accept cookies and cakes as payment "
                                  "from stranded passengers, in a gesture its owner called a joke.</p></div>")
    assert "stranded passengers" in clean(page, kind="html").text
