"""The editor page in headless Chromium (Debian's), against a real uvicorn server and the fake backend.

Needs `pip install playwright` and `apt-get install -y chromium`; skips cleanly without them.
Playwright's own browser download is not used.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.backends.fake import FakeBackend
from summarizer.config import Settings
from summarizer.server import create_app
from summarizer.server.background import serve_in_thread
from tests.browser_checks import assert_evidence_marked, screenshot_selected

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "examples" / "xi-putin-call.txt").read_text(encoding="utf-8")
XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


@pytest.fixture(scope="module")
def url():
    # A small delay, so the spinner is on screen long enough to be seen.
    app = create_app(Settings(backend="fake", cache=False, log=False), backend=FakeBackend(delay_s=0.5))
    with serve_in_thread(app) as base:
        yield base


@pytest.fixture
def page(browser, url):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.goto(url)
    yield page
    page.close()
    assert not problems, problems  # CSP violations show up here as console errors


def summarise(page, text: str, published: str | None = None) -> dict:
    page.fill("#article-input", text)
    if published:
        page.fill("#published", published)
    page.click("#submit")
    page.wait_for_selector("#pending", state="visible")
    page.wait_for_selector("#results", state="visible", timeout=20_000)
    return page.evaluate("() => state.summary")


def test_results_and_evidence_highlighting(page):
    summary = summarise(page, ARTICLE, "2024-02-09")
    assert page.locator("#headline").text_content() == summary["headline"]
    participants = page.locator("#participants li.item")
    assert participants.count() == len(summary["participants"]) > 0
    assert page.locator("#figures li.item").count() == len(summary["figures"]) > 0
    assert page.locator("#article-view").is_visible()
    assert "[object " not in page.locator("#results").inner_text()  # no stringified DOM nodes or arrays

    def selected(item) -> None:
        assert "selected" in (item.get_attribute("class") or "")

    assert_evidence_marked(page, summary, after_click=selected)

    if summary["meta"]["warnings"]:
        assert page.locator("#warnings").is_visible()
    screenshot_selected(page, ROOT / "artifacts" / "editor.png")


def test_hover_previews_and_copy_download(page):
    summary = summarise(page, ARTICLE)
    figure = page.locator("#figures li.item[data-ev]").first
    figure.hover()
    assert page.locator("#article-text mark.ev.active").count() == 1
    with page.expect_download() as download:
        page.click("#download-button")
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert '"headline"' in saved and summary["headline"] in saved


def test_pasted_markup_never_runs(page):
    article = f"{XSS} Chinese leader spoke.\n\n{ARTICLE}\n\n{XSS}"
    summarise(page, article)
    assert page.evaluate("() => window.__xss") is None
    assert XSS in page.locator("#article-text").text_content()  # shown as text, verbatim
    assert page.locator("#article-text img, #article-text script, #results img").count() == 0
    page.wait_for_timeout(200)  # an onerror would fire asynchronously
    assert page.evaluate("() => window.__xss") is None
