"""The one SQLite connection a Store holds: opened in WAL mode, guarded by a lock.

WAL mode lets readers proceed while one writer writes, and every write takes the lock up front
(BEGIN IMMEDIATE) so that several processes, each with its own Store on the same file, queue on
busy_timeout instead of failing with "database is locked".

The file holds whole articles, prompts and responses: it is created owner-only (0600, in a
0700 folder when that is created too). `readonly=True` opens an existing file without writing
anything to it, for `logs` and `cache stats`.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

_D = TypeVar("_D", bound="Database")
BUSY_TIMEOUT_S = 5.0  # how long a write waits for another process's lock


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open `path` in autocommit mode with WAL and a 5 s busy timeout (transactions are explicit).

    `readonly`: the file must exist and is never written (no WAL switch, no migrations).
    """
    path = Path(path)
    if str(path) == ":memory:":  # an empty store that touches no file (read-only commands, no file yet)
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        return db
    if readonly:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                             isolation_level=None, check_same_thread=False)
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        db.execute("PRAGMA query_only = ON")
        db.row_factory = sqlite3.Row
        return db
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():  # owner-only from the start; SQLite gives -wal and -shm the same mode
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    try:
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # durable enough in WAL: a crash loses at most the last commit
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error:
        db.close()
        raise
    db.row_factory = sqlite3.Row
    return db


def now() -> str:
    """The current UTC time as the store writes it (ISO 8601, milliseconds)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class Database:
    """A connection behind a lock, with `_read()` and `_write()` (one IMMEDIATE transaction)."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = connect(self.path, readonly=readonly)

    def __enter__(self: _D) -> _D:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check(self) -> None:
        """Read the schema once: a file that is not a database fails here, not mid-command."""
        with self._read() as db:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()

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
