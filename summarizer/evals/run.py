"""Running the gold suite and scoring stored predictions.

    run_suite(golds, info, backend, settings, run_dir)  LLM calls; writes one JSON per article
    load_run(run_dir) -> (RunInfo, records)              no LLM calls
    (scoring them: summarizer.evals.results.score_run)

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
from summarizer.evals.score import (
    Outcome,
)
from summarizer.extract.prompts import prompt_version
from summarizer.pipeline import prepare, summarize
from summarizer.schema import SCHEMA_VERSION

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
    return [a.outcome for a in exc.attempts] if isinstance(exc, SummarizerError) else []


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
        last = getattr(exc, "last_response", None)  # ExtractionError's: what the model said
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
