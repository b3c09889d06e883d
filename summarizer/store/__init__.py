"""SQLite cache of summaries plus a log of every run and LLM call (in the spirit of `llm logs`).

One file, stdlib sqlite3. WAL mode lets readers proceed while one writer writes, and every
write takes the lock up front (BEGIN IMMEDIATE) so that several processes, each with its own
Store on the same file, queue on busy_timeout instead of failing with "database is locked".
The path is always passed in: settings own the default location and the environment.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path, PurePath
from typing import Any

from pydantic import ValidationError

from summarizer.schema import ArticleSummary

ATTEMPT_OUTCOMES = frozenset({"ok", "reask", "transport_error", "invalid", "truncated"})
REDACTED = "[REDACTED]"


# --- cache key ----------------------------------------------------------------------------


def _canonical(value: Any) -> Any:
    # temperature=0 from the CLI and 0.0 from a config file mean the same call; hash them alike.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, PurePath):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    # A repr with a memory address would silently never hit; refuse instead.
    raise TypeError(f"cache_key: option value of type {type(value).__name__} is not hashable as JSON")


def cache_key(
    clean_text: str, *, backend: str, model: str, prompt_version: str, schema_version: str, options: dict
) -> str:
    """sha256 hex of a canonical JSON (sorted keys, no whitespace) of everything that shapes the output."""
    payload = {
        "text": clean_text,
        "backend": backend,
        "model": model,
        "prompt_version": prompt_version,
        "schema_version": schema_version,
        "options": _canonical(options),
    }
    blob = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# --- secret scrubbing ---------------------------------------------------------------------

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


# --- migrations ---------------------------------------------------------------------------

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    """Register a schema step. Append only, never edit or reorder: DBs in the wild have run them."""
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_initial(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE cache (
            key TEXT PRIMARY KEY,
            summary TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            input_hash TEXT NOT NULL,
            backend TEXT NOT NULL,
            model TEXT NOT NULL,
            prompt_version TEXT NOT NULL,
            source TEXT,
            outcome TEXT,
            summary TEXT,
            error TEXT,
            attempts INTEGER,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            latency_s REAL,
            cached INTEGER
        )"""
    )
    db.execute(
        """CREATE TABLE attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            stage TEXT NOT NULL,
            messages TEXT NOT NULL,
            response TEXT,
            prompt_tokens INTEGER NOT NULL,
            completion_tokens INTEGER NOT NULL,
            latency_s REAL NOT NULL,
            outcome TEXT NOT NULL,
            detail TEXT
        )"""
    )


@migration
def m002_indexes(db: sqlite3.Connection) -> None:
    # run(id) fetches attempts by run; cache_stats reads min/max age; `runs --input` looks up by hash.
    db.execute("CREATE INDEX attempts_run_id ON attempts(run_id)")
    db.execute("CREATE INDEX cache_created_at ON cache(created_at)")
    db.execute("CREATE INDEX runs_input_hash ON runs(input_hash)")


def migrate(db: sqlite3.Connection, migrations: list[Migration] | None = None) -> list[str]:
    """Apply pending migrations in one IMMEDIATE transaction; returns the names applied.

    Taking the write lock before reading `_migrations` means two processes opening a fresh
    file at once cannot both decide to run m001. `db` must be in autocommit mode.
    """
    applied_now: list[str] = []
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {row[0] for row in db.execute("SELECT name FROM _migrations")}
        for fn in MIGRATIONS if migrations is None else migrations:
            if fn.__name__ not in done:
                fn(db)
                db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (fn.__name__, _now()))
                applied_now.append(fn.__name__)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return applied_now


def connect(path: Path) -> sqlite3.Connection:
    """Open `path` in autocommit mode with WAL and a 5 s busy timeout (transactions are explicit)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")  # durable enough in WAL: a crash loses at most the last commit
    db.execute("PRAGMA foreign_keys = ON")
    db.row_factory = sqlite3.Row
    return db


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- the store ----------------------------------------------------------------------------

_RUN_COLUMNS = (
    "id, started_at, finished_at, input_hash, backend, model, prompt_version, source, outcome, "
    "error, attempts, prompt_tokens, completion_tokens, latency_s, cached"
)


class Store:
    """Cache and run log over one SQLite file. Thread-safe: one connection behind a lock."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = connect(self.path)
        migrate(self._db)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._db is None:
                raise RuntimeError("Store is closed")
            yield self._db

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE: a deferred transaction that reads first and then writes can hit SQLITE_BUSY
        # without waiting when another process committed in between; taking the lock first can't.
        with self._read() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    # cache -----------------------------------------------------------------------------

    def get_summary(self, key: str) -> ArticleSummary | None:
        with self._read() as db:
            row = db.execute("SELECT summary FROM cache WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return ArticleSummary.model_validate_json(row["summary"])
        except ValidationError:
            return None  # a row the current schema rejects is a miss; the next put overwrites it

    def put_summary(self, key: str, summary: ArticleSummary) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO cache (key, summary, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET summary = excluded.summary, created_at = excluded.created_at",
                (key, summary.model_dump_json(), _now()),
            )

    def cache_stats(self) -> dict:
        """entries, bytes (stored summary JSON), oldest/newest (ISO UTC or None), path."""
        with self._read() as db:
            row = db.execute(
                "SELECT count(*), coalesce(sum(length(CAST(summary AS BLOB))), 0), min(created_at), "
                "max(created_at) FROM cache"
            ).fetchone()
        return {"entries": row[0], "bytes": row[1], "oldest": row[2], "newest": row[3], "path": str(self.path)}

    def clear_cache(self) -> int:
        with self._write() as db:
            return db.execute("DELETE FROM cache").rowcount

    # run log ---------------------------------------------------------------------------

    def start_run(
        self, *, input_hash: str, backend: str, model: str, prompt_version: str, source: str | None
    ) -> int:
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO runs (started_at, input_hash, backend, model, prompt_version, source) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (_now(), input_hash, backend, model, prompt_version, scrub(source)),
            )
            return int(cur.lastrowid)

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
            run_id, _now(), stage, _dumps(scrub(messages)), scrub(response),
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
                (_now(), outcome, summary_json, scrub(error), attempts, tokens[0], tokens[1],
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
