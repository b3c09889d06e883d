"""summarizer: news articles into structured, verifiable summaries.

    from summarizer import summarize
    summary = summarize(open("article.txt").read())            # embedded model, offline
    summary = summarize(text, backend="openai", model="gpt-4o-mini")
    summary = summarize(text, backend=FakeBackend([...]))      # in your own tests
"""

from __future__ import annotations

from typing import Any

from summarizer.backends import Backend, FakeBackend, make_backend
from summarizer.config import Settings
from summarizer.errors import (
    BackendError,
    BudgetError,
    ConfigError,
    ExtractionError,
    InputError,
    PermanentBackendError,
    SummarizerError,
    TransientBackendError,
)
from summarizer.schema import (
    SCHEMA_VERSION,
    ArticleSummary,
    Event,
    Evidence,
    Figure,
    Meta,
    Participant,
    Position,
    SummaryWithText,
)

__all__ = [
    "SCHEMA_VERSION",
    "ArticleSummary",
    "Backend",
    "BackendError",
    "BudgetError",
    "ConfigError",
    "Event",
    "Evidence",
    "ExtractionError",
    "FakeBackend",
    "Figure",
    "InputError",
    "Meta",
    "Participant",
    "PermanentBackendError",
    "Position",
    "Settings",
    "SummarizerError",
    "SummaryWithText",
    "TransientBackendError",
    "make_backend",
    "summarize",
]


def summarize(source: Any, *, backend: Backend | str | None = None, **kwargs: Any) -> Any:
    """Summarise one article (text, bytes, a Path, or a cleaned article) into an `ArticleSummary`.

    `backend` is a Backend instance or a backend name; other keyword arguments are Settings
    fields (model, base_url, max_reasks, ...) or `published=datetime.date`. With
    `include_text=True` the result is a `SummaryWithText`: `.summary`, and `.text`, the cleaned
    text that evidence `start`/`end` index (see `summarizer.pipeline.summarize`).
    """
    from summarizer.pipeline import summarize as run

    names = ("published", "kind", "store", "settings", "include_text")
    pipeline_args = {k: kwargs.pop(k) for k in names if k in kwargs}
    if isinstance(backend, str):
        kwargs["backend"] = backend
        backend = None
    settings = pipeline_args.pop("settings", None) or Settings.load(**kwargs)
    return run(source, backend=backend, settings=settings, **pipeline_args)
