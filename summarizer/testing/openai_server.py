"""A scriptable OpenAI-compatible HTTP server for fault injection, standard library only.

It is a real server on 127.0.0.1, so the openai SDK (and instructor on top of it) runs
unmodified: its own retries, timeouts and error classes are what gets tested.

    with FakeOpenAIServer() as srv:
        srv.script(status(429, retry_after=0.1), reply({"headline": "h", "summary": "s"}))
        client = openai.OpenAI(base_url=srv.base_url, api_key="x", max_retries=0)

Each POST /v1/chat/completions consumes one scripted step; when the script is empty the
`responder` (body -> content str | dict | Step) answers, or else a minimal valid summary.
Only `stream: false` is supported, and only JSON-in-content replies (no tool calls).
The steps themselves are built in `steps`.
"""

from __future__ import annotations

import json
import socket
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count
from typing import Any

from summarizer.testing.steps import DEFAULT_CONTENT, Step, error_body, reply, status

Responder = Callable[[dict], "str | dict | Step"]


class FakeOpenAIServer:
    """Context manager running the fake on an ephemeral 127.0.0.1 port in a background thread.

    `known_models`: when given, a request for any other model gets 404 model_not_found (no
    step consumed) and GET /v1/models lists them; otherwise it lists `model`.
    `latency_s`: fixed delay before every answer, to benchmark clients against a slow API.
    """

    def __init__(
        self,
        responder: Responder | None = None,
        *,
        latency_s: float = 0.0,
        model: str = "fake-model",
        known_models: Iterable[str] | None = None,
    ) -> None:
        self.responder = responder
        self.latency_s = latency_s
        self.known_models = list(known_models) if known_models is not None else None
        self.models = self.known_models if self.known_models is not None else [model]
        self.requests: list[dict] = []  # JSON bodies of chat completion requests, in arrival order
        self._steps: deque[Step] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._ids = count(1)
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> FakeOpenAIServer:
        if self._httpd is not None:
            return self
        self._stopping.clear()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._stopping.set()  # wakes hang() and latency sleeps so their threads finish now
        self._httpd.shutdown()
        self._httpd.close_all()
        self._httpd.server_close()
        self._httpd = None
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("FakeOpenAIServer is not running; use it as a context manager or call start()")
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def script(self, *steps: Step) -> FakeOpenAIServer:
        """Queue steps; each chat completion request consumes the next one."""
        for step in steps:
            if not isinstance(step, Step):  # e.g. `reset` passed without calling it
                raise TypeError(f"script() takes steps such as reply(...) or reset(), got {step!r}")
        with self._lock:
            self._steps.extend(steps)
        return self

    @property
    def pending(self) -> int:
        """Scripted steps not yet consumed (assert 0 to prove every fault was exercised)."""
        return len(self._steps)

    # used by the handler ------------------------------------------------------------------

    def _next_step(self, body: dict) -> Step:
        with self._lock:
            self.requests.append(body)
            if self._steps:
                return self._steps.popleft()
        if self.responder is None:
            return reply(DEFAULT_CONTENT)
        try:
            answer = self.responder(body)
        except Exception as exc:  # surface responder bugs to the client instead of a dropped socket
            return status(500, body=error_body(500, f"responder raised {exc!r}"))
        return answer if isinstance(answer, Step) else reply(answer)

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._stopping.wait(seconds)

    def _completion(self, body: dict, step: Step) -> dict:
        choices = [] if step.kind == "empty" else [
            {
                "index": 0,
                "message": {"role": "assistant", "content": step.content, "refusal": None},
                "finish_reason": step.finish_reason,
                "logprobs": None,
            }
        ]  # fmt: skip
        prompt, completion = step.usage
        return {
            "id": f"chatcmpl-fake-{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", self.models[0]),
            "choices": choices,
            "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
            "system_fingerprint": "fp_fake",
        }


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a hung handler must never keep the test process alive
    request_queue_size = 1024  # listen backlog: bursts of 32+ new connections must not be refused
    fake: FakeOpenAIServer

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def close_all(self) -> None:
        # Idle keep-alive connections would otherwise park a handler thread until the client goes.
        with self.connections_lock:
            for conn in self.connections:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], OSError):  # resets and timeouts are the point here
            super().handle_error(request, client_address)  # a bug in the fake: show it


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real API; needs Content-Length always
    disable_nagle_algorithm = True  # headers and body go out in two writes: Nagle adds ~40 ms each
    server: _Server

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)
        try:
            super().finish()
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:
        pass  # tests read .requests; stderr noise helps nobody

    def do_GET(self) -> None:
        path, fake = self.path.split("?")[0].rstrip("/"), self.server.fake
        if path == "/v1/models":
            self._json(200, {"object": "list", "data": [_model(m) for m in fake.models]})
        elif path.startswith("/v1/models/") and path[len("/v1/models/") :] in fake.models:
            self._json(200, _model(path[len("/v1/models/") :]))
        else:
            self._json(404, error_body(404, f"Unknown path or model: {path}", err_code="not_found"))

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        fake = self.server.fake
        if self.path.split("?")[0].rstrip("/") != "/v1/chat/completions":
            return self._json(404, error_body(404, f"Unknown path: {self.path}", err_code="not_found"))
        try:
            body = json.loads(raw)
        except ValueError:
            return self._json(400, error_body(400, "We could not parse the JSON body of your request."))
        if body.get("stream"):
            return self._json(400, error_body(400, "FakeOpenAIServer supports stream=false only."))
        model = body.get("model")
        if fake.known_models is not None and model not in fake.known_models:
            with fake._lock:
                fake.requests.append(body)
            message = f"The model `{model}` does not exist or you do not have access to it."
            return self._json(404, error_body(404, message))
        step = fake._next_step(body)
        fake._sleep(fake.latency_s)
        self._play(step, body)

    def _play(self, step: Step, body: dict) -> None:
        if step.kind in ("reply", "empty"):
            self._json(200, self.server.fake._completion(body, step))
        elif step.kind == "status":
            self._json(step.code, step.body, step.headers)
        elif step.kind == "raw":
            self._send(step.code, step.body.encode())
        elif step.kind == "hang":
            self.server.fake._sleep(step.seconds)
            self.close_connection = True  # then close without a byte of response
        elif step.kind == "reset":
            # Linger 0 makes close() send RST instead of FIN: the client sees "connection reset".
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
        else:
            raise ValueError(f"unknown step kind {step.kind!r}")

    def _json(self, code: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        self._send(code, json.dumps(payload).encode(), headers)

    def _send(self, code: int, data: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-request-id", f"req_fake_{next(self.server.fake._ids)}")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


def _model(name: str) -> dict:
    return {"id": name, "object": "model", "created": 0, "owned_by": "fake"}
