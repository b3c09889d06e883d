"""The one path: load -> clean -> candidates -> extract -> ground -> merge -> summary.

The CLI, the batch runner, the HTTP service and the evals all call `summarize()`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from pathlib import Path
from typing import Any, Literal, overload

from summarizer.backends import Backend, make_backend
from summarizer.backends.base import Attempt
from summarizer.backends.context import context_tokens
from summarizer.candidates import find_candidates
from summarizer.candidates.datelines import find_dateline
from summarizer.candidates.parse import parser_id, pipeline_language
from summarizer.chunk import CHARS_PER_TOKEN, PROMPT_OVERHEAD_TOKENS, Chunk, max_chars, split
from summarizer.clean.article import CleanArticle, clean
from summarizer.config import Settings
from summarizer.errors import BudgetError, SummarizerError
from summarizer.extract import extract
from summarizer.extract.prompts import prompt_version
from summarizer.ground import Grounded, ground
from summarizer.load import RawInput, json_warning, load_bytes, load_path, load_text
from summarizer.merge import merge_figures, merge_participants, merge_positions
from summarizer.schema import SCHEMA_VERSION, ArticleSummary, Meta, SummaryWithText, Tokens
from summarizer.store.safe import guarded

Source = str | bytes | Path | RawInput | CleanArticle
TOKEN_CEILING = 5_000_000  # the default budget's safety limit: a 2 MB article read three times, re-asked
CALLS_PER_CHUNK = 3  # overview, actors, notes
CANDIDATE_SHARE = 1.5  # the candidate lists add up to half the chunk again to the prompt


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
    article = clean(raw)
    hint = json_warning(raw.text)
    if hint is not None:
        article.warnings.append(hint)
    return article


@overload
def summarize(source: Source, *, settings: Settings | None = ..., backend: Backend | None = ...,
              published: dt.date | None = ..., kind: str | None = ..., store: Any | None = ...,
              include_text: Literal[False] = ..., **overrides: Any) -> ArticleSummary: ...
@overload
def summarize(source: Source, *, settings: Settings | None = ..., backend: Backend | None = ...,
              published: dt.date | None = ..., kind: str | None = ..., store: Any | None = ...,
              include_text: Literal[True], **overrides: Any) -> SummaryWithText: ...
def summarize(
    source: Source,
    *,
    settings: Settings | None = None,
    backend: Backend | None = None,
    published: dt.date | None = None,
    kind: str | None = None,
    store: Any | None = None,
    include_text: bool = False,
    **overrides: Any,
) -> ArticleSummary | SummaryWithText:
    """Summarise one article into a schema-v1 `ArticleSummary`.

    `source` is text, bytes, a Path, a RawInput or a CleanArticle; `kind` ("text" or "html")
    overrides how text, bytes or a Path are read. `settings` default to `Settings.load(**overrides)`,
    `backend` to the one they name. `published` anchors relative dates ('Monday', 'Feb 8'); without
    it the article's own date or dateline is used. With a `store`, a cached summary is returned
    (`meta.cached`) and the run is logged (cache hits too, as cached runs), as `settings.cache` and
    `settings.log` allow. `include_text=True` returns a `SummaryWithText`: `.summary` and `.text`,
    the cleaned text that evidence `start`/`end` index. Evidence also carries `raw_start`/`raw_end`
    into the original input where the cleaner's offset map has them (README, "Evidence offsets").

    Raises a SummarizerError: InputError for unusable input, ConfigError for bad settings,
    BackendError when the backend fails, ExtractionError or BudgetError when no valid answer fits
    the limits.
    """
    settings = settings or Settings.load(**overrides)
    started = time.perf_counter()
    store = guarded(store)  # a broken cache or run log warns and is skipped; it never costs the summary
    article = prepare(source, settings=settings, kind=kind)
    origin = _origin(source, article)
    backend = backend or make_backend(settings)
    anchor = published or article.published or find_dateline(article.text)
    caching = store is not None and settings.cache
    key = cache_key(article.text, backend, settings, anchor) if caching else ""  # 0.5 ms: only when used
    if store is not None and caching:
        hit = store.get_summary(key)
        if hit is not None:
            hit.meta.cached = True
            hit.meta.latency_s = round(time.perf_counter() - started, 4)
            run_id = _start_run(store, settings, article, backend, origin)
            if run_id is not None:
                store.finish_run(run_id, outcome="ok", summary=hit, error=None, attempts=0, tokens=(0, 0),
                                 latency_s=hit.meta.latency_s, cached=True)
            return _returned(add_raw_offsets(hit, article), article, include_text)
    run_id = _start_run(store, settings, article, backend, origin)
    attempts: list[Attempt] = []
    try:
        summary = _run(article, backend, settings, anchor, attempts)
    except SummarizerError as exc:
        _finish_run(store, run_id, attempts, None, exc, started)
        raise
    summary.meta.latency_s = round(time.perf_counter() - started, 3)
    _finish_run(store, run_id, attempts, summary, None, started)
    if store is not None and caching:
        store.put_summary(key, summary)
    return _returned(add_raw_offsets(summary, article), article, include_text)


def _returned(summary: ArticleSummary, article: CleanArticle,
              include_text: bool) -> ArticleSummary | SummaryWithText:
    return SummaryWithText(summary=summary, text=article.text) if include_text else summary


def add_raw_offsets(summary: ArticleSummary, article: CleanArticle) -> ArticleSummary:
    """Set every evidence's `raw_start`/`raw_end` from the article's offset map (None where a
    span is not found or maps to no raw text). Recomputed on cache hits too: the cache is keyed
    by the cleaned text, and two raw inputs can clean to the same text."""
    for evidence in summary.evidence():
        evidence.raw_start = evidence.raw_end = None
        if evidence.start is None or evidence.end is None or not article.segments:
            continue
        if not 0 <= evidence.start < evidence.end <= len(article.text):
            continue
        raw_start, raw_end = article.to_raw(evidence.start, evidence.end)
        if raw_end > raw_start:
            evidence.raw_start, evidence.raw_end = raw_start, raw_end
    return summary


def _origin(source: Source, article: CleanArticle) -> str | None:
    """What the run log records as the input: the file's path (or <stdin>), else the page's URL."""
    if isinstance(source, Path):
        return str(source)
    if isinstance(source, RawInput) and not source.source.startswith("<string"):
        return source.source if source.source != "<bytes>" else article.url
    return article.url


def _run(article: CleanArticle, backend: Backend, settings: Settings, anchor: dt.date | None,
         attempts: list[Attempt]) -> ArticleSummary:
    limit = max_chars(context_tokens(backend, settings), settings.max_tokens)
    parts: list[Grounded] = []
    tokens = Tokens()
    chunks = split(article.text, limit)
    total = article_budget(settings, chunks)
    foreign = _foreign_to_parser(article, settings.spacy_pipeline)
    for chunk in chunks:
        budget = total - tokens.total
        if budget <= 0:
            raise BudgetError(
                f"the article's token budget of {total} is spent after {tokens.total} tokens; "
                "raise --token-budget or SUMMARIZER_TOKEN_BUDGET",
                tokens=tokens, attempts=list(attempts),
            )
        grounded, used = _extract_chunk(chunk.text, chunk.start, backend, settings, anchor, budget, attempts,
                                        tokens.total, people=foreign is None)
        tokens = tokens + used
        parts.append(grounded)
    first = parts[0]
    warnings = list(article.warnings)
    for part in parts:
        warnings += part.warnings
    warnings += first.event_warnings  # the event shown is the first chunk's
    warnings = list(dict.fromkeys(warnings))  # each chunk may say the same ("dropped participant 'CNN'")
    if foreign is not None:
        warnings.append(foreign)
        for part in parts:  # none were looked for; the model's own list (ground's fallback) goes too
            part.participants, part.positions = [], []
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


# Above this the language model is sure of the article's language (py3langid's normalised
# probability; mixed or very short texts score lower and keep the parser's finds). Measured on the
# 88 benchmark pages and the 42 gold articles: every English text scored 0.95 or more for "en", and
# all 9 foreign pages were named right, the least sure at 0.79 (Indonesian).
FOREIGN_CONFIDENCE = 0.75


def _foreign_to_parser(article: CleanArticle, pipeline: str) -> str | None:
    """Why participants and positions are left out, when the article is surely in a language the
    parser was not trained on. An English pipeline reads German nouns, Korean phrases or Portuguese
    clauses as names (on the benchmark's non-English pages nearly every "participant" was such a
    phrase) and its speech verbs are English, so what it finds there would be noise with offsets."""
    language, confidence = article.language, article.language_confidence or 0.0
    if language is None or confidence < FOREIGN_CONFIDENCE or language == pipeline_language(pipeline):
        return None
    return (f"participants and positions are left out: the article is in {language} and the spaCy pipeline "
            f"'{pipeline}' is not; set SUMMARIZER_SPACY_PIPELINE to an installed {language} pipeline")


def article_budget(settings: Settings, chunks: list[Chunk]) -> int:
    """The article's token budget: `--token-budget` when set, else what its chunks need.

    Each chunk makes three calls, each re-asked up to `max_reasks` times and reading the chunk
    with its candidates (`CANDIDATE_SHARE` more) and the instructions; a cut-off answer is
    retried once with twice the room. TOKEN_CEILING is a safety limit only.
    """
    if settings.token_budget is not None:
        return settings.token_budget
    need = 0
    for chunk in chunks:
        prompt = int(len(chunk.text) / CHARS_PER_TOKEN * CANDIDATE_SHARE) + PROMPT_OVERHEAD_TOKENS
        need += CALLS_PER_CHUNK * (1 + settings.max_reasks) * (prompt + 2 * settings.max_tokens)
    return min(TOKEN_CEILING, max(need, 1))


def _extract_chunk(text: str, offset: int, backend: Backend, settings: Settings, anchor: dt.date | None,
                   budget: int, attempts: list[Attempt], spent_before: int = 0, *,
                   people: bool = True) -> tuple[Grounded, Tokens]:
    candidates = find_candidates(text, settings.spacy_pipeline, people=people)
    try:
        result = extract(backend, text, candidates, max_reasks=settings.max_reasks, max_tokens=settings.max_tokens,
                         token_budget=budget, spent_before=spent_before)
    except SummarizerError as exc:
        attempts += [a for a in exc.attempts if a not in attempts]
        raise
    attempts += result.attempts
    grounded = ground(result.draft, candidates, text, anchor=anchor, offset=offset)
    grounded.warnings[:0] = result.warnings
    return grounded, result.tokens


def cache_key(text: str, backend: Backend, settings: Settings, anchor: dt.date | None) -> str:
    from summarizer.store import cache_key as store_key

    options = {**settings.output_options(), "anchor": anchor.isoformat() if anchor else None,
               "parser": parser_id(settings.spacy_pipeline)}  # another parse, another summary
    return store_key(text, backend=backend.name, model=backend.model, prompt_version=prompt_version(),
                     schema_version=SCHEMA_VERSION, options=options)


def _start_run(store: Any, settings: Settings, article: CleanArticle, backend: Backend,
               origin: str | None) -> int | None:
    if store is None or not settings.log:
        return None
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return store.start_run(input_hash=digest, backend=backend.name, model=backend.model,
                           prompt_version=f"{prompt_version()}+parser-{parser_id(settings.spacy_pipeline)}",
                           source=origin)


def _finish_run(store: Any, run_id: int | None, attempts: list[Attempt], summary: ArticleSummary | None,
                error: SummarizerError | None, started: float) -> None:
    if store is None or run_id is None:
        return
    for a in attempts:
        store.log_attempt(run_id, stage=a.stage, messages=a.messages, response=a.response,
                          prompt_tokens=a.tokens.prompt, completion_tokens=a.tokens.completion,
                          latency_s=a.latency_s, outcome=a.outcome, detail=a.detail,
                          transport=[vars(t) for t in a.transport])
    tokens = summary.meta.tokens if summary else sum((a.tokens for a in attempts), Tokens())
    store.finish_run(run_id, outcome="ok" if summary else "error", summary=summary,
                     error=f"{error.type}: {error.message}" if error else None, attempts=len(attempts),
                     tokens=(tokens.prompt, tokens.completion), latency_s=time.perf_counter() - started,
                     cached=False)
