"""Benchmark the HTML cleaner on scrapinghub's article-extraction-benchmark, by tune/check half.

    python bench/bench_clean.py [--corpus PATH] [--worst N] [--split tune|check]

The corpus defaults to ../shared/corpora/article-extraction-benchmark (beside the
repo). The metric is the benchmark's own (its evaluate.py): 4-token shingles of
`\\w+` tokens, case kept; per document tp/fp/fn normalised to sum 1; precision
averaged over documents with something predicted, recall over documents with
something expected; F1 from the two averages, with a 95% bootstrap interval.

Pages are split into fixed halves by `summarizer.evals.splits.half_of`: rules are
developed on `tune` and `check` is only reported, so a gap between the two columns
is overfitting. Plain `trafilatura.extract()` runs in the same process for
comparison; both are timed (pages per second, after an untimed warm-up on a few
pages) and the speed ratio is printed.
`--worst` lists our worst pages of one half (`--split`, tune by default): look at
tune pages only when developing a rule.
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
from summarizer.evals.splits import half_of  # noqa: E402
from summarizer.evals.stats import interval  # noqa: E402
from summarizer.load import load_text  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora" / "article-extraction-benchmark"
HALVES = ("tune", "check")
# One metric for the bench and `summarizer corpora`: the benchmark's own evaluate.py, in the package.
precision_recall_f1 = cleaning_scores
load_corpus = load_cleaning
Triple = tuple[float, float, float]


def ours(html: str) -> str:
    return clean(load_text(html, kind="html")).text


def plain_trafilatura(html: str) -> str:
    return trafilatura.extract(html) or ""


WARM_UP_PAGES = 5
Extractors = dict[str, Callable[[str], str]]


def run(extractors: Extractors, pages: list[tuple[str, str, str]]) -> dict[str, tuple[dict[str, Triple], float, int]]:
    """Per extractor: per-page (tp, fp, fn), seconds taken, and how many pages it refused.

    The extractors take turns page by page, so a load spike on a shared machine slows both
    alike and the speed ratio holds. A few pages go through first, untimed: one-off loads
    (dateparser's locale data, the language model) are start-up, not per-page, cost."""
    for _, html, _ in pages[:WARM_UP_PAGES]:
        for extractor in extractors.values():
            _attempt(extractor, html)
    outputs: dict[str, dict[str, str | None]] = {name: {} for name in extractors}
    seconds = dict.fromkeys(extractors, 0.0)
    for key, html, _ in pages:
        for name, extractor in extractors.items():
            started = time.perf_counter()
            outputs[name][key] = _attempt(extractor, html)
            seconds[name] += time.perf_counter() - started
    return {
        name: (
            {key: tp_fp_fn(true, outputs[name][key] or "") for key, _, true in pages},
            seconds[name],
            sum(text is None for text in outputs[name].values()),
        )
        for name in extractors
    }


def _attempt(extractor: Callable[[str], str], html: str) -> str | None:
    """The extraction, or None when the extractor refused the page (scored as empty)."""
    try:
        return extractor(html)
    except InputError:
        return None


def half_f1(per_page: dict[str, Triple], half: str) -> str:
    rows = [row for key, row in per_page.items() if half_of(key) == half]
    f1 = precision_recall_f1(rows)[2]
    ci = interval(rows, lambda picked: precision_recall_f1(picked)[2])
    return f"{f1:.3f} [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else f"{f1:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--worst", type=int, default=0, help="list the N pages of --split where we lose most")
    parser.add_argument("--split", choices=HALVES, default="tune", help="the half --worst lists")
    args = parser.parse_args(argv)
    if not (args.corpus / "ground-truth.json").exists():
        print(f"corpus not found at {args.corpus}; pass --corpus PATH", file=sys.stderr)
        return 2
    pages = load_corpus(args.corpus)
    sizes = {half: sum(half_of(key) == half for key, _, _ in pages) for half in HALVES}
    print(f"{len(pages)} pages from {args.corpus} (tune {sizes['tune']}, check {sizes['check']})")
    print(f"{'extractor':<26}{'tune F1 [95% CI]':>24}{'check F1 [95% CI]':>24}{'pages/s':>9}{'refused':>9}")
    runs = run({"trafilatura.extract": plain_trafilatura, "summarizer.clean.article": ours}, pages)
    speed = {name: len(pages) / elapsed for name, (_, elapsed, _) in runs.items()}
    for name, (per_page, _, refused) in runs.items():
        print(f"{name:<26}{half_f1(per_page, 'tune'):>24}{half_f1(per_page, 'check'):>24}"
              f"{speed[name]:>9.1f}{refused:>9}")
    print(f"speed: {speed['summarizer.clean.article'] / speed['trafilatura.extract']:.2f}x trafilatura")
    if args.worst:
        mine = [item for item in runs["summarizer.clean.article"][0].items() if half_of(item[0]) == args.split]
        for key, (tp, fp, fn) in sorted(mine, key=lambda item: item[1][0])[: args.worst]:
            print(f"  {key[:12]}  tp={tp:.3f} fp={fp:.3f} fn={fn:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
