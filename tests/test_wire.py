"""The lean HTTP path (backends/wire.py) must give what the openai SDK gives, step for step."""

from __future__ import annotations

import gzip
import json
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import openai
import pytest
from openai.types.chat import ChatCompletion

from summarizer.backends.openai import OpenAIBackend
from summarizer.backends.wire import Wire
from summarizer.config import Settings
from summarizer.testing import FakeOpenAIServer, hang, reply, status
from tests.test_openai_server import ERROR_CASES, SUCCESS_CASES

BODY = {"model": "fake-model", "messages": [{"role": "user", "content": "Summarise this."}]}


@pytest.fixture
def srv():
    with FakeOpenAIServer() as server:
        yield server


def wire_for(srv: FakeOpenAIServer, timeout: float = 5.0) -> Wire:
    client = openai.OpenAI(base_url=srv.base_url, api_key="x", max_retries=0, timeout=timeout)
    wire = Wire.for_url(client, srv.base_url, "x", timeout)
    assert wire is not None
    return wire


@pytest.mark.parametrize(("name", "step", "check"), SUCCESS_CASES, ids=[c[0] for c in SUCCESS_CASES])
def test_step_reaches_wire_as_the_sdk_response(srv, name, step, check):
    srv.script(step)
    completion = wire_for(srv).post(BODY)
    assert isinstance(completion, ChatCompletion)
    check(completion)
    assert srv.pending == 0


@pytest.mark.parametrize(("name", "step", "exc", "check"), ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_step_reaches_wire_as_the_sdk_error(srv, name, step, exc, check):
    srv.script(step)
    with pytest.raises(exc) as info:
        wire_for(srv, timeout=0.3).post(BODY)
    assert type(info.value) is exc  # the SDK's own class, not a parent of it
    assert check(info.value) is not False
    assert len(srv.requests) == 1  # never sent twice


@pytest.mark.parametrize(("url", "env", "used"), [
    ("http://127.0.0.1:8080/v1", {}, True),
    ("http://localhost:8000/v1/", {}, True),
    ("https://api.openai.com/v1", {}, False),  # TLS: the SDK's path
    ("http://gpu-box:8000/v1", {"HTTP_PROXY": "http://proxy:3128"}, False),  # a proxy applies
    ("http://gpu-box:8000/v1", {"HTTP_PROXY": "http://proxy:3128", "NO_PROXY": "gpu-box"}, True),
    ("http://gpu-box:8000/v1", {"ALL_PROXY": "http://proxy:3128"}, False),
    ("http://127.0.0.1:8080/v1?api-version=1", {}, False),  # a query the SDK would keep
    (None, {}, False),
])  # fmt: skip
def test_used_only_for_plain_http_without_a_proxy(monkeypatch, url, env, used):
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy", "HTTPS_PROXY",
                 "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    client = openai.OpenAI(base_url=url or "https://api.openai.com/v1", api_key="x")
    assert (Wire.for_url(client, url, "x", 5.0) is not None) is used


def test_backend_posts_over_the_wire_with_extra_body_at_top_level(srv):
    backend = OpenAIBackend(Settings(backend="openai", base_url=srv.base_url, api_key="k", cache=False, log=False))
    assert backend.wire is not None
    srv.script(reply({"headline": "h"}, prompt_tokens=5, completion_tokens=2))
    answer = backend._chat(messages=[{"role": "user", "content": "hi"}], max_tokens=9)
    assert (answer.content, answer.tokens.prompt, answer.tokens.completion) == ('{"headline": "h"}', 5, 2)
    sent = srv.requests[-1]
    assert sent["model"] == backend.model and sent["max_tokens"] == 9 and "repeat_penalty" in sent
    assert "extra_body" not in sent


def test_a_client_passed_in_is_used_as_given(srv):
    client = openai.OpenAI(base_url=srv.base_url, api_key="x", max_retries=0)
    backend = OpenAIBackend(Settings(backend="openai", base_url=srv.base_url, api_key="x"), client=client)
    assert backend.wire is None


def test_backend_retries_a_429_over_the_wire_honouring_retry_after(srv):
    backend = OpenAIBackend(Settings(backend="openai", base_url=srv.base_url, api_key="k", cache=False, log=False))
    srv.script(status(429, retry_after=0.05), status(503), reply({"headline": "h"}))
    answer = backend._chat(messages=[{"role": "user", "content": "hi"}])
    assert answer.content == '{"headline": "h"}' and backend.transport_retries == 2 and len(srv.requests) == 3


def test_connection_is_kept_alive_and_reopened_after_the_server_drops_it(srv):
    wire = wire_for(srv, timeout=0.3)
    srv.script(reply("a"), reply("b"), hang(0.5), reply("c"))
    assert wire.post(BODY).choices[0].message.content == "a"
    first = wire._local.connection.sock
    assert wire.post(BODY).choices[0].message.content == "b"
    assert wire._local.connection.sock is first  # one TCP connection for both
    with pytest.raises(openai.APITimeoutError):
        wire.post(BODY)
    assert wire.post(BODY).choices[0].message.content == "c"  # a new connection after the failure


def test_an_idle_connection_the_server_closed_is_not_reused():
    """A server that closes each kept-alive connection once idle (as many do after a timeout):
    the next request must go out on a new connection, not fail on the dead one."""
    accepted: list[socket.socket] = []
    closed = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            data = json.dumps(_completion("ok")).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
            accepted.append(self.connection)
            self.close_connection = True  # closes after replying, without saying "Connection: close"
            self.connection.shutdown(socket.SHUT_RDWR)
            closed.set()

        def log_message(self, *args: object) -> None:
            pass

    with _serving(Handler) as base_url:
        client = openai.OpenAI(base_url=base_url, api_key="x")
        wire = Wire.for_url(client, base_url, "x", 5.0)
        assert wire is not None
        for _ in range(3):
            closed.clear()
            assert wire.post(BODY).choices[0].message.content == "ok"
            assert closed.wait(5)  # the server has closed it before the next request goes out
    assert len(accepted) == 3


def test_a_gzip_body_is_undone():
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            data = gzip.compress(json.dumps(_completion("zipped")).encode())
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    with _serving(Handler) as base_url:
        wire = Wire.for_url(openai.OpenAI(base_url=base_url, api_key="x"), base_url, "x", 5.0)
        assert wire is not None and wire.post(BODY).choices[0].message.content == "zipped"


def test_threads_each_get_their_own_connection(srv):
    wire = wire_for(srv)
    srv.script(*[reply(str(i)) for i in range(16)])
    with ThreadPoolExecutor(4) as pool:
        contents = list(pool.map(lambda _: wire.post(BODY).choices[0].message.content, range(16)))
    assert sorted(contents, key=int) == [str(i) for i in range(16)]


def test_a_refused_connection_is_an_api_connection_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    base_url = f"http://127.0.0.1:{port}/v1"
    wire = Wire.for_url(openai.OpenAI(base_url=base_url, api_key="x"), base_url, "x", 1.0)
    assert wire is not None
    with pytest.raises(openai.APIConnectionError) as info:
        wire.post(BODY)
    assert not isinstance(info.value, openai.APITimeoutError)


def _completion(content: str) -> dict:
    return {"id": "c", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


class _serving:
    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
