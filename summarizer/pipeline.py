"""The one path: load -> clean -> candidates -> extract -> ground -> merge -> summary.

The CLI, the batch runner, the HTTP service and the evals all call `summarize()`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from pathlib import Path
from typing import Any

from summarizer.backends import Backend, make_backend
from summarizer.backends.base import Attempt
from summarizer.candidates import find_candidates
from summarizer.candidates.dates import find_dateline
from summarizer.chunk import split
from summarizer.clean.article import CleanArticle, clean
from summarizer.config import Settings
from summarizer.errors import BudgetError, SummarizerError
from summarizer.extract import extract
from summarizer.extract.prompts import prompt_version
from summarizer.ground import Grounded, ground
from summarizer.load import RawInput, load_bytes, load_path, load_text
from summarizer.merge import merge_figures, merge_participants, merge_positions
from summarizer.schema import SCHEMA_VERSION, ArticleSummary, Meta, Tokens

Source = str | bytes | Path | RawInput | CleanArticle
CHARS_PER_TOKEN = 3.5  # English news text under Qwen's tokenizer, measured on the example


def prepare(source: Source, *, settings: Settings, kind: str | None = None) -> CleanArticle:
    """load + clean: what the model will see, with metadata and the offset map."""
    if isinstance(source, CleanArticle):
        return source
    if isinstance(source, RawInput):
        raw = source
    elif isinstance(source, Path):
        raw = load_path(source, max_bytes=settings.max_bytes, kind=kind)
    elif isinstance(source, bytes):
        raw = load_bytes(source, max_bytes=settings.max_bytes, kind=kind)
    else:
        raw = load_text(source, max_bytes=settings.max_bytes, kind=kind)
    return clean(raw)


def summarize(
    source: Source,
    *,
    settings: Settings | None = None,
    backend: Backend | None = None,
    published: dt.date | None = None,
    kind: str | None = None,
    store: Any | None = None,
    **overrides: Any,
) -> ArticleSummary:
    """Summarise one article into a schema-v1 `ArticleSummary`.

    `source` is text, bytes, a Path, a RawInput or a CleanArticle; `kind` ("text" or "html")
    overrides how text, bytes or a Path are read. `settings` default to `Settings.load(**overrides)`,
    `backend` to the one they name. `published` anchors relative dates ('Monday', 'Feb 8'); without
    it the article's own date or dateline is used. With a `store`, a cached summary is returned
    (`meta.cached`) and the run is logged, as `settings.cache` and `settings.log` allow.

    Raises a SummarizerError: InputError for unusable input, ConfigError for bad settings,
    BackendError when the backend fails, ExtractionError or BudgetError when no valid answer fits
    the limits.
    """
    settings = settings or Settings.load(**overrides)
    started = time.perf_counter()
    article = prepare(source, settings=settings, kind=kind)
    backend = backend or make_backend(settings)
    anchor = published or article.published or find_dateline(article.text)
    key = cache_key(article.text, backend, settings, anchor)
    if store is not None and settings.cache:
        hit = store.get_summary(key)
        if hit is not None:
            hit.meta.cached = True
            hit.meta.latency_s = round(time.perf_counter() - started, 4)
            return hit
    run_id = _start_run(store, settings, article, backend)
    attempts: list[Attempt] = []
    try:
        summary = _run(article, backend, settings, anchor, attempts)
    except SummarizerError as exc:
        _finish_run(store, run_id, attempts, None, exc, started)
        raise
    summary.meta.latency_s = round(time.perf_counter() - started, 3)
    _finish_run(store, run_id, attempts, summary, None, started)
    if store is not None and settings.cache:
        store.put_summary(key, summary)
    return summary


def _run(article: CleanArticle, backend: Backend, settings: Settings, anchor: dt.date | None,
         attempts: list[Attempt]) -> ArticleSummary:
    max_chars = int((settings.n_ctx - settings.max_tokens - 900) * CHARS_PER_TOKEN * 0.6)
    parts: list[Grounded] = []
    tokens = Tokens()
    for chunk in split(article.text, max_chars):
        budget = settings.token_budget - tokens.total
        if budget <= 0:
            raise BudgetError(
                f"the article's token budget of {settings.token_budget} is spent after {tokens.total} tokens; "
                "raise --token-budget or SUMMARIZER_TOKEN_BUDGET",
                tokens=tokens, attempts=list(attempts),
            )
        grounded, used = _extract_chunk(chunk.text, chunk.start, backend, settings, anchor, budget, attempts)
        tokens = tokens + used
        parts.append(grounded)
    first = parts[0]
    warnings = list(article.warnings)
    for part in parts:
        warnings += part.warnings
    return ArticleSummary(
        headline=first.headline,
        summary=first.summary,
        event=first.event,
        participants=merge_participants([p for part in parts for p in part.participants]),
        positions=merge_positions([p for part in parts for p in part.positions]),
        figures=merge_figures([f for part in parts for f in part.figures]),
        meta=Meta(
            schema_version=SCHEMA_VERSION, backend=backend.name, model=backend.model,
            prompt_version=prompt_version(), attempts=len(attempts),
            reasks=sum(1 for a in attempts if a.outcome == "reask"), tokens=tokens,
            language=article.language, warnings=warnings,
        ),
    )


def _extract_chunk(text: str, offset: int, backend: Backend, settings: Settings, anchor: dt.date | None,
                   budget: int, attempts: list[Attempt]) -> tuple[Grounded, Tokens]:
    candidates = find_candidates(text)
    try:
        result = extract(backend, text, candidates, max_reasks=settings.max_reasks, max_tokens=settings.max_tokens,
                         token_budget=budget)
    except SummarizerError as exc:
        attempts += [a for a in exc.attempts if a not in attempts]
        raise
    attempts += result.attempts
    grounded = ground(result.draft, candidates, text, anchor=anchor, offset=offset)
    grounded.warnings[:0] = result.warnings
    return grounded, result.tokens


def cache_key(text: str, backend: Backend, settings: Settings, anchor: dt.date | None) -> str:
    from summarizer.store import cache_key as store_key

    options = {**settings.output_options(), "anchor": anchor.isoformat() if anchor else None}
    return store_key(text, backend=backend.name, model=backend.model, prompt_version=prompt_version(),
                     schema_version=SCHEMA_VERSION, options=options)


def _start_run(store: Any, settings: Settings, article: CleanArticle, backend: Backend) -> int | None:
    if store is None or not settings.log:
        return None
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return store.start_run(input_hash=digest, backend=backend.name, model=backend.model,
                           prompt_version=prompt_version(), source=article.url)


def _finish_run(store: Any, run_id: int | None, attempts: list[Attempt], summary: ArticleSummary | None,
                error: SummarizerError | None, started: float) -> None:
    if store is None or run_id is None:
        return
    for a in attempts:
        store.log_attempt(run_id, stage=a.stage, messages=a.messages, response=a.response,
                          prompt_tokens=a.tokens.prompt, completion_tokens=a.tokens.completion,
                          latency_s=a.latency_s, outcome=a.outcome, detail=a.detail)
    tokens = summary.meta.tokens if summary else sum((a.tokens for a in attempts), Tokens())
    store.finish_run(run_id, outcome="ok" if summary else "error", summary=summary,
                     error=f"{error.type}: {error.message}" if error else None, attempts=len(attempts),
                     tokens=(tokens.prompt, tokens.completion), latency_s=time.perf_counter() - started,
                     cached=False)
