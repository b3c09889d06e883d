"""Every error leaves the service as {"type", "message"} with the status its class names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from summarizer.errors import SummarizerError, TransientBackendError
from summarizer.scrub import scrub
from summarizer.server.middleware import problem_response
from summarizer.server.models import ErrorBody

_STATUS_TYPES = {400: "BadRequest", 404: "NotFound", 405: "MethodNotAllowed", 413: "PayloadTooLarge"}
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in {
        400: "The body could not be read (not UTF-8).",
        401: "API keys are configured and none, or a wrong one, was sent.",
        413: "The body is larger than the server's limit.",
        422: "The body is invalid (ValidationError), the article is unusable (InputError) or its token budget "
             "ran out (BudgetError: not retryable; raise options.token_budget).",
        429: "The server is saturated (ServerBusy, with Retry-After).",
        502: "The model failed or its output stayed invalid (BackendError, ExtractionError).",
        503: "The backend is still loading (NotReady) or unreachable after retries (TransientBackendError).",
        504: "No summary within the request timeout (Timeout).",
    }.items()
}


def add_error_handlers(app: FastAPI) -> None:
    def respond(request: Request, status: int, type: str, message: str,
                headers: Mapping[str, str] | None = None) -> JSONResponse:
        request.state.error_type = type  # for the request log line
        # The body leaves the process: an upstream error may quote the key it was sent.
        return problem_response(status, type, scrub(message), dict(headers) if headers is not None else None)

    @app.exception_handler(SummarizerError)
    async def summarizer_error(request: Request, exc: SummarizerError) -> JSONResponse:
        headers = {"Retry-After": "30"} if isinstance(exc, TransientBackendError) else None
        return respond(request, exc.http_status, exc.type, exc.message, headers)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        type = getattr(exc, "type", None) or _STATUS_TYPES.get(exc.status_code, "HTTPError")
        return respond(request, exc.status_code, type, str(exc.detail), exc.headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Starlette calls this from its outermost layer, then re-raises for the server to log.
        return problem_response(500, "InternalError", f"internal server error ({type(exc).__name__}); "
                                "see the server log")

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        # loc and msg only: pydantic's `input` would echo the article back into the response.
        parts = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in exc.errors()]
        more = f" (and {len(parts) - 5} more)" if len(parts) > 5 else ""
        return respond(request, 422, "ValidationError", "; ".join(parts[:5]) + more)
