"""The fake server, seen through the real openai SDK: each step must surface as the SDK's own result."""

from __future__ import annotations

import json
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import openai
import pytest

from summarizer.schema import ArticleSummary
from summarizer.testing import (
    DEFAULT_CONTENT,
    FakeOpenAIServer,
    empty_choices,
    hang,
    malformed,
    reply,
    reset,
    status,
    truncated,
)

MESSAGES = [{"role": "user", "content": "Summarise this."}]


@pytest.fixture
def srv():
    with FakeOpenAIServer() as server:
        yield server


def client(srv: FakeOpenAIServer, *, timeout: float = 5.0, max_retries: int = 0) -> openai.OpenAI:
    return openai.OpenAI(base_url=srv.base_url, api_key="x", max_retries=max_retries, timeout=timeout)


def create(srv: FakeOpenAIServer, **kwargs):
    return client(srv, **kwargs).chat.completions.create(model="fake-model", messages=MESSAGES)


# --- every step type, as the SDK sees it --------------------------------------------------


def _ok_reply(r):
    assert json.loads(r.choices[0].message.content) == {"headline": "h"}
    assert r.choices[0].finish_reason == "stop"
    assert (r.usage.prompt_tokens, r.usage.completion_tokens, r.usage.total_tokens) == (7, 3, 10)


def _malformed_content(r):
    assert r.choices[0].message.content == "{not json" and r.choices[0].finish_reason == "stop"
    with pytest.raises(json.JSONDecodeError):
        json.loads(r.choices[0].message.content)


def _truncated(r):
    assert r.choices[0].finish_reason == "length" and r.choices[0].message.content == '{"headline": "Xi an'


def _empty(r):
    assert r.choices == [] and r.usage.total_tokens == 20


def _rate_limited(e):
    assert e.status_code == 429 and e.code == "rate_limit_exceeded"
    assert e.response.headers["retry-after"] == "0.25" and e.response.headers["retry-after-ms"] == "250"


SUCCESS_CASES = [
    ("reply", reply({"headline": "h"}, prompt_tokens=7, completion_tokens=3), _ok_reply),
    ("malformed", malformed(), _malformed_content),
    ("truncated", truncated('{"headline": "Xi an'), _truncated),
    ("empty_choices", empty_choices(), _empty),
]

ERROR_CASES = [
    ("429", status(429, retry_after=0.25), openai.RateLimitError, _rate_limited),
    ("500", status(500), openai.InternalServerError, lambda e: e.status_code == 500),
    ("503", status(503), openai.InternalServerError, lambda e: e.status_code == 503),
    ("401", status(401), openai.AuthenticationError, lambda e: e.code == "invalid_api_key"),
    ("404", status(404), openai.NotFoundError, lambda e: e.code == "model_not_found"),
    (
        "custom body",
        status(400, body={"error": {"message": "context too long", "type": "invalid_request_error",
                                    "code": "context_length_exceeded", "param": "messages"}}),  # fmt: skip
        openai.BadRequestError,
        lambda e: e.code == "context_length_exceeded" and e.param == "messages" and "context too long" in e.message,
    ),
    ("hang", hang(2.0), openai.APITimeoutError, lambda e: True),
    ("reset", reset(), openai.APIConnectionError, lambda e: not isinstance(e, openai.APITimeoutError)),
    ("malformed body", malformed(body=True), json.JSONDecodeError, lambda e: True),
]


@pytest.mark.parametrize(("name", "step", "check"), SUCCESS_CASES, ids=[c[0] for c in SUCCESS_CASES])
def test_step_reaches_sdk_as_response(srv, name, step, check):
    srv.script(step)
    check(create(srv))
    assert srv.pending == 0


@pytest.mark.parametrize(("name", "step", "exc", "check"), ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_step_reaches_sdk_as_error(srv, name, step, exc, check):
    srv.script(step)
    started = time.monotonic()
    with pytest.raises(exc) as info:
        create(srv, timeout=0.3)
    assert check(info.value) is not False
    assert time.monotonic() - started < 10  # hang() is cut by the client timeout, not waited out (30 s)
    assert len(srv.requests) == 1 and srv.pending == 0


def test_reset_is_a_tcp_rst_not_a_clean_close(srv):
    srv.script(reset())
    with socket.create_connection(("127.0.0.1", srv.port), timeout=2) as sock:
        sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
        with pytest.raises(ConnectionResetError):
            sock.recv(1024)  # a FIN would return b"" instead


def test_server_survives_faults_and_keeps_serving(srv):
    srv.script(reset(), hang(1.0), malformed(body=True), reply("after"))
    c = client(srv, timeout=0.3)
    for _ in range(3):
        with pytest.raises((openai.APIConnectionError, json.JSONDecodeError)):
            c.chat.completions.create(model="m", messages=MESSAGES)
    assert c.chat.completions.create(model="m", messages=MESSAGES).choices[0].message.content == "after"


# --- script, responder, default ------------------------------------------------------------


def test_script_then_responder_then_default(srv):
    srv.script(reply("one"), reply("two"))
    c = client(srv)
    contents = [c.chat.completions.create(model="m", messages=MESSAGES).choices[0].message.content for _ in range(3)]
    assert contents[:2] == ["one", "two"]
    assert ArticleSummary.model_validate_json(contents[2]) == ArticleSummary.model_validate(DEFAULT_CONTENT)
    assert [r["messages"] for r in srv.requests] == [MESSAGES] * 3 and srv.requests[0]["model"] == "m"


def test_responder_sees_body_and_may_return_str_dict_or_step():
    def responder(body: dict):
        n = body["messages"][0]["content"]
        return {"1": "text", "2": {"k": "v"}, "3": status(503)}.get(n) or 1 / 0

    with FakeOpenAIServer(responder) as srv:
        c = client(srv)

        def ask(n: str):
            return c.chat.completions.create(model="m", messages=[{"role": "user", "content": n}])

        assert ask("1").choices[0].message.content == "text"
        assert json.loads(ask("2").choices[0].message.content) == {"k": "v"}
        with pytest.raises(openai.InternalServerError):
            ask("3")
        with pytest.raises(openai.InternalServerError, match="ZeroDivisionError"):
            ask("4")  # a responder bug shows up in the client, not as a dropped socket


def test_sdk_retries_consume_steps_and_honour_retry_after(srv):
    srv.script(status(429, retry_after=0.2), status(500, retry_after=0.01), reply("finally"))
    started = time.monotonic()
    r = create(srv, max_retries=2)
    assert r.choices[0].message.content == "finally" and len(srv.requests) == 3
    assert time.monotonic() - started >= 0.2


def test_instructor_json_mode_reasks_after_malformed_content(srv):
    instructor = pytest.importorskip("instructor")
    srv.script(malformed(), reply({"headline": "Xi and Putin speak", "summary": "They spoke."}))
    patched = instructor.from_openai(client(srv), mode=instructor.Mode.JSON)
    result = patched.chat.completions.create(model="m", messages=MESSAGES, response_model=ArticleSummary, max_retries=1)
    assert result.headline == "Xi and Putin speak"
    assert len(srv.requests) == 2 and srv.requests[1]["messages"][-2]["content"] == "{not json"


# --- models, unsupported requests ---------------------------------------------------------


def test_models_listing_and_unknown_model():
    with FakeOpenAIServer(known_models=["gpt-4o-mini", "llama3"]) as srv:
        c = client(srv)
        assert [m.id for m in c.models.list()] == ["gpt-4o-mini", "llama3"]
        assert c.models.retrieve("llama3").id == "llama3"
        srv.script(reply("scripted"))
        with pytest.raises(openai.NotFoundError) as info:
            c.chat.completions.create(model="gpt-5-nope", messages=MESSAGES)
        assert info.value.code == "model_not_found" and "gpt-5-nope" in info.value.message
        assert srv.pending == 1  # the 404 did not eat the scripted step
        assert c.chat.completions.create(model="llama3", messages=MESSAGES).choices[0].message.content == "scripted"


def test_script_rejects_non_steps(srv):
    with pytest.raises(TypeError, match="reset"):
        srv.script(reset)


def test_default_model_listing(srv):
    assert [m.id for m in client(srv).models.list()] == ["fake-model"]


def test_stream_true_is_refused(srv):
    with pytest.raises(openai.BadRequestError, match="stream"):
        client(srv).chat.completions.create(model="m", messages=MESSAGES, stream=True)


def test_unknown_path_and_bad_json(srv):
    root = srv.base_url
    assert httpx.post(f"{root}/completions", json={}).status_code == 404
    r = httpx.post(f"{root}/chat/completions", content=b"{nope", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["type"] == "invalid_request_error"


# --- lifecycle and throughput -------------------------------------------------------------


def test_starts_and_stops_in_milliseconds_even_mid_hang():
    started = time.monotonic()
    srv = FakeOpenAIServer().start()
    assert srv.base_url.startswith("http://127.0.0.1:") and not srv.base_url.endswith(":0/v1")
    srv.script(hang(30))
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(create, srv, timeout=10)
        while not srv.requests:
            time.sleep(0.01)
        srv.stop()  # wakes the hanging handler; the client sees the connection close
        with pytest.raises(openai.APIConnectionError):
            pending.result(timeout=5)
    assert time.monotonic() - started < 10  # not the 30 s hang
    with pytest.raises(RuntimeError):
        _ = srv.base_url


def test_latency_is_per_request_not_serialised():
    # 64 requests, 200 ms each, at concurrency 64: a serialising server would take 12.8 s.
    with FakeOpenAIServer(latency_s=0.2) as srv:
        c = client(srv)
        started = time.monotonic()
        with ThreadPoolExecutor(64) as pool:
            results = list(pool.map(lambda _: c.chat.completions.create(model="m", messages=MESSAGES), range(64)))
        elapsed = time.monotonic() - started
    assert len(results) == 64 and len(srv.requests) == 64
    assert 0.2 <= elapsed < 6.4, elapsed  # half the 12.8 s a serialising server needs
