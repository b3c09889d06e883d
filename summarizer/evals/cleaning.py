"""The article-extraction benchmark's metric: 4-token shingles, per-page tp/fp/fn, macro P/R/F1.

Pure functions over strings; `summarizer.evals.corpora` runs extractors through them.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

# Re-implemented from bench/bench_clean.py (itself the benchmark's evaluate.py): bench/ is a
# script directory, not part of the installed package. tests/test_corpora.py checks the two agree.

_TOKEN = re.compile(r"\w+")
Triple = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter:
    """4-token shingles of `\\w+` tokens, case kept."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def tp_fp_fn(true: str, pred: str) -> Triple:
    """One page's shingle tp/fp/fn, normalised to sum 1."""
    expected, predicted = shingles(true), shingles(pred)
    tp = sum((expected & predicted).values())
    fp = sum((predicted - expected).values())
    fn = sum((expected - predicted).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def cleaning_scores(rows: Sequence[Triple]) -> Triple:
    """Precision averaged over pages with something predicted, recall over pages with something
    expected, F1 from the two averages (the benchmark's convention)."""

    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    ps = [precision(*row) for row in rows if row[0] + row[1] > 0]
    rs = [recall(*row) for row in rows if row[0] + row[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def load_cleaning(directory: str | Path) -> list[tuple[str, str, str]]:
    """(key, raw HTML, expected article body) per page, sorted by key."""
    directory = Path(directory)
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        with gzip.open(directory / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as handle:
            pages.append((key, handle.read(), truth[key].get("articleBody", "")))
    return pages
