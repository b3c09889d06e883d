"""Running the gold suite and scoring stored predictions.

    run_suite(golds, info, backend, settings, run_dir)  LLM calls; writes one JSON per article
    load_run(run_dir) -> (RunInfo, records)              no LLM calls
    score_run(golds, info, records, settings, run_dir)   the scorer over stored records -> EvalResult

Predictions are stored before they are scored, so that a changed scorer (or gold) re-scores an
old run with `summarizer eval --rescore RUN_DIR` without calling the model again.

Layout of a run directory:

    run.json                 RunInfo: backend, model, gold SHA, ids, systems, prompt version
    pipeline/<id>.json       Record: the ArticleSummary, or the error; the input text's SHA-256
    naive/<id>.json          the same for the naive baseline (with --baseline)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import subprocess
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.backends import Backend
from summarizer.clean import CleanArticle
from summarizer.config import Settings
from summarizer.errors import PermanentBackendError, SummarizerError
from summarizer.evals.baseline import naive_summarize
from summarizer.evals.gold import Gold
from summarizer.evals.item_errors import article_errors
from summarizer.evals.score import (
    ArticleScore,
    Outcome,
    SuiteScore,
    as_summary,
    quote_spans,
    run_stats,
    score_article,
)
from summarizer.evals.stats import interval, mean_or_none, micro_f1
from summarizer.extract.prompts import prompt_version
from summarizer.pipeline import prepare, summarize
from summarizer.schema import SCHEMA_VERSION, ArticleSummary

SYSTEMS = ("pipeline", "naive")
RUN_FORMAT = 1


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def gold_sha256(golds: Iterable[Gold], suite_dir: str | Path) -> str:
    """SHA-256 over every gold YAML file and its article text, sorted by id.

    Floors are only comparable on the same gold; a relabelled figure or an edited article
    changes this hash, and the gate says so instead of reporting a phantom regression.
    """
    h = hashlib.sha256()
    for gold in sorted(golds, key=lambda g: g.id):
        for part in (gold.id.encode(), (Path(suite_dir) / f"{gold.id}.yaml").read_bytes(), gold.text.encode()):
            h.update(len(part).to_bytes(8, "big") + part)  # length-prefixed: no ambiguous joins
    return h.hexdigest()


@dataclass
class RunInfo:
    """run.json: what was run, on which gold, with what."""

    suite_dir: str
    gold_sha256: str
    ids: list[str]
    full_suite: bool  # False for --limit/--only: floors do not apply to a subset
    systems: list[str]
    backend: str
    model: str
    created: str = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    prompt_version: str = field(default_factory=prompt_version)
    schema_version: str = SCHEMA_VERSION
    options: dict[str, Any] = field(default_factory=dict)
    split: str = "all"  # tune | check | all (summarizer.evals.splits)
    git_commit: str | None = None
    format: int = RUN_FORMAT

    def key(self, system: str) -> str:
        """The name floors are kept under: a system on a backend and model."""
        return f"{system}/{self.backend}/{self.model}"


@dataclass
class Record:
    """One article's stored prediction: the summary as JSON, or the error that replaced it."""

    id: str
    system: str
    text_sha256: str  # of the text the system saw and its offsets point into
    summary: dict[str, Any] | None = None
    error: dict[str, Any] | None = None  # type, message, attempts (+ traceback for a bug)
    wall_s: float = 0.0

    def outcome(self) -> Outcome:
        """What score.py takes: the summary JSON, or an exception of the recorded type."""
        if self.summary is not None:
            return self.summary
        if self.error is not None:
            return _error_class(self.error.get("type", "Error"))(self.error.get("message", ""))
        return None


_ERROR_CLASSES: dict[str, type[Exception]] = {}


def _error_class(name: str) -> type[Exception]:
    # run_stats counts errors by class name; a stand-in class of that name keeps the counts right.
    return _ERROR_CLASSES.setdefault(name, type(name, (Exception,), {}))


def _attempts(exc: BaseException) -> list[str]:
    attempts = getattr(exc, "data", {}).get("attempts", [])
    if isinstance(attempts, int):  # BudgetError records a count
        return ["?"] * attempts
    return [getattr(a, "outcome", "?") for a in attempts]


def source_of(gold: Gold) -> str:
    """What a user would hand the tool: the page's HTML when the gold has one, else the text."""
    return gold.html_text if gold.html_text is not None else gold.text


def _prepare(gold: Gold, settings: Settings) -> CleanArticle:
    return prepare(source_of(gold), settings=settings, kind="html" if gold.html_text is not None else None)


def published_for(gold: Gold) -> dt.date | None:
    """The date a user would pass with --published: the gold's, except for a page, which must
    yield its own date from its metadata (that is part of what a page tests)."""
    if gold.html_text is not None or not gold.published or len(gold.published) != 10:
        return None
    return dt.date.fromisoformat(gold.published)


def input_text(gold: Gold, system: str, settings: Settings) -> str:
    """The text a system sees: the pipeline's cleaned text, or the naive baseline's raw text."""
    if system != "pipeline":
        return gold.text
    try:
        return _prepare(gold, settings).text
    except SummarizerError:  # the run recorded this article's error; score it on the raw text
        return gold.text


def run_article(gold: Gold, system: str, backend: Backend, settings: Settings) -> Record:
    """Run one system on one article; any failure becomes the record's error, not a crash."""
    started = time.perf_counter()
    record = Record(gold.id, system, sha256_text(gold.text))
    try:
        if system == "pipeline":
            # The CleanArticle itself goes in, so summarize() does not clean it a second time.
            article = _prepare(gold, settings)
            record.text_sha256 = sha256_text(article.text)
            summary = summarize(article, settings=settings, backend=backend, published=published_for(gold),
                                store=None)
        else:
            summary = naive_summarize(gold.text, backend)
        record.summary = summary.model_dump(mode="json")
    except PermanentBackendError:
        raise  # a wrong key or model fails every article the same way: stop now
    except Exception as exc:  # noqa: BLE001 - one bad article must not end a 10-minute run
        message = exc.message if isinstance(exc, SummarizerError) else str(exc)
        record.error = {"type": type(exc).__name__, "message": message, "attempts": _attempts(exc)}
        last = getattr(exc, "data", {}).get("last_response")
        if last:
            record.error["last_response"] = str(last)[:4000]  # what the model said, for error analysis
        if not isinstance(exc, SummarizerError):
            record.error["traceback"] = traceback.format_exc(limit=8)  # a bug: keep where it happened
    record.wall_s = round(time.perf_counter() - started, 3)
    return record


def _git_commit() -> str | None:
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], check=False, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None


def new_run_dir(root: str | Path, backend: str) -> Path:
    """evals/runs/<UTC timestamp>-<backend>, never an existing directory."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    base = Path(root) / f"{stamp}-{backend}"
    path, n = base, 1
    while path.exists():
        n += 1
        path = base.with_name(f"{base.name}-{n}")
    return path


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)  # an interrupted run leaves whole files or none


def run_suite(golds: Sequence[Gold], info: RunInfo, backend: Backend, settings: Settings, run_dir: Path,
              on_start: Callable[[str, str], None] | None = None,
              on_record: Callable[[Record], None] | None = None) -> dict[str, dict[str, Record]]:
    """Run every system on every gold article, writing each record as soon as it exists.

    run.json is written first, so an interrupted run can still be re-scored: the articles it
    did not reach count as Missing.
    """
    info.git_commit = info.git_commit or _git_commit()
    write_json(run_dir / "run.json", dataclasses.asdict(info))
    records: dict[str, dict[str, Record]] = {s: {} for s in info.systems}
    for gold in golds:
        for system in info.systems:
            if on_start:
                on_start(system, gold.id)
            record = run_article(gold, system, backend, settings)
            write_json(run_dir / system / f"{gold.id}.json", dataclasses.asdict(record))
            records[system][gold.id] = record
            if on_record:
                on_record(record)
    return records


def load_run(run_dir: str | Path) -> tuple[RunInfo, dict[str, dict[str, Record]]]:
    """A stored run; articles without a record file are simply absent (scored as Missing)."""
    run_dir = Path(run_dir)
    try:
        data = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
        info = RunInfo(**data)
    except (OSError, ValueError, TypeError) as exc:
        raise ValueError(f"{run_dir}: not an eval run directory (run.json: {exc})") from exc
    records: dict[str, dict[str, Record]] = {s: {} for s in info.systems}
    for system in info.systems:
        for path in sorted((run_dir / system).glob("*.json")):
            try:
                record = Record(**json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError) as exc:
                raise ValueError(f"{path}: not a stored prediction ({exc})") from exc
            records[system][record.id] = record
    return info, records


# --- scoring ------------------------------------------------------------------------------------

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
