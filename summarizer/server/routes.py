"""The app's routes: POST /v1/summaries and GET /v1/schema, the probes, the editor page.

    api_router(secured)        /v1/*, with the API-key schemes in OpenAPI when keys are set
    add_page_and_probes(app)   /healthz, /readyz, / and /static

Split from app.py, which builds the app and its middleware; each handler reads the app's
ServiceState (state.py).
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Awaitable
from pathlib import Path
from typing import Any, TypeVar, Union

from fastapi import APIRouter, FastAPI, Query, Request, Security
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import APIKeyHeader, HTTPBearer
from fastapi.staticfiles import StaticFiles

from summarizer.backends import Backend
from summarizer.config import Settings
from summarizer.errors import SummarizerError
from summarizer.schema import ArticleSummary
from summarizer.server.gate import Busy, Timeout
from summarizer.server.handlers import ERRORS
from summarizer.server.middleware import Problem
from summarizer.server.models import Health, SummaryRequest, SummaryWithText
from summarizer.server.state import ServiceState

__all__ = ["STATIC", "add_page_and_probes", "api_router"]

log = logging.getLogger("summarizer.server")
T = TypeVar("T")
STATIC = Path(__file__).parent / "static"


def api_router(*, secured: bool) -> APIRouter:
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


def add_page_and_probes(app: FastAPI) -> None:
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
