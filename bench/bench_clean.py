"""Benchmark the HTML cleaner on scrapinghub's article-extraction-benchmark.

    python bench/bench_clean.py [--corpus PATH] [--worst N]

The corpus defaults to ../shared/corpora/article-extraction-benchmark (beside the
repo). The metric is the benchmark's own (its evaluate.py): 4-token shingles of
`\\w+` tokens, case kept; per document tp/fp/fn normalised to sum 1; precision
averaged over documents with something predicted, recall over documents with
something expected; F1 from the two averages. Plain `trafilatura.extract()` runs
in the same process for comparison, and both are timed (pages per second).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.clean.article import clean  # noqa: E402
from summarizer.errors import InputError  # noqa: E402
from summarizer.evals.cleaning import cleaning_scores, load_cleaning, tp_fp_fn  # noqa: E402,F401
from summarizer.load import load_text  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora" / "article-extraction-benchmark"
# One metric for the bench and `summarizer corpora`: the benchmark's own evaluate.py, in the package.
precision_recall_f1 = cleaning_scores
load_corpus = load_cleaning


def ours(html: str) -> str:
    try:
        return clean(load_text(html, kind="html")).text
    except InputError:
        return ""


def plain_trafilatura(html: str) -> str:
    return trafilatura.extract(html) or ""


def run(extractor: Callable[[str], str], pages: list[tuple[str, str, str]]) -> tuple[dict[str, tuple[float, float, float]], float]:
    started = time.perf_counter()
    outputs = {key: extractor(html) for key, html, _ in pages}
    elapsed = time.perf_counter() - started
    return {key: tp_fp_fn(true, outputs[key]) for key, _, true in pages}, elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--worst", type=int, default=0, help="list the N pages where we lose most")
    args = parser.parse_args(argv)
    if not (args.corpus / "ground-truth.json").exists():
        print(f"corpus not found at {args.corpus}; pass --corpus PATH", file=sys.stderr)
        return 2
    pages = load_corpus(args.corpus)
    print(f"{len(pages)} pages from {args.corpus}")
    print(f"{'extractor':<24}{'precision':>10}{'recall':>10}{'F1':>10}{'pages/s':>10}")
    results = {}
    for name, extractor in (("trafilatura.extract", plain_trafilatura), ("summarizer.clean.article", ours)):
        per_page, elapsed = run(extractor, pages)
        results[name] = per_page
        p, r, f1 = precision_recall_f1(list(per_page.values()))
        print(f"{name:<24}{p:>10.3f}{r:>10.3f}{f1:>10.3f}{len(pages) / elapsed:>10.1f}")
    if args.worst:
        losses = sorted(results["summarizer.clean.article"].items(), key=lambda item: item[1][0])
        for key, (tp, fp, fn) in losses[: args.worst]:
            print(f"  {key[:12]}  tp={tp:.3f} fp={fp:.3f} fn={fn:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
