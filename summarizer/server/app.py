"""The HTTP service: `create_app()` builds a FastAPI app around the same pipeline as the CLI.

    POST /v1/summaries     {"text"|"html", "published"?, "options"?} -> ArticleSummary
                           ?include_text=true -> {"summary": ArticleSummary, "text": cleaned text}
    GET  /v1/schema        JSON Schema of ArticleSummary
    GET  /healthz          the process is up
    GET  /readyz           the backend (and its model) is loaded; 503 until then
    GET  /                 the editor page;  /docs, /redoc  OpenAPI UIs, offline (server/docs.py)

Configuration arrives as arguments; this module reads no environment (cli_serve.py does). It builds
the app: middleware, lifespan, docs; the handlers are in routes.py, the state they share in state.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from summarizer.backends import Backend
from summarizer.config import Settings
from summarizer.schema import SCHEMA_VERSION
from summarizer.scrub import register_secret
from summarizer.server.docs import add_docs
from summarizer.server.gate import WorkGate
from summarizer.server.handlers import add_error_handlers
from summarizer.server.middleware import (
    ApiKeyMiddleware,
    BodyLimitMiddleware,
    RequestLogMiddleware,
    SecurityHeadersMiddleware,
)
from summarizer.server.routes import add_page_and_probes, api_router
from summarizer.server.state import ServiceState, load, load_backend, warm_up

# ServiceState is re-exported: it is what `app.state.service` holds.
__all__ = ["DEFAULT_MAX_BODY", "ServiceState", "create_app"]

DEFAULT_MAX_BODY = 2_000_000


def create_app(
    settings: Settings | None = None,
    *,
    backend: Backend | None = None,
    backend_factory: Callable[[], Backend] | None = None,
    store: Any = None,
    api_keys: Iterable[str] = (),
    cors_origins: Iterable[str] = (),
    max_body_bytes: int = DEFAULT_MAX_BODY,
    workers: int = 1,
    queue: int = 4,
    request_timeout_s: float = 300.0,
) -> FastAPI:
    """Build the app. `backend` is used as is; otherwise `backend_factory` (default: make_backend
    for `settings`) runs in a thread at startup, and /readyz answers 503 until it returns."""
    settings = settings or Settings.load()
    keys = tuple(k.strip() for k in api_keys if k and k.strip())
    register_secret(*keys)  # a client key quoted back in any error body is scrubbed
    factory = backend_factory or (lambda: load_backend(settings))

    # Built here rather than in lifespan, so a client that skips lifespan events (schemathesis'
    # ASGI transport) still finds the state; it then needs `backend` given, as tests do.
    state = ServiceState(settings, WorkGate(workers, queue), request_timeout_s, store, backend)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        loader = None
        if state.backend is None:
            loader = asyncio.create_task(load(state, factory))  # /healthz answers meanwhile
        else:
            await asyncio.to_thread(warm_up, settings)  # a given backend is ready: only warm up
        try:
            yield
        finally:
            if loader is not None:
                loader.cancel()
            state.gate.shutdown()  # drops queued jobs; a fresh gate serves a restarted app
            state.gate = WorkGate(workers, queue)

    app = FastAPI(
        title="summarizer",
        version=SCHEMA_VERSION,
        description=_DESCRIPTION.format(max_body=max_body_bytes, timeout=request_timeout_s),
        lifespan=lifespan,
        docs_url=None,  # served from installed assets, no CDN: server/docs.py
        redoc_url=None,
    )
    app.state.service = state
    _add_middleware(app, keys, tuple(cors_origins), max_body_bytes)
    add_error_handlers(app)
    app.include_router(api_router(secured=bool(keys)))
    add_page_and_probes(app)
    add_docs(app)
    return app


def _add_middleware(app: FastAPI, keys: tuple[str, ...], origins: tuple[str, ...], max_body: int) -> None:
    # add_middleware puts each new one outermost: the order below runs bottom to top.
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body)
    app.add_middleware(ApiKeyMiddleware, keys=keys)
    if origins:
        from fastapi.middleware.cors import CORSMiddleware

        # Outside the key check: preflights carry no key, and a 401 must be readable cross-origin.
        app.add_middleware(
            CORSMiddleware, allow_origins=list(origins), allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "X-Request-ID"],
            expose_headers=["Retry-After", "X-Request-ID"], max_age=600,
        )
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(RequestLogMiddleware)


_DESCRIPTION = """\
News articles into structured, grounded summaries. Every item's `evidence` holds character
offsets into the *cleaned* article text; ask `POST /v1/summaries?include_text=true` to get that
text alongside the summary as `{{"summary": ..., "text": ...}}`.

* **Auth**: when the server has API keys, `/v1/*` needs `Authorization: Bearer <key>` or
  `X-API-Key: <key>` (401 otherwise). `/healthz`, `/readyz` and the page stay open.
* **Limits**: bodies over {max_body} bytes get 413; when every worker is busy and the queue is
  full the answer is 429 `ServerBusy` with `Retry-After`; no summary within {timeout:g} s gives 504.
* **Errors**: always `{{"type": ..., "message": ...}}`; `type` names the error class.
* The server never fetches URLs: send the text or the HTML.
"""
