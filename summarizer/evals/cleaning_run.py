"""The article-extraction benchmark: our cleaning and trafilatura's on the same HTML pages, no LLM.

    run_cleaning(run, directory, settings, limit)   each extractor's macro P/R/F1 over the pages

Split from corpora.py: its metric is the benchmark's own (4-token shingles, macro over pages, in
cleaning.py), not the summary fields' micro hit counts.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from summarizer.config import Settings
from summarizer.evals.cleaning import cleaning_scores, load_cleaning, tp_fp_fn
from summarizer.evals.corpus_scores import CorpusRun, OnItem, OnStart, SystemScore, failure
from summarizer.evals.splits import checked_split, select
from summarizer.evals.stats import interval
from summarizer.pipeline import prepare

__all__ = ["CLEANING", "run_cleaning", "score_cleaning"]

CLEANING = "article-extraction-benchmark"


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
            failures.append(failure(key, exc))
            pred = ""
        rows.append(tp_fp_fn(true, pred))
        if on_item:
            on_item()
    p, r, f1 = cleaning_scores(rows)
    ci = interval(rows, lambda picked: cleaning_scores(picked)[2])
    return SystemScore(system, len(pages), p, r, f1, None, dict(errors), time.perf_counter() - started, failures,
                       ci)


def run_cleaning(run: CorpusRun, directory: Path, settings: Settings, limit: int | None,
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

