"""The static HTML pages (`summarize --format html`, `render --html`) in headless Chromium
(Debian's), opened from file:// with every network request refused. Saves a screenshot to
artifacts/summary-html.png. Skips cleanly without playwright or chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.browser_checks import assert_evidence_marked, exact_items, screenshot_selected

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "xi-putin-call.txt"
XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script></script>'


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()

    def run(*args: str, stdin: str | None = None) -> str:
        result = runner.invoke(app, list(args), input=stdin)
        assert result.exit_code == 0, result.output
        return result.stdout

    return run


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    problems: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None)

    def refuse(route):
        if not route.request.url.startswith("file:"):
            requests.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/*", refuse)
    page.goto(path.as_uri())
    page.wait_for_function("() => state.summary !== null || !document.getElementById('entry-error').hidden")
    return page, problems, requests


def test_summary_page_marks_evidence_on_hover_and_click(browser, cli, tmp_path):
    out = tmp_path / "s.html"
    out.write_text(cli("summarize", str(EXAMPLE), "--backend", "fake", "--format", "html"), encoding="utf-8")
    summary = json.loads(cli("summarize", str(EXAMPLE), "--backend", "fake"))
    page, problems, requests = open_page(browser, out)
    assert page.locator("#headline").text_content() == summary["headline"]
    assert page.locator("#participants li.item").count() == len(summary["participants"]) > 0
    for kind, index in exact_items(summary):
        page.locator(f"#{kind} li.item").nth(index).hover()
        assert page.locator("#article-text mark.ev.active").count() == 1
    assert_evidence_marked(page, summary)
    screenshot_selected(page, ROOT / "artifacts" / "summary-html.png")
    page.close()
    assert not problems and not requests, (problems, requests)  # CSP violations are console errors


def test_hostile_article_stays_text(browser, cli, tmp_path):
    article = tmp_path / "x.txt"
    article.write_text(f"{XSS} Chinese leader spoke.\n\n{EXAMPLE.read_text(encoding='utf-8')}\n\n{XSS}", encoding="utf-8")
    out = tmp_path / "x.html"
    out.write_text(cli("summarize", str(article), "--backend", "fake", "--format", "html"), encoding="utf-8")
    page, problems, _ = open_page(browser, out)
    page.wait_for_timeout(200)  # an onerror would fire asynchronously
    assert page.evaluate("() => window.__xss") is None
    assert XSS in page.locator("#article-text").text_content()
    assert page.locator("#article-text img, #article-text script, #results img").count() == 0
    page.close()
    assert not problems, problems


def test_batch_page_lists_every_article(browser, cli, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    items = "\n".join(json.dumps(item) for item in [
        {"id": "xi", "text": text}, {"id": "short", "text": "The council approved a budget of $4.2 million, the mayor said."},
        {"id": "empty", "text": ""},
    ]) + "\n"
    lines = tmp_path / "s.jsonl"
    result = CliRunner().invoke(app, ["batch", "-", "--out", str(lines), "--include-text", "--backend", "fake", "-q"],
                                input=items)
    assert result.exit_code == 1  # one article failed, as it should
    out = tmp_path / "batch.html"
    cli("render", str(lines), "--html", str(out))
    page, problems, requests = open_page(browser, out)
    buttons = page.locator("#article-list button")
    assert buttons.count() == 3
    for i in range(3):
        buttons.nth(i).click()
        if "failed" in (buttons.nth(i).get_attribute("class") or ""):
            assert page.locator("#entry-error").is_visible()
        else:
            assert page.locator("#article-text mark.ev").count() > 0
    page.close()
    assert not problems and not requests, (problems, requests)
