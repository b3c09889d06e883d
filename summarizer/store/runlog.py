"""The run log: every run and LLM call (in the spirit of `llm logs`), with secrets scrubbed."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from summarizer.schema import ArticleSummary
from summarizer.store.db import Database, now

ATTEMPT_OUTCOMES = frozenset({"ok", "reask", "transport_error", "invalid", "truncated"})
REDACTED = "[REDACTED]"

# \b keeps words like "desk-research-team" from matching; real keys are far longer than 20.
_TOKEN_PATTERNS = [
    re.compile(r"\bsk-[A-Za-z0-9_\-]{20,}"),  # OpenAI / Anthropic / most OpenAI-compatible hosts
    re.compile(r"\bhf_[A-Za-z0-9]{20,}"),  # Hugging Face
    re.compile(r"\bAIza[0-9A-Za-z_\-]{30,}"),  # Google
    re.compile(r"\bgsk_[A-Za-z0-9]{20,}"),  # Groq
]
_BEARER = re.compile(r"\b(Bearer\s+)[A-Za-z0-9._~+/=\-]{8,}")
_SECRET_NAME = r"api[_-]?key|x-api-key|authorization|access[_-]?token|client[_-]?secret|password"
_SECRET_KEY = re.compile(rf"^(?:{_SECRET_NAME})$", re.IGNORECASE)
# `"api_key": "v"`, `api_key='v'`, `?api_key=v&` as they appear in JSON text, reprs and URLs.
_SECRET_FIELD = re.compile(
    rf"""(["']?\b(?:{_SECRET_NAME})["']?\s*[:=]\s*)(["']?)(?!\[REDACTED\])[^"'\s,}}&]+""",
    re.IGNORECASE,
)


def scrub(value: Any) -> Any:
    """Copy of `value` with anything that looks like a credential replaced by [REDACTED]."""
    if isinstance(value, str):
        for pattern in _TOKEN_PATTERNS:
            value = pattern.sub(REDACTED, value)
        value = _BEARER.sub(rf"\g<1>{REDACTED}", value)
        return _SECRET_FIELD.sub(rf"\g<1>\g<2>{REDACTED}", value)
    if isinstance(value, dict):
        return {k: REDACTED if isinstance(k, str) and _SECRET_KEY.match(k) else scrub(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [scrub(v) for v in value]
    return value


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
    ) -> None:
        if outcome not in ATTEMPT_OUTCOMES:
            raise ValueError(f"attempt outcome must be one of {sorted(ATTEMPT_OUTCOMES)}, got {outcome!r}")
        row = (
            run_id, now(), stage, _dumps(scrub(messages)), scrub(response),
            prompt_tokens, completion_tokens, latency_s, outcome, scrub(detail),
        )  # fmt: skip
        with self._write() as db:
            db.execute(
                "INSERT INTO attempts (run_id, created_at, stage, messages, response, prompt_tokens, "
                "completion_tokens, latency_s, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
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
        if row is None:
            return None
        result = _run_dict(row)
        result["summary"] = json.loads(row["summary"]) if row["summary"] else None
        result["attempt_log"] = [
            {**dict(a), "messages": json.loads(a["messages"])} for a in attempts
        ]  # fmt: skip
        return result


def _run_dict(row: sqlite3.Row) -> dict:
    result = dict(row)
    if result.get("cached") is not None:
        result["cached"] = bool(result["cached"])
    return result
