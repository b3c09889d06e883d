"""The HTTP service: `create_app()` builds a FastAPI app around the same pipeline as the CLI.

    POST /v1/summaries     {"text"|"html", "published"?, "options"?} -> ArticleSummary
                           ?include_text=true -> {"summary": ArticleSummary, "text": cleaned text}
    GET  /v1/schema        JSON Schema of ArticleSummary
    GET  /healthz          the process is up
    GET  /readyz           the backend (and its model) is loaded; 503 until then
    GET  /                 the editor page;  /docs, /redoc  OpenAPI UIs, offline (server/docs.py)

Configuration arrives as arguments; this module reads no environment (cli_serve.py does).
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, Union

from fastapi import APIRouter, FastAPI, Query, Request, Security
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import APIKeyHeader, HTTPBearer
from fastapi.staticfiles import StaticFiles

from summarizer.backends import Backend, make_backend
from summarizer.backends.local import LocalBackend
from summarizer.config import Settings
from summarizer.errors import SummarizerError
from summarizer.schema import SCHEMA_VERSION, ArticleSummary
from summarizer.scrub import register_secret
from summarizer.server.docs import add_docs
from summarizer.server.gate import Busy, Timeout, WorkGate
from summarizer.server.handlers import ERRORS, add_error_handlers
from summarizer.server.middleware import (
    ApiKeyMiddleware,
    BodyLimitMiddleware,
    Problem,
    RequestLogMiddleware,
    SecurityHeadersMiddleware,
)
from summarizer.server.models import Health, SummaryRequest, SummaryWithText

log = logging.getLogger("summarizer.server")
T = TypeVar("T")
STATIC = Path(__file__).parent / "static"
DEFAULT_MAX_BODY = 2_000_000


@dataclass
class ServiceState:
    """What the app's handlers share: the settings, the work gate, the store and the backend once loaded."""

    settings: Settings
    gate: WorkGate
    timeout_s: float
    store: Any = None
    backend: Backend | None = None
    load_error: str | None = None

    def ready_backend(self) -> Backend:
        """The loaded backend, or a 503 saying it is still loading or failed to load."""
        if self.backend is not None:
            return self.backend
        if self.load_error:
            raise Problem(503, "NotReady", f"the backend failed to load: {self.load_error}")
        raise Problem(503, "NotReady", "the backend is still loading; retry shortly", {"Retry-After": "5"})

    def settings_for(self, request: SummaryRequest) -> Settings:
        """The server's settings with the request's options applied."""
        options = request.options
        if options is None:
            return self.settings
        changes = options.overrides()
        if options.cache is False:
            changes["cache"] = False
        return self.settings.replace(**changes)


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
    factory = backend_factory or (lambda: _load_backend(settings))

    # Built here rather than in lifespan, so a client that skips lifespan events (schemathesis'
    # ASGI transport) still finds the state; it then needs `backend` given, as tests do.
    state = ServiceState(settings, WorkGate(workers, queue), request_timeout_s, store, backend)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        loader = None
        if state.backend is None:
            loader = asyncio.create_task(_load(state, factory))  # /healthz answers meanwhile
        else:
            await asyncio.to_thread(_warm_up, settings)  # a given backend is ready: only warm up
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
    app.include_router(_api_router(secured=bool(keys)))
    _add_page_and_probes(app)
    add_docs(app)
    return app


def _load_backend(settings: Settings) -> Backend:
    backend = make_backend(settings)
    if isinstance(backend, LocalBackend):
        backend.llama  # noqa: B018  the local backend loads its model lazily; ready means loaded
    return backend


async def _load(state: ServiceState, factory: Callable[[], Backend]) -> None:
    try:
        backend = await asyncio.to_thread(factory)
        await asyncio.to_thread(_warm_up, state.settings)
        state.backend = backend
        log.info("backend ready: %s/%s", state.backend.name, state.backend.model)
    except SummarizerError as exc:
        state.load_error = exc.message
        log.error("backend failed to load: %s", exc.message)
    except Exception as exc:  # noqa: BLE001  readiness must report it, not crash the event loop
        state.load_error = f"{type(exc).__name__}"
        log.error("backend failed to load: %s", "".join(traceback.format_exception(exc)))


def _warm_up(settings: Settings) -> None:
    """One pipeline run on a fake backend, so that lazy imports (instructor loads its handlers
    on first use, about 2 s) happen before /readyz says ready, not in the first request."""
    from summarizer.backends.fake import FakeBackend
    from summarizer.pipeline import summarize

    try:
        summarize(_WARM_UP_TEXT, settings=settings.replace(cache=False, log=False), backend=FakeBackend())
    except Exception as exc:  # noqa: BLE001  a failed warm-up only costs the first request time
        log.warning("warm-up failed: %s", type(exc).__name__)


_WARM_UP_TEXT = (
    "The city council approved a budget of $4.2 million on Monday, the mayor said.\n\n"
    "\"This budget keeps the libraries open,\" Mayor Ana Ruiz told reporters after the vote."
)


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


def _api_router(*, secured: bool) -> APIRouter:
    # With keys configured the schemes appear in OpenAPI; ApiKeyMiddleware does the checking.
    schemes = [Security(HTTPBearer(auto_error=False)), Security(APIKeyHeader(name="X-API-Key", auto_error=False))]
    router = APIRouter(prefix="/v1", dependencies=schemes if secured else [], responses=ERRORS)

    @router.post("/summaries", response_model=Union[ArticleSummary, SummaryWithText], tags=["summaries"])
    async def create_summary(
        body: SummaryRequest,
        request: Request,
        include_text: bool = Query(False, description="Wrap the summary as {summary, text} with the cleaned "
                                   "text that evidence offsets point into."),
    ) -> ArticleSummary | SummaryWithText:
        """Summarise one article with the server's backend: the same pipeline and schema as the CLI."""
        state: ServiceState = request.app.state.service
        backend = state.ready_backend()
        settings = state.settings_for(body)
        gate = state.gate
        job = gate.run(_summarize, body, settings, backend, state.store, timeout_s=state.timeout_s)
        try:
            summary, text = await _unless_client_leaves(request, job)
        except Busy as exc:
            raise Problem(429, "ServerBusy", f"the server is busy ({gate.workers} running, "
                          f"{gate.capacity - gate.workers} waiting); retry after {exc.retry_after_s} s",
                          {"Retry-After": str(exc.retry_after_s)}) from None
        except Timeout:
            raise Problem(504, "Timeout", f"no summary within the server's request timeout of "
                          f"{state.timeout_s:g} s; try again later or send a shorter article") from None
        return SummaryWithText(summary=summary, text=text) if include_text else summary

    @router.get("/schema", tags=["schema"], response_model=dict[str, Any])
    async def schema() -> dict[str, Any]:
        """The JSON Schema of ArticleSummary (schema v1)."""
        return ArticleSummary.model_json_schema()

    return router


async def _unless_client_leaves(request: Request, work: Awaitable[T]) -> T:
    """Await `work`, but cancel it when the client disconnects (the page's Cancel button): a
    queued job then never runs, instead of holding a worker for a reader who is gone."""

    async def gone() -> None:
        while (await request.receive())["type"] != "http.disconnect":  # the body is already read
            pass

    task, watcher = asyncio.ensure_future(work), asyncio.ensure_future(gone())
    try:
        await asyncio.wait({task, watcher}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        watcher.cancel()
    if not task.done():
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)  # let the gate drop the queued job first
        raise Problem(499, "ClientClosedRequest", "the client disconnected before the summary was ready")
    return task.result()


def _summarize(body: SummaryRequest, settings: Settings, backend: Backend, store: Any) -> tuple[ArticleSummary, str]:
    """Runs in a worker thread. Cleans once, so the returned text is exactly what offsets point into."""
    try:
        from summarizer.pipeline import prepare, summarize

        article = prepare(body.source, settings=settings, kind=body.kind)
        summary = summarize(article, settings=settings, backend=backend, published=body.published, store=store)
        return summary, article.text
    except SummarizerError:
        raise
    except Exception as exc:
        # Frames only: an exception message may quote the article, which never goes to the log.
        log.error("pipeline failed with %s:\n%s", type(exc).__name__, "".join(traceback.format_tb(exc.__traceback__)))
        raise SummarizerError(f"internal error in the pipeline ({type(exc).__name__}); see the server log") from None


def _add_page_and_probes(app: FastAPI) -> None:
    @app.get("/healthz", response_model=Health, response_model_exclude_none=True, tags=["probes"])
    async def healthz() -> Health:
        """The process is up (says nothing about the model)."""
        return Health(status="ok")

    @app.get("/readyz", response_model=Health, response_model_exclude_none=True, tags=["probes"],
             responses={503: {"model": Health}})
    async def readyz(request: Request) -> Any:
        """Ready when the backend and its model are loaded; 503 while loading or after a failed load."""
        state: ServiceState = request.app.state.service
        if state.backend is not None:
            return Health(status="ready", backend=state.backend.name, model=state.backend.model)
        body = Health(status="error" if state.load_error else "loading", detail=state.load_error)
        return JSONResponse(body.model_dump(exclude_none=True), status_code=503)

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")


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
