"""/docs and /redoc render with no network: assets from the installed fastapi-offline, a CSP.

The HTTP checks run always; the Chromium ones (marked browser) block every request that
does not go to the test server, and check that the operations are drawn."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from summarizer.backends.fake import FakeBackend
from summarizer.config import Settings
from summarizer.server import create_app
from summarizer.server.background import serve_in_thread


def _app():
    return create_app(Settings(backend="fake", cache=False, log=False), backend=FakeBackend())


@pytest.mark.parametrize("path, asset", [("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")])
def test_docs_pages_use_local_assets_under_a_csp(path, asset):
    with TestClient(_app()) as client:
        page = client.get(path)
        assert page.status_code == 200
        assert "cdn." not in page.text and "fonts.googleapis" not in page.text
        assert f"/docs-assets/{asset}" in page.text
        csp = page.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "https:" not in csp
        assert client.get(f"/docs-assets/{asset}").status_code == 200


def _known(message: str) -> bool:
    # ReDoc's bundle draws its "powered by" footer logo from its CDN; the CSP blocks it (as it
    # should: nothing leaves the machine), and the page is complete without it.
    return "cdn.redoc.ly/redoc/logo-mini.svg" in message


@pytest.mark.browser
@pytest.mark.parametrize("path, drawn", [("/docs", ".opblock-summary-path[data-path='/v1/summaries']"),
                                         ("/redoc", "h2:has-text('Create Summary')")])
def test_docs_render_with_the_network_blocked(browser, path, drawn):
    with serve_in_thread(_app()) as base:
        page = browser.new_page()
        problems: list[str] = []
        blocked: list[str] = []
        page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" and not _known(msg.text) else None)
        page.on("pageerror", lambda exc: problems.append(str(exc)))

        def only_the_server(route):
            if route.request.url.startswith(base) or route.request.url.startswith("blob:"):
                return route.continue_()
            blocked.append(route.request.url)
            return route.abort()

        page.route("**/*", only_the_server)
        page.goto(base + path)
        page.wait_for_selector(drawn, timeout=20_000)
        page.close()
    assert not blocked and not problems, (blocked, problems)
