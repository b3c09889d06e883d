"""One LLM call as the run log records it: a leaf, so that errors can name it without a cycle."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.schema import Tokens


@dataclass
class Attempt:
    """One LLM call, as the run log records it."""

    stage: str
    messages: list[dict[str, str]]
    response: str | None
    tokens: Tokens
    latency_s: float
    finish_reason: str | None
    outcome: str = "ok"  # ok | reask | invalid | truncated | transport_error
    detail: str | None = None
