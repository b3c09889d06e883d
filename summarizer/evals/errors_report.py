"""Item-level errors and per-article rows for people: `eval --errors` text, HTML lists, CSV.

Reads what `summarizer.evals.results.score_run` computed (`SystemResult.errors`, the ArticleScores);
it scores nothing itself.
"""

from __future__ import annotations

import csv
import html
import io
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from summarizer.evals.item_errors import FIELDS, describe
from summarizer.evals.splits import half_of

if TYPE_CHECKING:  # the run module imports nothing from here; types only
    from summarizer.evals.results import EvalResult


def errors_lines(result: EvalResult) -> list[str]:
    """Rich-markup lines: per article and system, every missed gold item and unmatched prediction."""
    lines: list[str] = []
    for gold in result.golds:
        for system, res in result.results.items():
            errors = res.errors.get(gold.id) or {}
            count = sum(len(v) for f in FIELDS for v in (errors.get(f) or {}).values())
            lines.append(f"[bold]{escape(gold.id)}[/] ({escape(system)}, {half_of(gold.id)}): {count} item error(s)")
            for field in FIELDS:
                for kind, label in (("missed", "[red]missed[/]"), ("unmatched", "[yellow]unmatched[/]")):
                    for item in (errors.get(field) or {}).get(kind, []):
                        lines.append(f"  {field:<12} {label} {escape(describe(item))}")
    return lines


def errors_html(errors: dict[str, Any] | None) -> str:
    """The same lists as HTML, shown under each system's column of an article."""
    if not errors:
        return ""
    rows = []
    for field in FIELDS:
        for kind in ("missed", "unmatched"):
            items = (errors.get(field) or {}).get(kind, [])
            if items:
                lis = "".join(f"<li>{html.escape(describe(item))}</li>" for item in items)
                cls = "bad" if kind == "missed" else "muted"
                rows.append(f"<h4 class='{cls}'>{field}: {kind} ({len(items)})</h4><ul>{lis}</ul>")
    return "".join(rows) or "<p class='ok'>no item errors</p>"


CSV_FIELDS = ["id", "split", "system", "valid", "participants_p", "participants_r", "participants_f1",
              "positions_p", "positions_r", "positions_f1", "figures_p", "figures_r", "figures_f1",
              "date_correct", "gold_dated", "location_correct", "description_similarity", "grounding_rate",
              "wall_s"]


def to_csv(result: EvalResult) -> str:
    """The per-article table as CSV, one row per article and system, for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for system, res in result.results.items():
        for art in res.suite.articles:
            record = result.records[system].get(art.id)
            row: dict[str, Any] = {"id": art.id, "split": half_of(art.id), "system": system, "valid": art.valid,
                                   "date_correct": art.date.value, "gold_dated": art.gold_dated,
                                   "location_correct": art.location.value,
                                   "description_similarity": art.description.value,
                                   "grounding_rate": art.grounding.value,
                                   "wall_s": record.wall_s if record else None}
            for field in FIELDS:
                score = getattr(art, field)
                row |= {f"{field}_p": round(score.precision, 4), f"{field}_r": round(score.recall, 4),
                        f"{field}_f1": round(score.f1, 4)}
            writer.writerow(row)
    return buffer.getvalue()
