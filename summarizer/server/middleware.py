"""Pure ASGI middleware: request log, security headers, API keys, body size limit.

Pure ASGI (not BaseHTTPMiddleware) because the body limit must see the body while it
streams in, and because these run on every request and should cost next to nothing.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import re
import time
import uuid
from collections.abc import Iterable
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

access_log = logging.getLogger("summarizer.server.access")

# The page and the API need nothing but their own origin. /docs and /redoc are FastAPI's
# Swagger/ReDoc pages, which load inline scripts and CDN assets, so they get no CSP.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
NO_CSP_PATHS = ("/docs", "/redoc")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._\-]{1,64}$")


class Problem(HTTPException):
    """An HTTP error with a `type`, rendered as {"type", "message"} like every other error."""

    def __init__(self, status: int, type: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.type = type


def problem_response(status: int, type: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"type": type, "message": message}, status_code=status, headers=headers)


class RequestLogMiddleware:
    """One JSON line per request: method, path, status, ms, request id. Never bodies, queries or headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        offered = Headers(scope=scope).get("x-request-id", "")
        # A client's id is kept only if it is safe to echo into logs and headers.
        request_id = offered if _REQUEST_ID.match(offered) else uuid.uuid4().hex
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message).append("X-Request-ID", request_id)
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            state.setdefault("error_type", type(exc).__name__)
            raise
        finally:
            record: dict[str, Any] = {
                "ts": dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds"),
                "level": "warning" if status >= 500 else "info",
                "event": "request",
                "method": scope["method"],
                "path": scope["path"][:200],
                "status": status,
                "ms": round((time.perf_counter() - started) * 1000, 1),
                "request_id": request_id,
            }
            if state.get("error_type"):
                record["error"] = state["error_type"]
            access_log.log(logging.WARNING if status >= 500 else logging.INFO, json.dumps(record))


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        with_csp = not scope["path"].startswith(NO_CSP_PATHS)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                if with_csp:
                    headers.setdefault("Content-Security-Policy", CSP)
                    headers.setdefault("X-Frame-Options", "DENY")
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ApiKeyMiddleware:
    """When keys are configured, /v1/* needs one (Authorization: Bearer or X-API-Key).

    Checked here, before the body is read, so an unauthenticated client cannot make the
    server read and parse a 2 MB body. The route dependencies only document the schemes.
    """

    def __init__(self, app: ASGIApp, keys: Iterable[str], prefix: str = "/v1") -> None:
        self.app = app
        self.keys = [k.encode("utf-8") for k in keys if k]
        self.prefix = prefix

    def authorized(self, headers: Headers) -> bool:
        presented = [headers.get("x-api-key", "")]
        scheme, _, credentials = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer":
            presented.append(credentials.strip())
        ok = False
        for candidate in (p.encode("utf-8") for p in presented if p):
            for key in self.keys:  # every key, no early exit: timing says nothing about which matched
                ok |= hmac.compare_digest(candidate, key)
        return ok

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        guarded = scope["type"] == "http" and (path == self.prefix or path.startswith(self.prefix + "/"))
        if self.keys and guarded and not self.authorized(Headers(scope=scope)):
            scope.setdefault("state", {})["error_type"] = "Unauthorized"
            response = problem_response(
                401, "Unauthorized",
                "an API key is required: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
                headers={"WWW-Authenticate": "Bearer"},
            )
            return await response(scope, receive, send)
        await self.app(scope, receive, send)


class BodyTooLarge(Problem):
    def __init__(self, limit: int) -> None:
        super().__init__(413, "PayloadTooLarge", f"the request body is larger than the limit of {limit} bytes")


class BodyLimitMiddleware:
    """413 when Content-Length says too much, and again while streaming if the body runs past it.

    The streaming check raises an HTTPException from inside `receive`: FastAPI passes
    HTTPExceptions through its body parsing untouched, so the normal error handler answers.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            scope.setdefault("state", {})["error_type"] = "PayloadTooLarge"
            exc = BodyTooLarge(self.max_bytes)
            return await problem_response(413, exc.type, exc.detail)(scope, receive, send)
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, limited_receive, send)
