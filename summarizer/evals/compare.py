"""Two stored runs side by side: Δ per metric, with a paired bootstrap interval over articles.

Runs are only comparable on the same gold, so runs made against different gold files are refused,
naming both digests. Both runs are re-scored by today's scorer on the articles they share, so a
scorer change never shows up as a difference between them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.table import Table

from summarizer.config import Settings
from summarizer.errors import InputError
from summarizer.evals.gold import Gold
from summarizer.evals.report import ROWS, fmt_metric
from summarizer.evals.results import INTERVAL_METRICS, EvalResult, score_run
from summarizer.evals.run import load_run
from summarizer.evals.stats import paired_interval

_NO_DELTA = {"errors"}


@dataclass
class Comparison:
    """Run A and run B scored on the same articles; `deltas[system][metric]` = (Δ, interval or None)."""

    a: EvalResult
    b: EvalResult
    systems: list[str]
    deltas: dict[str, dict[str, tuple[float | None, tuple[float, float] | None]]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_a": str(self.a.run_dir), "run_b": str(self.b.run_dir), "ids": self.a.info.ids,
            "systems": {s: {m: {"a": self.a.results[s].metrics.get(m), "b": self.b.results[s].metrics.get(m),
                                "delta": d, "interval": ci} for m, (d, ci) in self.deltas[s].items()}
                        for s in self.systems},
        }


def _load(run_dir: Path) -> tuple[Any, Any]:
    try:
        return load_run(run_dir)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def compare_runs(golds: list[Gold], run_a: Path, run_b: Path, settings: Settings) -> Comparison:
    """Score both runs on the articles they share and pair them article by article."""
    (info_a, rec_a), (info_b, rec_b) = _load(run_a), _load(run_b)
    if info_a.gold_sha256 != info_b.gold_sha256:
        raise InputError(f"--compare: the runs were made against different gold ({run_a}: gold sha256 "
                         f"{info_a.gold_sha256[:12]}…, {run_b}: {info_b.gold_sha256[:12]}…); re-run one of them")
    by_id = {g.id: g for g in golds}
    shared = [i for i in info_a.ids if i in set(info_b.ids) and i in by_id]
    if not shared:
        raise InputError(f"--compare: {run_a} and {run_b} share no article of today's gold")
    systems = [s for s in info_a.systems if s in info_b.systems]
    picked = [by_id[i] for i in shared]
    info_a.ids = info_b.ids = shared
    a = score_run(picked, info_a, rec_a, settings, run_a)
    b = score_run(picked, info_b, rec_b, settings, run_b)
    deltas: dict[str, dict[str, tuple[float | None, tuple[float, float] | None]]] = {}
    for system in systems:
        ma, mb = a.results[system].metrics, b.results[system].metrics
        arts_a, arts_b = a.results[system].suite.articles, b.results[system].suite.articles
        rows: dict[str, tuple[float | None, tuple[float, float] | None]] = {}
        for row in ROWS:
            if row is None or row[0] in _NO_DELTA:
                continue
            name = row[0]
            va, vb = ma.get(name), mb.get(name)
            delta = round(vb - va, 4) if isinstance(va, (int, float)) and isinstance(vb, (int, float)) else None
            ci = paired_interval(arts_a, arts_b, INTERVAL_METRICS[name]) if name in INTERVAL_METRICS else None
            rows[name] = (delta, ci)
        deltas[system] = rows
    return Comparison(a, b, systems, deltas)


def comparison_table(c: Comparison) -> Table:
    """metric | A | B | Δ | 95% interval of Δ, per system; an interval that excludes 0 is a real change."""
    table = Table(title=escape(f"{len(c.a.info.ids)} shared articles · A {c.a.run_dir} · B {c.b.run_dir}"),
                  title_justify="left")
    for head in ("system", "metric", "A", "B", "Δ (B − A)", "95% interval of Δ"):
        table.add_column(head, justify="left" if head in ("system", "metric") else "right")
    labels = {row[0]: row[1] for row in ROWS if row is not None}
    for system in c.systems:
        for name, (delta, ci) in c.deltas[system].items():
            va, vb = c.a.results[system].metrics.get(name), c.b.results[system].metrics.get(name)
            real = ci is not None and (ci[0] > 0 or ci[1] < 0)
            interval = f"[{ci[0]:+.3f}, {ci[1]:+.3f}]{' *' if real else ''}" if ci else ""
            table.add_row(system, labels[name], fmt_metric(name, va), fmt_metric(name, vb),
                          "" if delta is None else f"{delta:+.3f}", interval)
        table.add_section()
    return table
