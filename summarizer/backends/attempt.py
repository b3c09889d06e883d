"""One LLM call as the run log records it: a leaf, so that errors can name it without a cycle."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
    transport: list[Any] = field(default_factory=list)  # retry.Request: each HTTP request of this call
