"""NewsQuant figures, one half (tune by default): each sentence's misses and false positives.

    python bench/newsquant_misses.py [tune|check] [--all]

Scored as `summarizer corpora --backend fake --only newsquant` does (score_newsquant); prints
only sentences with an error unless --all. Develop on tune; run check only to report.
"""

from __future__ import annotations

import sys
from pathlib import Path

from summarizer.evals.adapters import load_newsquant, units_compatible
from summarizer.evals.match import values_match
from summarizer.evals.splits import select

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "corpora" / "newsquant" / "dev.json"


def main() -> None:
    from summarizer.backends import FakeBackend  # noqa: PLC0415
    from summarizer.config import Settings  # noqa: PLC0415
    from summarizer.pipeline import summarize  # noqa: PLC0415

    split = next((a for a in sys.argv[1:] if not a.startswith("-")), "tune")
    show_all = "--all" in sys.argv
    settings = Settings(backend="fake")
    backend = FakeBackend(model="fake-model")
    tp = fp = fn = 0
    for sent in select(load_newsquant(DATA), split, lambda s: s.text):  # type: ignore[arg-type]
        try:
            figures = summarize(sent.text, settings=settings, backend=backend, store=None).figures
        except Exception as exc:  # noqa: BLE001
            print(f"ERROR {exc!r}\n  {sent.text}")
            figures = []
        gold, used = list(sent.quantities), set()
        misses = []
        for q in gold:
            found = (i for i, f in enumerate(figures) if i not in used
                     and any(values_match(v, f.value) for v in q.values) and units_compatible(q, f.unit))
            hit = next(found, None)
            if hit is None:
                misses.append(q)
            else:
                used.add(hit)
        extra = [f for i, f in enumerate(figures) if i not in used]
        tp, fp, fn = tp + len(used), fp + len(extra), fn + len(misses)
        if misses or extra or show_all:
            print(f"\n{sent.text}")
            for q in misses:
                print(f"  MISS {q.values} unit={q.unit!r} norm={q.normalized_unit!r}")
            for f in extra:
                print(f"  FP   {f.value} unit={f.unit!r} text={f.text!r}")
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"\n{split}: tp {tp} fp {fp} fn {fn}  P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}")


if __name__ == "__main__":
    main()
