"""The regression gate: per-metric floors in evals/baseline.json, checked with a noise margin.

    check(baseline, key, metrics, gold_sha) -> GateResult      `summarizer eval --check`
    update(baseline, key, metrics, gold_sha, ...) -> Baseline   `summarizer eval --update-baseline`

Floors are kept per system key, "<system>/<backend>/<model>" (pipeline/local/<gguf name>), so a
run on another backend or model is never held to floors it was not measured against. Each floor
set records the gold SHA-256 it was measured on; scores on different gold are not comparable.

A metric fails when it falls more than `margin` (absolute, stored in baseline.json) below its
floor. The margin absorbs run-to-run noise of an LLM on 18 articles: one article's position
more or less moves positions F1 by about 0.01-0.02.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table

from summarizer.errors import ConfigError, SummarizerError

GATE_EXIT_CODE = 8  # errors.py uses 1-7; batch uses 1 and 130
DEFAULT_MARGIN = 0.03
EPS = 1e-9  # metrics are rounded to 4 places; this only absorbs float subtraction

# Quality metrics, higher is better. Tokens and latency depend on the machine and are reported,
# not gated.
GATED = (
    "participants_precision", "participants_recall", "participants_f1", "kind_accuracy",
    "positions_precision", "positions_recall", "positions_f1", "stance_similarity",
    "figures_precision", "figures_recall", "figures_f1", "measures_similarity",
    "date_accuracy", "location_accuracy", "description_similarity",
    "grounding_rate", "quote_found_rate", "schema_valid_rate",
)


class GateError(SummarizerError):
    """A metric fell below its floor, or an update would lower one."""

    exit_code = GATE_EXIT_CODE

    def __init__(self, message: str, *, lowered: list[str] | None = None) -> None:
        super().__init__(message)
        self.lowered = lowered or []  # the floors an update would lower


@dataclass
class Baseline:
    gold_sha256: str | None = None  # the gold when the file was last written
    margin: float = DEFAULT_MARGIN
    floors: dict[str, dict[str, Any]] = field(default_factory=dict)  # key -> {metrics, gold_sha256, run, updated}
    about: str = "Floors for `summarizer eval --check`; see evals/README.md. Set with --update-baseline."

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            baseline = cls(**data)
        except (OSError, ValueError, TypeError) as exc:
            raise ConfigError(f"cannot read the baseline file {path}: {exc}") from None
        if not 0 <= baseline.margin < 1:
            raise ConfigError(f"{path}: margin must be in [0, 1), got {baseline.margin!r}")
        return baseline

    def save(self, path: str | Path) -> None:
        data = {"about": self.about, "margin": self.margin, "gold_sha256": self.gold_sha256, "floors": self.floors}
        Path(path).write_text(json.dumps(data, indent=2, sort_keys=False) + "\n", encoding="utf-8")


@dataclass
class Row:
    metric: str
    floor: float
    value: float | None
    status: str  # ok | within margin | FAIL

    @property
    def delta(self) -> float | None:
        return None if self.value is None else round(self.value - self.floor, 4)


@dataclass
class GateResult:
    key: str
    margin: float
    rows: list[Row] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "margin": self.margin, "passed": self.passed, "failures": self.failures,
                "notes": self.notes, "rows": [{"metric": r.metric, "floor": r.floor, "value": r.value,
                                               "delta": r.delta, "status": r.status} for r in self.rows]}


def _status(floor: float, value: float | None, margin: float) -> str:
    if value is None:
        return "FAIL"  # a floor on a metric the run no longer produces (nothing matched at all)
    drop = floor - value
    if drop <= EPS:
        return "ok"
    return "within margin" if drop <= margin + EPS else "FAIL"


def check(baseline: Baseline, key: str, metrics: dict[str, Any], gold_sha: str) -> GateResult:
    """Compare a run's metrics with the floors of its system key."""
    result = GateResult(key, baseline.margin)
    entry = baseline.floors.get(key)
    if entry is None:
        others = f" (floors exist for {', '.join(sorted(baseline.floors))})" if baseline.floors else ""
        result.notes.append(f"no floors for {key}{others}: nothing checked; set them with --update-baseline")
        if baseline.gold_sha256 and baseline.gold_sha256 != gold_sha:
            result.notes.append("warning: the gold differs from the gold recorded in the baseline file")
        return result
    if entry.get("gold_sha256") != gold_sha:
        result.failures.append(
            f"the gold changed since the floors for {key} were set (gold sha256 {str(entry.get('gold_sha256'))[:12]} "
            f"-> {gold_sha[:12]}): scores are not comparable; re-set them with --update-baseline "
            "(and --allow-regression where they drop)")
    for name, floor in entry.get("metrics", {}).items():
        row = Row(name, floor, metrics.get(name), _status(floor, metrics.get(name), baseline.margin))
        result.rows.append(row)
        if row.status == "FAIL":
            value = "missing" if row.value is None else f"{row.value:.4f}"
            result.failures.append(f"{name}: {value} is more than {baseline.margin} below its floor {floor:.4f}")
    unfloored = [m for m in GATED if m not in entry.get("metrics", {}) and metrics.get(m) is not None]
    if unfloored:
        result.notes.append(f"no floor yet for {', '.join(unfloored)}")
    return result


def update(baseline: Baseline, key: str, metrics: dict[str, Any], gold_sha: str, *, run: str,
           allow_regression: bool = False) -> tuple[Baseline, list[str]]:
    """Floors for `key` from this run's metrics; lowering any floor needs allow_regression.

    Returns the new baseline and the floors that went down (empty unless allowed).
    """
    new = {m: metrics[m] for m in GATED if metrics.get(m) is not None}
    old = baseline.floors.get(key, {}).get("metrics", {})
    lowered = [f"{m}: {old[m]:.4f} -> {'none' if new.get(m) is None else format(new[m], '.4f')}"
               for m in old if new.get(m) is None or new[m] < old[m] - EPS]
    if lowered and not allow_regression:
        gold_note = " (the gold changed, too)" if baseline.floors[key].get("gold_sha256") != gold_sha else ""
        raise GateError(f"refusing to lower floors for {key}{gold_note}: {'; '.join(lowered)}. "
                        "Rerun with --allow-regression if the drop is intended.", lowered=lowered)
    floors = dict(baseline.floors)
    floors[key] = {"metrics": new, "gold_sha256": gold_sha, "run": run,
                   "updated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    return Baseline(gold_sha256=gold_sha, margin=baseline.margin, floors=floors, about=baseline.about), lowered


def gate_table(result: GateResult) -> Table:
    table = Table(title=f"gate: {result.key} (margin {result.margin})", title_justify="left")
    for name in ("metric", "floor", "value", "Δ", "status"):
        table.add_column(name, justify="left" if name in ("metric", "status") else "right")
    styles = {"ok": "green", "within margin": "yellow", "FAIL": "bold red"}
    for row in result.rows:
        value = "—" if row.value is None else f"{row.value:.3f}"
        delta = "—" if row.delta is None else f"{row.delta:+.3f}"
        table.add_row(row.metric, f"{row.floor:.3f}", value, delta, f"[{styles[row.status]}]{row.status}[/]")
    return table
