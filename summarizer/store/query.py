"""The run log's query side: `summarizer logs` filters, full-text search and the database path.

Reads only. Search goes through the FTS5 indexes of migration m005 (runs: source, summary,
error; attempts: messages, response), so `-q "Ushakov"` finds a run by its article, its
answer or its error. Each word is matched as a quoted phrase, so FTS5 syntax in the user's
text (`AND`, `*`, `"`, `:`) is taken literally.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from summarizer.errors import InputError

_COLUMNS = (
    "id, started_at, finished_at, input_hash, backend, model, prompt_version, source, outcome, "
    "error, attempts, prompt_tokens, completion_tokens, latency_s, cached"
)
_AGO = re.compile(r"^(\d+)\s*([smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
OUTCOMES = ("ok", "error", "cached", "unfinished")


@dataclass(frozen=True)
class RunFilter:
    """What `summarizer logs` narrows the runs to; None matches everything."""

    model: str | None = None
    backend: str | None = None
    outcome: str | None = None  # ok | error | cached | unfinished
    since: str | None = None  # an ISO date or time, or an age such as 30m, 2h, 7d
    query: str | None = None  # full-text, over inputs and responses
    limit: int = 20


def since_timestamp(value: str, now: dt.datetime | None = None) -> str:
    """`--since` as the ISO timestamp runs are stored with (UTC)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    match = _AGO.match(value.strip())
    if match:
        moment = now - dt.timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
    else:
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise InputError(f"--since {value!r}: give a date (2024-02-08), a time (2024-02-08T14:00) "
                             "or an age (30m, 2h, 7d, 1w)") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")


def fts_query(text: str) -> str:
    """User text as an FTS5 query: every word a quoted phrase, all of them required."""
    words = text.split()
    if not words:
        raise InputError("-q needs some text to search for")
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def search_runs(store: Any, where: RunFilter) -> list[dict[str, Any]]:
    """Newest first, filtered; one flat dict per run with the headline instead of the summary."""
    with store._read() as db:
        indexed = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'runs_fts'").fetchone() is not None
    clauses, args = _clauses(where, indexed)
    sql = (f"SELECT {_COLUMNS}, json_extract(summary, '$.headline') AS headline FROM runs"
           + (f" WHERE {' AND '.join(clauses)}" if clauses else "") + " ORDER BY id DESC LIMIT ?")
    with store._read() as db:
        rows = db.execute(sql, (*args, where.limit)).fetchall()
    return [{**dict(row), "cached": bool(row["cached"]) if row["cached"] is not None else None} for row in rows]


def _clauses(where: RunFilter, indexed: bool = True) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    for column, value in (("model", where.model), ("backend", where.backend)):
        if value:
            clauses.append(f"{column} = ?")
            args.append(value)
    if where.outcome:
        clauses.append({"ok": "outcome = 'ok' AND NOT coalesce(cached, 0)", "error": "outcome = 'error'",
                        "cached": "coalesce(cached, 0)", "unfinished": "finished_at IS NULL"}[where.outcome])
    if where.since:
        clauses.append("started_at >= ?")
        args.append(since_timestamp(where.since))
    if where.query and not indexed:  # a log opened read-only before m005 ran: a plain scan
        fts_query(where.query)  # the same error for empty text
        for word in where.query.split():
            clauses.append("(source LIKE ? OR summary LIKE ? OR error LIKE ? OR id IN (SELECT run_id FROM "
                           "attempts WHERE messages LIKE ? OR response LIKE ?))")
            args += [f"%{word}%"] * 5
    elif where.query:
        match = fts_query(where.query)
        clauses.append("(id IN (SELECT rowid FROM runs_fts WHERE runs_fts MATCH ?) OR id IN "
                       "(SELECT run_id FROM attempts WHERE id IN "
                       "(SELECT rowid FROM attempts_fts WHERE attempts_fts MATCH ?)))")
        args += [match, match]
    return clauses, args
