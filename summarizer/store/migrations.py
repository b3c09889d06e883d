"""Schema migrations, in the order they run (append only: DBs in the wild have run them).

    m001_initial   the cache, runs and attempts tables
    m002_indexes   attempts by run, cache by age, runs by input hash
    m003_transport one row per HTTP request of an attempt (status, latency), grouped under it
    m005_search    FTS5 indexes over runs (source, summary, error) and attempts (messages,
                   response), kept in step by triggers: `summarizer logs -q TEXT`

`migrate` applies the pending ones in one IMMEDIATE transaction and records each in `_migrations`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from summarizer.store.db import now

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


@migration
def m003_transport(db: sqlite3.Connection) -> None:
    # Transport retries happen inside one LLM call: each HTTP request is a row under its attempt.
    db.execute(
        """CREATE TABLE transport (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            status INTEGER,
            latency_s REAL NOT NULL,
            outcome TEXT NOT NULL,
            error TEXT
        )"""
    )
    db.execute("CREATE INDEX transport_attempt_id ON transport(attempt_id)")


@migration
def m005_search(db: sqlite3.Connection) -> None:
    # m004 is the hardening step's; names, not numbers, say what ran. External-content FTS5
    # tables index the rows where they are; triggers follow every insert, update and delete.
    for table, columns in (("runs", ("source", "summary", "error")), ("attempts", ("messages", "response"))):
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        fts = f"{table}_fts"
        db.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='id')")
        db.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
        db.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END")
        db.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
                   f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
        db.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # rows logged before this step


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
                db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (fn.__name__, now()))
                applied_now.append(fn.__name__)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return applied_now
