"""The real components, for real: the embedded model in-process, and the same model behind
llama-cpp-python's OpenAI-compatible server on loopback, reached by the openai backend.

Few and slow on purpose (a CPU generates ~20 tokens/s): assertions stay at what a 1.5B model
reliably gives here; the evals measure quality.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from summarizer import summarize
from summarizer.backends.local import LocalBackend
from summarizer.backends.openai import OpenAIBackend
from summarizer.config import Settings
from summarizer.merge import same_entity
from summarizer.pipeline import prepare

pytestmark = pytest.mark.real_model
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "xi-putin-call.txt"


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    # The real cache dir: the model is assembled there once, as a user's first run would.
    return Settings.load(cache=False, log=False, db_path=tmp_path_factory.mktemp("db") / "db.sqlite")


@pytest.fixture(scope="module")
def local(settings):
    return LocalBackend(settings)


def has(summary, name: str) -> bool:
    return any(same_entity(name, n) for p in summary.participants for n in [p.name, *p.aliases])


def assert_grounded(summary, text: str) -> None:
    for ev in summary.evidence():
        assert ev.start is not None and ev.holds_in(text), ev


def test_embedded_model_on_the_example(settings, local):
    summary = summarize(EXAMPLE, settings=settings, backend=local)
    assert has(summary, "Xi Jinping") and has(summary, "Vladimir Putin")
    assert summary.meta.backend == "local" and summary.meta.tokens.completion > 0
    assert_grounded(summary, prepare(EXAMPLE, settings=settings).text)
    assert summary.event is None or summary.event.date is None, "no year is stated, so none is invented"


def test_embedded_model_on_a_long_article_is_chunked(settings, local):
    root = EXAMPLE.parents[1] / "evals" / "articles"
    text = "\n\n".join((root / name).read_text() for name in ("road_ied_12.txt", "scenario_en_8.txt"))
    small = settings.replace(n_ctx=2048, max_tokens=400)  # a small context forces the split
    summary = summarize(text, settings=small, backend=LocalBackend(small))
    assert summary.meta.attempts >= 2
    assert_grounded(summary, prepare(text, settings=small).text)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def llama_server(local, tmp_path_factory):
    """llama-cpp-python's own server, started and stopped here (and so in CI)."""
    port = _free_port()
    # A file, not a pipe: llama.cpp logs enough to fill an unread pipe and block the server.
    log = (tmp_path_factory.mktemp("llama-server") / "server.log").open("w+b")
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(local.path), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "4096", "--model_alias", "qwen"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            pytest.fail(f"llama_cpp.server exited: {log.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{base}/models", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("llama_cpp.server did not start in 120 s")
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def test_openai_backend_against_llama_cpp_server(settings, llama_server):
    remote = settings.replace(backend="openai", base_url=llama_server, model="qwen", api_key="none")
    summary = summarize(EXAMPLE, settings=remote, backend=OpenAIBackend(remote))
    assert summary.meta.backend == "openai" and summary.meta.model == "qwen"
    assert has(summary, "Xi Jinping") and has(summary, "Vladimir Putin")
    assert_grounded(summary, prepare(EXAMPLE, settings=remote).text)
