"""What a run cost and whether it produced summaries: outcomes, schema validity, tokens, latency.

An outcome is what a run produced for one article: an ArticleSummary, its JSON, the exception
the run raised, or None (never reached).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from summarizer.evals.match import Mean, _r
from summarizer.schema import ArticleSummary

Outcome = ArticleSummary | dict | BaseException | None


def as_summary(outcome: Outcome) -> ArticleSummary | None:
    """The schema-valid summary in a run's outcome, or None (an error, or JSON that fails the schema)."""
    if isinstance(outcome, ArticleSummary):
        return outcome
    if isinstance(outcome, dict):
        try:
            return ArticleSummary.model_validate(outcome)
        except ValidationError:
            return None
    return None


@dataclass(frozen=True)
class RunStats:
    """What the runs cost, from `meta` of the valid summaries and the types of the errors."""

    n: int
    valid: int
    errors: dict[str, int]
    attempts: Mean
    reasks: Mean
    prompt_tokens: int
    completion_tokens: int
    latencies: tuple[float, ...]

    def to_dict(self) -> dict[str, Any]:
        lat, tokens = self.latencies, self.prompt_tokens + self.completion_tokens
        return {
            "articles": self.n,
            "schema_valid": self.valid,
            "schema_valid_rate": _r(self.valid / self.n if self.n else None),
            "errors": dict(self.errors),
            "attempts_mean": _r(self.attempts.value),
            "reasks_total": int(self.reasks.total),
            "reasks_mean": _r(self.reasks.value),
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "tokens_per_article": _r(tokens / self.valid if self.valid else None),
            "latency_s_mean": _r(statistics.fmean(lat) if lat else None),
            "latency_s_p50": _r(statistics.median(lat) if lat else None),
            "latency_s_max": _r(max(lat) if lat else None),
        }


def run_stats(outcomes: Sequence[Outcome]) -> RunStats:
    summaries = [s for s in map(as_summary, outcomes) if s is not None]
    errors = Counter(type(o).__name__ for o in outcomes if isinstance(o, BaseException))
    invalid_json = sum(1 for o in outcomes if isinstance(o, dict) and as_summary(o) is None)
    if invalid_json:
        errors["SchemaInvalid"] = invalid_json
    missing = sum(1 for o in outcomes if o is None)
    if missing:
        errors["Missing"] = missing
    return RunStats(
        n=len(outcomes), valid=len(summaries), errors=dict(sorted(errors.items())),
        attempts=Mean.of(s.meta.attempts for s in summaries), reasks=Mean.of(s.meta.reasks for s in summaries),
        prompt_tokens=sum(s.meta.tokens.prompt for s in summaries),
        completion_tokens=sum(s.meta.tokens.completion for s in summaries),
        latencies=tuple(s.meta.latency_s for s in summaries),
    )
