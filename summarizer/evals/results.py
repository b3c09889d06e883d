"""Scoring a run: stored records against the gold, each on the text its offsets point into.

    score_run(golds, info, records, settings, run_dir) -> EvalResult   no LLM calls

Adds to the scorer's metrics what only a run can give: quotes found in the text, bootstrap
intervals over articles, and each article's item-level errors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.config import Settings
from summarizer.evals.gold import Gold
from summarizer.evals.item_errors import article_errors
from summarizer.evals.run import Record, RunInfo, input_text, sha256_text
from summarizer.evals.score import ArticleScore, Outcome, SuiteScore, as_summary, quote_spans, run_stats, score_article
from summarizer.evals.stats import interval, mean_or_none, micro_f1
from summarizer.schema import ArticleSummary


@dataclass
class SystemResult:
    system: str
    key: str
    suite: SuiteScore
    metrics: dict[str, Any]  # flat: what the table prints and the gate compares
    quote_found: dict[str, float | None]  # per article
    intervals: dict[str, tuple[float, float] | None] = field(default_factory=dict)  # bootstrap 95%, by metric
    errors: dict[str, dict[str, Any]] = field(default_factory=dict)  # article id -> item-level errors


@dataclass
class EvalResult:
    info: RunInfo
    run_dir: Path
    golds: list[Gold]
    texts: dict[str, dict[str, str]]  # system -> id -> the text offsets point into
    records: dict[str, dict[str, Record]]
    results: dict[str, SystemResult]
    warnings: list[str] = field(default_factory=list)


def quote_found_rate(summary: ArticleSummary | None, text: str) -> tuple[int, int]:
    """(found, total) over position quotes and figure texts: are the quotes real, offsets aside?

    The naive baseline emits no offsets, so the grounding rate cannot compare it with the
    pipeline; this can.
    """
    if summary is None:
        return 0, 0
    quotes = [p.quote for p in summary.positions] + [f.text for f in summary.figures]
    return sum(1 for q in quotes if q.strip() and quote_spans(q, text)), len(quotes)


def flat_metrics(suite: SuiteScore, found: tuple[int, int]) -> dict[str, Any]:
    data = suite.to_dict()
    metrics: dict[str, Any] = {}
    for name, counts in data["micro"].items():
        metrics.update({f"{name}_{m}": counts[m] for m in ("precision", "recall", "f1")})
    for name in ("kind_accuracy", "stance_similarity", "measures_similarity", "date_accuracy", "location_accuracy",
                 "description_similarity", "grounding_rate"):
        metrics[name] = data[name]
    metrics["quote_found_rate"] = round(found[0] / found[1], 4) if found[1] else None
    metrics["date_accuracy_dated"] = data["date_accuracy_dated"]
    metrics["gold_dated"] = data["gold_dated"]
    metrics.update(data["run"])
    return metrics


def _field_f1(name: str) -> Callable[[Sequence[ArticleScore]], float]:
    return lambda arts: micro_f1([(f.tp, f.fp, f.fn) for f in (getattr(a, name) for a in arts)])


def _date_accuracy(dated_only: bool) -> Callable[[Sequence[ArticleScore]], float | None]:
    def statistic(arts: Sequence[ArticleScore]) -> float | None:
        picked = [a.date.value for a in arts if a.gold_dated or not dated_only]
        return mean_or_none(picked)
    return statistic


# Metrics shown with a bootstrap interval over articles, and how each is computed from ArticleScores.
INTERVAL_METRICS: dict[str, Callable[[Sequence[ArticleScore]], float | None]] = {
    "participants_f1": _field_f1("participants"), "positions_f1": _field_f1("positions"),
    "figures_f1": _field_f1("figures"), "date_accuracy": _date_accuracy(False),
    "date_accuracy_dated": _date_accuracy(True),
}


def suite_intervals(articles: Sequence[ArticleScore]) -> dict[str, tuple[float, float] | None]:
    """Bootstrap 95% intervals over articles for the headline metrics."""
    return {name: interval(articles, statistic) for name, statistic in INTERVAL_METRICS.items()}


def score_run(golds: Sequence[Gold], info: RunInfo, records: dict[str, dict[str, Record]],
              settings: Settings, run_dir: Path = Path()) -> EvalResult:
    """Score stored records against the gold, each on the text its offsets point into."""
    texts = {s: {g.id: input_text(g, s, settings) for g in golds} for s in info.systems}
    warnings, results = [], {}
    for system in info.systems:
        scores: list[ArticleScore] = []
        outcomes: list[Outcome] = []
        found, per_article, errors = (0, 0), {}, {}
        for gold in golds:
            record, text = records[system].get(gold.id), texts[system][gold.id]
            if record is not None and record.text_sha256 != sha256_text(text):
                warnings.append(f"{system}/{gold.id}: the input text changed since the run (cleaning changed?); "
                                "offsets are checked against today's text")
            outcome = record.outcome() if record else None
            summary = as_summary(outcome)
            scores.append(score_article(gold, summary, text))
            errors[gold.id] = article_errors(gold, summary, text)
            outcomes.append(outcome)
            f = quote_found_rate(summary, text)
            found = (found[0] + f[0], found[1] + f[1])
            per_article[gold.id] = round(f[0] / f[1], 4) if f[1] else None
        suite = SuiteScore(scores, run_stats(outcomes))
        results[system] = SystemResult(system, info.key(system), suite, flat_metrics(suite, found), per_article,
                                       suite_intervals(scores), errors)
    return EvalResult(info, Path(run_dir), list(golds), texts, records, results, warnings)
