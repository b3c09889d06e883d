"""Scoring the pipeline on the external, author-annotated corpora (`summarizer corpora`).

    run_corpora(root, backend, settings, systems=("pipeline", "naive"), limit=None)  -> [CorpusRun]

One section per corpus in `root` (normally ../shared/corpora; loaders and scorers in adapters.py,
the scoring loop and records in corpus_scores.py, the cleaning benchmark's run in cleaning_run.py):

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

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.backends import Backend
from summarizer.config import Settings
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
from summarizer.evals.cleaning_run import CLEANING, run_cleaning, score_cleaning
from summarizer.evals.corpus_scores import CorpusRun, OnItem, OnStart, SystemScore, memoised, micro, score_system
from summarizer.evals.splits import Split, select
from summarizer.pipeline import summarize

# Re-exported: the CLI and tests import the records and scorers from here.
__all__ = ["CLEANING", "CORPORA", "SYSTEMS", "CorpusRun", "SystemScore", "corpus_path", "memoised", "micro",
           "run_corpora", "run_corpus", "score_cleaning", "score_system", "to_json"]

SYSTEMS = ("pipeline", "naive")
CORPORA = ("wikievents", "polnear", "newsquant", CLEANING)


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
        return run_cleaning(run, path.parent, settings, limit, on_start, on_item)
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


def run_corpora(root: str | Path, backend: Backend | None, settings: Settings, *,
                corpora: Sequence[str] = CORPORA, systems: Sequence[str] = SYSTEMS, limit: int | None = None,
                on_start: OnStart | None = None, on_item: OnItem | None = None,
                split: Split = "all") -> list[CorpusRun]:
    """Every corpus in `corpora`, in order. `backend` may be None when only the cleaning benchmark runs."""
    return [run_corpus(name, root, backend, settings, systems, limit, on_start, on_item, split) for name in corpora]


def to_json(runs: Sequence[CorpusRun], **info: Any) -> dict[str, Any]:
    return {"report_format": 1, **info, "corpora": [r.to_dict() for r in runs]}
