"""Cache benchmark: run the gold suite's articles twice through `summarize()` with one store.

    python bench/bench_cache.py [--backend fake|local|openai] [--limit N]

The second pass must make 0 backend calls; the script counts them with a wrapper around the
backend and prints both passes' wall time side by side.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.backends import make_backend  # noqa: E402
from summarizer.config import Settings  # noqa: E402
from summarizer.evals.gold import load_suite  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402
from summarizer.store import Store  # noqa: E402


class CountingBackend:
    def __init__(self, inner):
        self.inner, self.name, self.model, self.calls = inner, inner.name, inner.model, 0

    def call(self, request):
        self.calls += 1
        return self.inner.call(request)


def one_pass(texts: list[str], settings: Settings, backend: CountingBackend, store: Store) -> tuple[float, int, int]:
    calls_before, started, cached = backend.calls, time.perf_counter(), 0
    for text in texts:
        cached += summarize(text, settings=settings, backend=backend, store=store).meta.cached
    return time.perf_counter() - started, backend.calls - calls_before, cached


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="fake")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    texts = [gold.text for gold in load_suite(ROOT / "evals" / "gold")][: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.load(backend=args.backend, db_path=Path(tmp) / "db.sqlite")
        backend = CountingBackend(make_backend(settings))
        with Store(settings.database) as store:
            first = one_pass(texts, settings, backend, store)
            second = one_pass(texts, settings, backend, store)
    print(f"{len(texts)} articles, backend {backend.name}/{backend.model}")
    print(f"{'pass':<8}{'seconds':>10}{'backend calls':>15}{'cache hits':>12}")
    for name, (seconds, calls, hits) in (("first", first), ("second", second)):
        print(f"{name:<8}{seconds:>10.3f}{calls:>15}{hits:>12}")
    print(f"second/first wall time = {second[0] / first[0]:.4f}; backend calls on the re-run: {second[1]}")


if __name__ == "__main__":
    main()
