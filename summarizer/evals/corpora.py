"""Scoring the pipeline on the external, author-annotated corpora (`summarizer corpora`).

    run_corpora(root, backend, settings, systems=("pipeline", "naive"), limit=None)  -> [CorpusRun]

One section per corpus in `root` (normally ../shared/corpora; loaders and scorers in adapters.py):

    wikievents                    participants  summarize(doc.text).participants    score_wikievents
    polnear                       positions     summarize(doc.text).positions       score_polnear
    newsquant                     figures       summarize(sentence).figures         score_newsquant
    article-extraction-benchmark  article body  prepare(html).text vs trafilatura   4-token shingles

`pipeline` is the real `summarize()` with the backend given; `naive` is `naive_summarize()` on the
same text and backend. P/R/F1 are micro-averaged (the HitScores of every item summed); the cleaning
benchmark uses its own metric, macro over pages (see `cleaning_scores`). An item whose prediction
fails (any exception but a `PermanentBackendError`, which would fail every item alike) is counted
as an error and scored as an empty prediction; a corpus missing from `root` is skipped with a note.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.backends import Backend
from summarizer.config import Settings
from summarizer.errors import PermanentBackendError
from summarizer.evals.adapters import (
    HitScore,
    load_newsquant,
    load_polnear,
    load_wikievents,
    score_newsquant,
    score_polnear,
    score_wikievents,
)
from summarizer.evals.baseline import naive_summarize
from summarizer.evals.cleaning import cleaning_scores, load_cleaning, tp_fp_fn
from summarizer.evals.splits import Split, checked_split, select
from summarizer.evals.stats import interval
from summarizer.pipeline import prepare, summarize

SYSTEMS = ("pipeline", "naive")
CLEANING = "article-extraction-benchmark"
CORPORA = ("wikievents", "polnear", "newsquant", CLEANING)

# on_start(label, total) when a system starts on a corpus; on_item() after each item.
OnStart = Callable[[str, int], None]
OnItem = Callable[[], None]


@dataclass
class SystemScore:
    """One system on one corpus."""

    system: str  # pipeline | naive | trafilatura
    items: int
    precision: float
    recall: float
    f1: float
    counts: HitScore | None = None  # None for the cleaning benchmark (macro over pages)
    errors: dict[str, int] = field(default_factory=dict)  # exception class -> items
    seconds: float = 0.0
    failures: list[dict[str, str]] = field(default_factory=list)  # {item, type, message} per failed item
    f1_interval: tuple[float, float] | None = None  # bootstrap 95% over items

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"system": self.system, "items": self.items, "precision": self.precision,
                                "recall": self.recall, "f1": self.f1, "errors": dict(self.errors),
                                "seconds": round(self.seconds, 3), "failures": self.failures,
                                "f1_interval": self.f1_interval}
        if self.counts is not None:
            data.update(vars(self.counts))
        return data


@dataclass
class CorpusRun:
    corpus: str
    scored: str  # what is compared: participants, positions, figures, article body
    path: str
    items: int = 0  # items scored (after --limit)
    available: int = 0  # items in the corpus
    unit: str = "documents"
    scores: list[SystemScore] = field(default_factory=list)
    note: str | None = None  # why it was skipped, or what a subset means
    split: str = "all"  # tune | check | all (summarizer.evals.splits)

    @property
    def skipped(self) -> bool:
        return not self.scores

    def to_dict(self) -> dict[str, Any]:
        return {"corpus": self.corpus, "scored": self.scored, "path": self.path, "split": self.split,
                "items": self.items,
                "available": self.available, "unit": self.unit, "note": self.note,
                "systems": [s.to_dict() for s in self.scores]}


# --- the aggregation ------------------------------------------------------------------------

def micro(scores: Iterable[HitScore]) -> HitScore:
    """The corpus-level score: every item's hits and totals summed."""
    return sum(scores, HitScore())


def _failure(item: str, exc: BaseException) -> dict[str, str]:
    message = getattr(exc, "message", None) or str(exc)
    return {"item": item, "type": type(exc).__name__, "message": " ".join(message.split())[:300]}


def score_system(system: str, items: Sequence[Any], predict: Callable[[Any], list],
                 scorer: Callable[[Any, list], HitScore], on_item: OnItem | None = None,
                 item_id: Callable[[int, Any], str] = lambda i, _: str(i)) -> SystemScore:
    """Predict and score every item; a failed item counts as an error and is scored as predicting nothing.

    A `PermanentBackendError` (wrong key, unknown model) is raised: it would fail every item the same way.
    """
    started = time.perf_counter()
    scores: list[HitScore] = []
    errors: Counter[str] = Counter()
    failures = []
    for i, item in enumerate(items):
        try:
            scores.append(scorer(item, predict(item)))
        except PermanentBackendError:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad item must not end a long run
            errors[type(exc).__name__] += 1
            failures.append(_failure(item_id(i, item), exc))
            scores.append(scorer(item, []))
        if on_item:
            on_item()
    total = micro(scores)
    ci = interval(scores, lambda picked: micro(picked).f1)
    return SystemScore(system, len(items), total.precision, total.recall, total.f1, total, dict(errors),
                       time.perf_counter() - started, failures, ci)


def memoised(fn: Callable[[str], list]) -> Callable[[str], list]:
    """The same text is run once (PolNeAR's doubly-annotated articles); a failure is re-raised each time."""
    done: dict[str, list | BaseException] = {}

    def run(text: str) -> list:
        if text not in done:
            try:
                done[text] = fn(text)
            except PermanentBackendError:
                raise
            except Exception as exc:  # noqa: BLE001 - recorded, raised again for each item with this text
                done[text] = exc
        result = done[text]
        if isinstance(result, BaseException):
            raise result
        return result

    return run


# --- the cleaning benchmark's metric ----------------------------------------------------------
def score_cleaning(system: str, pages: Sequence[tuple[str, str, str]], extract: Callable[[str], str],
                   on_item: OnItem | None = None) -> SystemScore:
    """An extractor over the pages; one that raises (e.g. "no article body found") predicts ""."""
    started = time.perf_counter()
    rows: list[tuple[float, float, float]] = []
    errors: Counter[str] = Counter()
    failures: list[dict[str, str]] = []
    for key, html, true in pages:
        try:
            pred = extract(html) or ""
        except Exception as exc:  # noqa: BLE001 - scored as an empty extraction, as the benchmark does
            errors[type(exc).__name__] += 1
            failures.append(_failure(key, exc))
            pred = ""
        rows.append(tp_fp_fn(true, pred))
        if on_item:
            on_item()
    p, r, f1 = cleaning_scores(rows)
    ci = interval(rows, lambda picked: cleaning_scores(picked)[2])
    return SystemScore(system, len(pages), p, r, f1, None, dict(errors), time.perf_counter() - started, failures,
                       ci)


# --- the corpora ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Spec:
    name: str
    scored: str  # the summary field compared
    unit: str
    path: Callable[[Path], Path]  # where in root; must exist
    load: Callable[[Path], list]
    score: Callable[[Any, list], HitScore]
    item_id: Callable[[int, Any], str]
    split_id: Callable[[Any], str]  # what the tune/check half is hashed from: stable across versions


def _polnear_dir(root: Path) -> Path:
    base = root / "polnear"
    return base / "dev" if (base / "dev").is_dir() else base


_SPECS = {
    "wikievents": _Spec("wikievents", "participants", "documents", lambda r: r / "wikievents" / "dev.jsonl",
                        lambda p: load_wikievents(p.parent), score_wikievents, lambda _, d: d.doc_id,
                        lambda d: d.doc_id),
    "polnear": _Spec("polnear", "positions", "documents", _polnear_dir, load_polnear, score_polnear,
                     lambda _, d: f"{d.name}_{d.annotator}", lambda d: d.name),  # both annotators: one half
    "newsquant": _Spec("newsquant", "figures", "sentences", lambda r: r / "newsquant" / "dev.json",
                       load_newsquant, score_newsquant, lambda i, _: f"sentence {i}", lambda q: q.text),
}


def corpus_path(root: str | Path, name: str) -> Path:
    root = Path(root)
    if name == CLEANING:
        return root / CLEANING / "ground-truth.json"
    return _SPECS[name].path(root)


def _predictor(system: str, field_name: str, backend: Backend, settings: Settings) -> Callable[[str], list]:
    if system == "pipeline":
        def run(text: str) -> list:
            return getattr(summarize(text, settings=settings, backend=backend, store=None), field_name)
    else:
        def run(text: str) -> list:
            return getattr(naive_summarize(text, backend), field_name)
    return memoised(run)


def run_corpus(name: str, root: str | Path, backend: Backend | None, settings: Settings,
               systems: Sequence[str] = SYSTEMS, limit: int | None = None,
               on_start: OnStart | None = None, on_item: OnItem | None = None, split: Split = "all") -> CorpusRun:
    """Score `systems` on one corpus; a corpus not found under `root` comes back skipped with a note."""
    path = corpus_path(root, name)
    scored = "article body" if name == CLEANING else _SPECS[name].scored
    run = CorpusRun(name, scored, str(path), split=split)
    if not path.exists():
        run.note = f"skipped: {path} not found"
        return run
    if name == CLEANING:
        return _run_cleaning(run, path.parent, settings, limit, on_start, on_item)
    spec = _SPECS[name]
    items = select(spec.load(path), split, spec.split_id)
    run.available, run.unit = len(items), spec.unit
    items = items[:limit] if limit else items
    run.items = len(items)
    if name == "polnear":
        texts = len({d.text for d in items})
        run.unit = f"documents ({texts} articles)"  # one per annotator
    for system in systems:
        if on_start:
            on_start(f"{name} · {system}", len(items))
        if backend is None:
            raise ValueError(f"{name}: scoring {spec.scored} needs a backend")
        predict = _predictor(system, spec.scored, backend, settings)
        run.scores.append(score_system(system, items, _on_text(predict), spec.score, on_item, spec.item_id))
    if limit and run.items < run.available:
        run.note = f"subset: the first {run.items} of {run.available} {spec.unit}"
    return run


def _on_text(predict: Callable[[str], list]) -> Callable[[Any], list]:
    return lambda item: predict(item.text)


def _run_cleaning(run: CorpusRun, directory: Path, settings: Settings, limit: int | None,
                  on_start: OnStart | None, on_item: OnItem | None) -> CorpusRun:
    import trafilatura

    pages = select(load_cleaning(directory), checked_split(run.split), lambda page: page[0])
    run.available, run.unit = len(pages), "pages"
    pages = pages[:limit] if limit else pages
    run.items = len(pages)
    def ours(html: str) -> str:
        return prepare(html, settings=settings, kind="html").text

    def theirs(html: str) -> str:
        return trafilatura.extract(html) or ""

    extractors: tuple[tuple[str, Callable[[str], str]], ...] = (("pipeline", ours), ("trafilatura", theirs))
    for system, extract in extractors:
        if on_start:
            on_start(f"{CLEANING} · {system}", len(pages))
        run.scores.append(score_cleaning(system, pages, extract, on_item))
    run.note = "macro over pages (the benchmark's metric); no LLM: --backend and --baseline do not apply"
    if limit and run.items < run.available:
        run.note = f"subset: the first {run.items} of {run.available} pages; " + run.note
    return run


def run_corpora(root: str | Path, backend: Backend | None, settings: Settings, *,
                corpora: Sequence[str] = CORPORA, systems: Sequence[str] = SYSTEMS, limit: int | None = None,
                on_start: OnStart | None = None, on_item: OnItem | None = None,
                split: Split = "all") -> list[CorpusRun]:
    """Every corpus in `corpora`, in order. `backend` may be None when only the cleaning benchmark runs."""
    return [run_corpus(name, root, backend, settings, systems, limit, on_start, on_item, split) for name in corpora]


def to_json(runs: Sequence[CorpusRun], **info: Any) -> dict[str, Any]:
    return {"report_format": 1, **info, "corpora": [r.to_dict() for r in runs]}
