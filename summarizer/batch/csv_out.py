"""`summarizer batch --format csv`: one spreadsheet row per participant, position, figure and event.

Each article's rows share its `id` and `headline`; a failed article is one row with `item`
"error". Rows are written as each article finishes, in one write per article, like the JSONL
lines; the columns are fixed (`COLUMNS`) so files from several runs concatenate.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from summarizer.batch.io import JsonlWriter

COLUMNS = ("id", "headline", "item", "name", "kind", "role", "value", "unit", "as_written", "measures",
           "quote", "date", "start", "end", "raw_start", "raw_end", "match", "error")


def rows(line: dict[str, Any]) -> list[dict[str, Any]]:
    """The flat rows of one batch output line."""
    ident = line["id"]
    if line.get("error"):
        error = line["error"]
        return [{"id": ident, "item": "error", "kind": error.get("type"), "error": error.get("message")}]
    summary = line["summary"]
    base = {"id": ident, "headline": summary.get("headline")}
    out: list[dict[str, Any]] = []
    event = summary.get("event")
    if event:
        out.append({**base, "item": "event", "name": event.get("description"), "kind": event.get("type"),
                    "date": event.get("date") or event.get("date_text"), **_evidence(event)})
    for p in summary.get("participants", []):
        out.append({**base, "item": "participant", "name": p["name"], "kind": p.get("kind"), "role": p.get("role"),
                    "as_written": "; ".join(p.get("aliases") or []), **_evidence(p)})
    for p in summary.get("positions", []):
        out.append({**base, "item": "position", "name": p["holder"], "role": p.get("stance"),
                    "kind": p.get("topic"), "quote": p.get("quote"), **_evidence(p)})
    for f in summary.get("figures", []):
        out.append({**base, "item": "figure", "value": f["value"], "unit": f.get("unit"), "as_written": f.get("text"),
                    "measures": f.get("measures"), "date": f.get("period"), **_evidence(f)})
    return out or [{**base, "item": "none"}]


def _evidence(item: dict[str, Any]) -> dict[str, Any]:
    ev = item.get("evidence") or {}
    fields = ("start", "end", "raw_start", "raw_end", "match")
    return {"quote": item.get("quote") or ev.get("quote"), **{k: ev.get(k) for k in fields}}


class CsvWriter(JsonlWriter):
    """The batch writer, writing CSV rows instead of JSON lines (header first on an empty output)."""

    def start(self, empty: bool) -> CsvWriter:
        if empty:
            self.write_bytes(_encode([dict(zip(COLUMNS, COLUMNS, strict=True))]))
        return self

    def write(self, line: dict[str, Any]) -> None:
        self.write_bytes(_encode(rows(line)))
        self.done[str(line["id"])] = "error" if "error" in line else "ok"


def _encode(records: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writerows(records)
    return buffer.getvalue().encode("utf-8")


def as_csv(writer: JsonlWriter) -> CsvWriter:
    """The same open output, writing CSV; a header goes first unless the file already has rows."""
    csv_writer = CsvWriter(writer.fd, writer.path, writer.done, writer.fsync_every_s,
                           include_text=False, stream=writer.stream, sink=writer.sink)
    empty = writer.stream or not writer.path.exists() or writer.path.stat().st_size == 0
    return csv_writer.start(empty)
