"""/docs (Swagger UI) and /redoc (ReDoc) served from the installed `fastapi-offline` package:
no CDN, so both render on a machine with no network, under a Content-Security-Policy.

The pages keep FastAPI's own HTML; their one inline script is allowed by its hash. Swagger UI
and ReDoc set inline styles at run time, hence `style-src 'unsafe-inline'`; ReDoc's search
runs in a blob: worker. Nothing else is allowed: no remote script, font, image or connection.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS_URL = "/docs-assets"
_INLINE = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def assets_dir() -> Path:
    """Where fastapi-offline keeps swagger-ui-bundle.js, swagger-ui.css and redoc.standalone.js."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


def csp_for(page: str) -> str:
    """The policy of one docs page: its own inline scripts by hash, assets from this server."""
    hashes = "".join(
        " 'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for body in _INLINE.findall(page)
    )
    return (f"default-src 'none'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src blob:; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'")


def add_docs(app: FastAPI) -> None:
    """Mount the assets and the two pages on an app built with docs_url=None, redoc_url=None."""
    app.mount(ASSETS_URL, StaticFiles(directory=assets_dir()), name="docs-assets")
    openapi_url = app.openapi_url or "/openapi.json"
    redirect_url = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"
    swagger = bytes(get_swagger_ui_html(
        openapi_url=openapi_url, title=f"{app.title} - Swagger UI", oauth2_redirect_url=redirect_url,
        swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js", swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS_URL}/favicon.png",
    ).body).decode("utf-8")
    redoc = bytes(get_redoc_html(
        openapi_url=openapi_url, title=f"{app.title} - ReDoc", redoc_js_url=f"{ASSETS_URL}/redoc.standalone.js",
        redoc_favicon_url=f"{ASSETS_URL}/favicon.png", with_google_fonts=False,
    ).body).decode("utf-8")
    redirect = bytes(get_swagger_ui_oauth2_redirect_html().body).decode("utf-8")

    def page(html: str) -> HTMLResponse:
        return HTMLResponse(html, headers={"Content-Security-Policy": csp_for(html), "Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return page(swagger)

    @app.get(redirect_url, include_in_schema=False)
    async def swagger_redirect() -> HTMLResponse:
        return page(redirect)

    @app.get("/redoc", include_in_schema=False)
    async def redoc_ui() -> HTMLResponse:
        return page(redoc)
