"""A lean HTTP/1.1 path for chat completions to a plain-http OpenAI-compatible server.

    Wire.for_url(client, base_url, api_key, timeout_s) -> Wire | None
    wire.post(body) -> ChatCompletion             (raises the openai SDK's own exceptions)

Why: under the GIL, the CPU a call costs caps how many articles one process serves at a time.
The SDK's request path (request options, httpx, httpcore) costs about 1.4 ms of CPU per call
at concurrency 32 against the loopback server; one `http.client` connection per thread costs
0.3 ms for the same request and reply (bench/RESULTS.md section 2). The pipeline makes one
call per article and its own work costs about 7 ms, so this is a sixth of the client's CPU.

What stays the SDK's: the results and the errors. A 2xx body becomes a `ChatCompletion` the
way the SDK builds one (`construct_type`, lenient about extra and missing fields; a body that
is not JSON raises `json.JSONDecodeError`, as the SDK's does). Any other status becomes the
SDK's own exception (RateLimitError, BadRequestError, …) through the client's
`_make_status_error_from_response`, headers included, so retries and Retry-After work as
before. A timeout raises `openai.APITimeoutError`, any other socket failure
`openai.APIConnectionError`; retry.py retries both.

When: only for an `http://` base URL that no proxy in the environment applies to, with a
client the backend built itself. https (api.openai.com), proxies and a client passed in go
through the SDK as they are.
"""

from __future__ import annotations

import http.client
import json
import select
import socket
import threading
import urllib.request
import zlib
from typing import Any
from urllib.parse import urlsplit

import openai
import openai._base_client as _sdk
from openai._models import construct_type
from openai.types.chat import ChatCompletion

__all__ = ["Wire"]

_httpx: Any = getattr(_sdk, "httpx2", None) or getattr(_sdk, "httpx")  # noqa: B009 - the library the SDK's errors carry


class Wire:
    """POSTs to `<base_url>/chat/completions` over one kept-alive connection per thread."""

    def __init__(self, client: openai.OpenAI, base_url: str, api_key: str, timeout_s: float) -> None:
        parts = urlsplit(base_url)
        self.client = client
        self.host, self.port = parts.hostname or "localhost", parts.port or 80
        self.path = parts.path.rstrip("/") + "/chat/completions"
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.timeout_s = timeout_s
        self.headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Accept-Encoding": "identity",
            "Authorization": f"Bearer {api_key}",
            "User-Agent": "summarizer (OpenAI-compatible; http.client)",
        }
        self._local = threading.local()

    @classmethod
    def for_url(cls, client: openai.OpenAI, base_url: str | None, api_key: str, timeout_s: float) -> Wire | None:
        """A Wire for a plain-http URL that no environment proxy applies to; else None (the SDK's path)."""
        if not base_url:
            return None
        parts = urlsplit(base_url)
        if parts.scheme != "http" or not parts.hostname or parts.query or parts.fragment:
            return None
        proxies = urllib.request.getproxies()
        if (proxies.get("http") or proxies.get("all")) and not urllib.request.proxy_bypass(parts.hostname):
            return None
        return cls(client, base_url, api_key, timeout_s)

    def post(self, body: dict[str, Any]) -> ChatCompletion:
        data = json.dumps(body).encode()
        connection = self._connection()
        try:
            connection.request("POST", self.path, body=data, headers=self.headers)
            response = connection.getresponse()
            payload = _decoded(response.read(), response.getheader("Content-Encoding"))
        except TimeoutError as exc:
            self._drop()
            raise openai.APITimeoutError(request=self._request()) from exc
        except (OSError, http.client.HTTPException, zlib.error) as exc:
            self._drop()
            raise openai.APIConnectionError(request=self._request()) from exc
        if not 200 <= response.status < 300:
            reply = _httpx.Response(response.status, headers=response.getheaders(), content=payload,
                                    request=self._request())
            raise self.client._make_status_error_from_response(reply)
        completion: ChatCompletion = construct_type(type_=ChatCompletion, value=json.loads(payload))  # type: ignore[assignment]
        return completion

    def _connection(self) -> http.client.HTTPConnection:
        connection: http.client.HTTPConnection | None = getattr(self._local, "connection", None)
        if connection is not None and connection.sock is not None and _closed_by_peer(connection.sock):
            connection.close()  # the server closed it while idle: http.client reopens on the next request
        if connection is None:
            connection = self._local.connection = http.client.HTTPConnection(self.host, self.port,
                                                                             timeout=self.timeout_s)
        return connection

    def _drop(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    def _request(self) -> Any:
        return _httpx.Request("POST", self.url)


def _closed_by_peer(sock: socket.socket) -> bool:
    """Whether an idle kept-alive socket is readable: the peer closed it (or sent what nobody
    asked for). Either way it cannot carry the next request. httpcore checks the same."""
    try:
        if hasattr(select, "poll"):
            poller = select.poll()
            poller.register(sock, select.POLLIN)
            return bool(poller.poll(0))
        return bool(select.select([sock], [], [], 0)[0])
    except (OSError, ValueError):
        return True


def _decoded(payload: bytes, encoding: str | None) -> bytes:
    """The body, undone from gzip or deflate, which a server may send although we asked for identity."""
    encoding = (encoding or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompress(payload, 16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompress(payload)
    return payload
