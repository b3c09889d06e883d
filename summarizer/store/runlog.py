"""The run log: every run and LLM call (in the spirit of `llm logs`), with secrets scrubbed."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from summarizer.schema import ArticleSummary
from summarizer.scrub import REDACTED, scrub
from summarizer.store.db import Database, now

ATTEMPT_OUTCOMES = frozenset({"ok", "reask", "transport_error", "invalid", "truncated"})
__all__ = ["ATTEMPT_OUTCOMES", "REDACTED", "RunLog", "scrub"]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


_RUN_COLUMNS = (
    "id, started_at, finished_at, input_hash, backend, model, prompt_version, source, outcome, "
    "error, attempts, prompt_tokens, completion_tokens, latency_s, cached"
)


class RunLog(Database):
    """Runs and their attempts: start, log each call, finish; list the newest, read one whole."""

    def start_run(
        self, *, input_hash: str, backend: str, model: str, prompt_version: str, source: str | None
    ) -> int:
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO runs (started_at, input_hash, backend, model, prompt_version, source) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (now(), input_hash, backend, model, prompt_version, scrub(source)),
            )
            assert cur.lastrowid is not None  # an INSERT always sets it
            return cur.lastrowid

    def log_attempt(
        self,
        run_id: int,
        *,
        stage: str,
        messages: list[dict],
        response: str | None,
        prompt_tokens: int,
        completion_tokens: int,
        latency_s: float,
        outcome: str,
        detail: str | None = None,
        transport: list[dict] | None = None,
    ) -> None:
        """One LLM call; `transport` its HTTP requests ({n, status, latency_s, outcome, error})."""
        if outcome not in ATTEMPT_OUTCOMES:
            raise ValueError(f"attempt outcome must be one of {sorted(ATTEMPT_OUTCOMES)}, got {outcome!r}")
        row = (
            run_id, now(), stage, _dumps(scrub(messages)), scrub(response),
            prompt_tokens, completion_tokens, latency_s, outcome, scrub(detail),
        )  # fmt: skip
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO attempts (run_id, created_at, stage, messages, response, prompt_tokens, "
                "completion_tokens, latency_s, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            db.executemany(
                "INSERT INTO transport (attempt_id, n, created_at, status, latency_s, outcome, error) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(cur.lastrowid, t["n"], now(), t.get("status"), t["latency_s"], t["outcome"],
                  scrub(t.get("error"))) for t in transport or ()],
            )

    def finish_run(
        self,
        run_id: int,
        *,
        outcome: str,
        summary: ArticleSummary | None,
        error: str | None,
        attempts: int,
        tokens: tuple[int, int],
        latency_s: float,
        cached: bool,
    ) -> None:
        summary_json = summary.model_dump_json() if summary is not None else None
        with self._write() as db:
            cur = db.execute(
                "UPDATE runs SET finished_at = ?, outcome = ?, summary = ?, error = ?, attempts = ?, "
                "prompt_tokens = ?, completion_tokens = ?, latency_s = ?, cached = ? WHERE id = ?",
                (now(), outcome, summary_json, scrub(error), attempts, tokens[0], tokens[1],
                 latency_s, int(cached), run_id),
            )  # fmt: skip
            if cur.rowcount == 0:
                raise KeyError(f"no run with id {run_id}")

    def runs(self, limit: int = 20) -> list[dict]:
        """Newest first; one flat dict per run with the headline instead of the whole summary."""
        with self._read() as db:
            rows = db.execute(
                f"SELECT {_RUN_COLUMNS}, json_extract(summary, '$.headline') AS headline "
                "FROM runs ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [_run_dict(row) for row in rows]

    def run(self, run_id: int) -> dict | None:
        """One run with its summary (as a dict) and every attempt, messages and response included."""
        with self._read() as db:
            row = db.execute(f"SELECT {_RUN_COLUMNS}, summary FROM runs WHERE id = ?", (run_id,)).fetchone()
            attempts = db.execute("SELECT * FROM attempts WHERE run_id = ? ORDER BY id", (run_id,)).fetchall()
            transport = _transport(db, run_id)
        if row is None:
            return None
        result = _run_dict(row)
        result["summary"] = json.loads(row["summary"]) if row["summary"] else None
        result["attempt_log"] = [
            {**dict(a), "messages": json.loads(a["messages"]), "transport": transport.get(a["id"], [])}
            for a in attempts
        ]  # fmt: skip
        return result


def _transport(db: sqlite3.Connection, run_id: int) -> dict[int, list[dict]]:
    """HTTP requests by attempt id; none from a file opened read-only before m003 ran."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'transport'").fetchone() is None:
        return {}
    rows = db.execute(
        "SELECT t.attempt_id, t.n, t.status, t.latency_s, t.outcome, t.error FROM transport t "
        "JOIN attempts a ON a.id = t.attempt_id WHERE a.run_id = ? ORDER BY t.id", (run_id,)
    ).fetchall()
    by_attempt: dict[int, list[dict]] = {}
    for r in rows:
        by_attempt.setdefault(r["attempt_id"], []).append({k: r[k] for k in ("n", "status", "latency_s", "outcome",
                                                                              "error")})
    return by_attempt


def _run_dict(row: sqlite3.Row) -> dict:
    result = dict(row)
    if result.get("cached") is not None:
        result["cached"] = bool(result["cached"])
    return result
