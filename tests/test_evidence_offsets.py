"""Checkable evidence everywhere: include_text, raw offsets into the original input, and
context lengths per backend (how long articles are split)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import FakeBackend, summarize
from summarizer.backends.context import API_CONTEXT_TOKENS, LOCAL_CONTEXT_TOKENS, context_tokens
from summarizer.chunk import max_chars
from summarizer.config import Settings
from summarizer.load import load_path
from summarizer.pipeline import prepare
from summarizer.schema import SummaryWithText
from summarizer.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "xi-putin-call.txt"
HTML = (
    "<html><head><title>Council backs budget</title></head><body><nav>Home | News</nav><article>"
    "<h1>Council backs budget</h1><p>The city council approved a budget of <b>$4.2 million</b> on Monday, "
    "Mayor Ana Ruiz said after the vote in the town hall.</p><p>&ldquo;This budget keeps the libraries "
    "open,&rdquo; Ruiz told reporters. The opposition leader, Tom Berg, said the plan cost too much and "
    "that 12 libraries would still close within two years.</p><p>The vote was 7 to 4.</p></article>"
    "<footer>Subscribe</footer></body></html>"
)


@pytest.fixture
def settings(tmp_path):
    return Settings.load(env={}, backend="fake", cache_dir=tmp_path)


def test_include_text_returns_the_text_the_offsets_index(settings):
    result = summarize(EXAMPLE, settings=settings, backend=FakeBackend(), include_text=True)
    assert isinstance(result, SummaryWithText)
    assert result.text == prepare(EXAMPLE, settings=settings).text
    spans = [ev for ev in result.summary.evidence() if ev.start is not None]
    assert spans and all(ev.holds_in(result.text) for ev in spans)


@pytest.mark.parametrize("kind, source", [("text", EXAMPLE), ("html", HTML)])
def test_raw_offsets_point_into_the_original_input(settings, kind, source):
    raw = load_path(source, kind=kind) if isinstance(source, Path) else None
    original = raw.text if raw else source
    result = summarize(source, settings=settings, backend=FakeBackend(), kind=kind, include_text=True)
    exact = [ev for ev in result.summary.evidence() if ev.match == "exact" and ev.start is not None]
    assert exact
    for ev in exact:
        assert ev.raw_start is not None and ev.raw_end is not None
        if kind == "text":  # plain text is copied verbatim: the same quote at the raw offsets
            assert original[ev.raw_start : ev.raw_end] == result.text[ev.start : ev.end]
        else:  # HTML: the raw span holds the quote's words, perhaps with markup between them
            words = result.text[ev.start : ev.end].split()
            assert words[0].strip("“”\"$") in original[ev.raw_start : ev.raw_end]


def test_raw_offsets_are_recomputed_on_a_cache_hit(settings, tmp_path):
    # Two inputs that clean to the same text share a cache entry; their raw offsets differ.
    text = EXAMPLE.read_text(encoding="utf-8")
    padded = "\n\n\n" + text
    with Store(tmp_path / "db.sqlite") as store:
        first = summarize(text, settings=settings, backend=FakeBackend(), store=store)
        again = summarize(padded, settings=settings, backend=FakeBackend([]), store=store)
    assert again.meta.cached
    pairs = [(a.raw_start, b.raw_start) for a, b in zip(first.evidence(), again.evidence(), strict=True) if a.raw_start is not None]
    assert pairs and all(b == a + 3 for a, b in pairs)


def test_a_clean_article_without_an_offset_map_has_no_raw_offsets(settings):
    article = prepare(EXAMPLE, settings=settings).model_copy(update={"segments": []})
    summary = summarize(article, settings=settings, backend=FakeBackend())
    assert all(ev.raw_start is None and ev.raw_end is None for ev in summary.evidence())


class _Sized(FakeBackend):
    context_tokens = API_CONTEXT_TOKENS


@pytest.mark.parametrize(
    "backend, n_ctx, expected",
    [
        (FakeBackend(), None, LOCAL_CONTEXT_TOKENS),  # no context of its own: the local default
        (_Sized(), None, API_CONTEXT_TOKENS),  # an API backend's documented default
        (_Sized(), 8192, 8192),  # SUMMARIZER_N_CTX overrides any backend
        (FakeBackend(), 2048, 2048),
    ],
)
def test_context_comes_from_the_backend_unless_overridden(backend, n_ctx, expected):
    assert context_tokens(backend, Settings.load(env={}, backend="fake", n_ctx=n_ctx)) == expected


def test_openai_backend_defaults_to_128k():
    from summarizer.backends.openai import OpenAIBackend

    backend = OpenAIBackend(Settings.load(env={}, backend="openai", base_url="http://127.0.0.1:9/v1"))
    assert backend.context_tokens == API_CONTEXT_TOKENS == 128_000


def test_a_long_article_takes_one_call_per_task_on_an_api_context(settings):
    paragraphs = [f"Minister Anna Kowalska said the plan would cost {n} million euros in region {n}." for n in range(1, 140)]
    text = "\n\n".join(paragraphs)  # about 11 kB, like the article
    assert len(text) > max_chars(LOCAL_CONTEXT_TOKENS, settings.max_tokens)
    local, api = FakeBackend(), _Sized()
    summarize(text, settings=settings.replace(token_budget=500_000), backend=local)
    summarize(text, settings=settings.replace(token_budget=500_000), backend=api)
    assert len(api.calls) == 1 < len(local.calls)  # one prose call over the whole article
