"""The naive baseline the pipeline is measured against: the same model, one instructor call with
the output schema, no cleaning, no candidates, no grounding.

It exists for `summarizer eval --baseline` and `bench/bench_local.py`, so that every claim that
the pipeline is better is measured side by side in one run.
"""

from __future__ import annotations

import time

from pydantic import BaseModel, Field

from summarizer.backends.base import Backend, CallRequest, TruncatedOutputError
from summarizer.errors import ExtractionError
from summarizer.schema import ArticleSummary, Event, Figure, Meta, Participant, Position

PROMPT = "Summarise this news article as JSON: the event, participants, positions (with verbatim quotes) and figures."


class NaiveSummary(BaseModel):
    """Schema v1 as a user would pass it to instructor: its string bounds, its unbounded lists."""

    headline: str = Field(max_length=200)
    summary: str = Field(max_length=700)
    event: Event | None = None
    participants: list[Participant] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)


def naive_summarize(raw_text: str, backend: Backend, *, max_tokens: int = 1024) -> ArticleSummary:
    """One call, schema as is. Output cut off by max_tokens counts as a failure, as it would for a user."""
    started = time.perf_counter()
    request = CallRequest(
        messages=[{"role": "system", "content": PROMPT}, {"role": "user", "content": "{{ article }}"}],
        response_model=NaiveSummary,
        context={"article": raw_text},
        stage="naive",
        max_reasks=0,
        max_tokens=max_tokens,
    )
    try:
        result = backend.call(request)
    except TruncatedOutputError as exc:
        raise ExtractionError(f"naive call hit max_tokens={max_tokens}", attempts=exc.attempts,
                              tokens=exc.tokens, stage=exc.stage) from None
    meta = Meta(backend=backend.name, model=backend.model, prompt_version="naive", attempts=len(result.attempts),
                tokens=result.tokens, latency_s=round(time.perf_counter() - started, 3))
    return ArticleSummary(**result.output.model_dump(), meta=meta)
