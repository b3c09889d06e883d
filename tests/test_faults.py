"""Fault injection for real: the openai backend against a loopback OpenAI-compatible server."""

import pytest

from summarizer.backends.base import TruncatedOutputError
from summarizer.backends.openai import OpenAIBackend
from summarizer.config import Settings
from summarizer.errors import (
    ExtractionError,
    PermanentBackendError,
    TransientBackendError,
)
from summarizer.testing import (
    FakeOpenAIServer,
    empty_choices,
    hang,
    malformed,
    reply,
    reset,
    status,
    truncated,
)
from tests.test_backends import request

GOOD = reply({"word": "alpha"})


def backend_for(srv, **kw) -> OpenAIBackend:
    settings = Settings.load(env={}, backend="openai", base_url=srv.base_url, api_key="sk-test", model="fake-model",
                             transport_retries=kw.pop("retries", 3), retry_max_wait_s=0.05,
                             timeout_s=kw.pop("timeout", 5), **kw)
    return OpenAIBackend(settings)


@pytest.fixture
def srv():
    with FakeOpenAIServer(known_models=["fake-model"]) as server:
        yield server


@pytest.mark.parametrize(
    "fault",
    [
        status(429, retry_after=0.01),
        status(500),
        status(503),
        status(408),
        reset(),
        empty_choices(),
        malformed(body=True),
    ],
    ids=["429", "500", "503", "408", "reset", "empty-choices", "broken-body"],
)
def test_transient_faults_are_retried_then_succeed_without_reasks(srv, fault):
    srv.script(fault, GOOD)
    backend = backend_for(srv)
    result = backend.call(request())
    assert result.output.word == "alpha"
    assert [a.outcome for a in result.attempts] == ["ok"], "a transport retry is never a re-ask"
    assert backend.transport_retries == 1
    assert len(srv.requests) == 2


def test_hang_past_the_client_timeout_is_retried(srv):
    srv.script(hang(2), GOOD)
    assert backend_for(srv, timeout=0.3).call(request()).output.word == "alpha"


def test_retries_are_bounded_then_one_clear_error(srv):
    srv.script(*[status(503)] * 5)
    with pytest.raises(TransientBackendError) as info:
        backend_for(srv, retries=2).call(request())
    assert len(srv.requests) == 3, "1 try + 2 retries, not 3 x 3"
    assert "503" in info.value.message
    assert info.value.exit_code == 5


def test_transport_error_text_never_reaches_the_model(srv):
    srv.script(status(500, body={"error": {"message": "SECRET-STACKTRACE"}}), GOOD)
    backend_for(srv).call(request())
    assert all("SECRET-STACKTRACE" not in str(body["messages"]) for body in srv.requests)


@pytest.mark.parametrize("code, fragment", [(401, "OPENAI_API_KEY"), (400, "rejected")])
def test_permanent_errors_are_not_retried(srv, code, fragment):
    srv.script(status(code), GOOD)
    with pytest.raises(PermanentBackendError) as info:
        backend_for(srv).call(request())
    assert fragment in info.value.message
    assert len(srv.requests) == 1


def test_unknown_model_names_the_flag(srv):
    settings = Settings.load(env={}, backend="openai", base_url=srv.base_url, api_key="k", model="no-such-model")
    with pytest.raises(PermanentBackendError) as info:
        OpenAIBackend(settings).call(request())
    assert "--model" in info.value.message


def test_malformed_json_content_is_reasked(srv):
    srv.script(malformed(), GOOD)
    result = backend_for(srv).call(request())
    assert [a.outcome for a in result.attempts] == ["reask", "ok"]


def test_schema_invalid_json_is_reasked_then_reported(srv):
    srv.script(*[reply({"word": "zzz"})] * 3)
    with pytest.raises(ExtractionError) as info:
        backend_for(srv).call(request(max_reasks=2))
    assert len(info.value.attempts) == 3
    assert info.value.exit_code == 6


def test_truncated_output_is_reported_not_reasked(srv):
    srv.script(truncated('{"word": "al'), GOOD)
    with pytest.raises(TruncatedOutputError):
        backend_for(srv).call(request())
    assert len(srv.requests) == 1


def test_unreachable_base_url_names_the_flag():
    settings = Settings.load(env={}, backend="openai", base_url="http://127.0.0.1:9/v1", api_key="k",
                             transport_retries=1, retry_max_wait_s=0.01, timeout_s=1)
    with pytest.raises(TransientBackendError) as info:
        OpenAIBackend(settings).call(request())
    assert "--base-url" in info.value.message


def test_llama_cpp_server_gets_json_object_with_schema(srv):
    srv.script(GOOD)
    backend_for(srv).call(request())
    fmt = srv.requests[0]["response_format"]
    assert fmt["type"] == "json_object" and fmt["schema"]["properties"]["word"]
