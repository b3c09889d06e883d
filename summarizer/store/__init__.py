"""SQLite cache of summaries plus a log of every run and LLM call (in the spirit of `llm logs`).

One file, stdlib sqlite3: `db` holds the connection (WAL, IMMEDIATE writes, busy_timeout),
`cache` the summaries, `runlog` the runs and attempts, `migrations` the schema steps in order.
The path is always passed in: settings own the default location and the environment.
"""

from __future__ import annotations

from pathlib import Path

from summarizer.store.cache import SummaryCache, cache_key
from summarizer.store.db import connect
from summarizer.store.migrations import MIGRATIONS, Migration, migrate, migration
from summarizer.store.runlog import ATTEMPT_OUTCOMES, REDACTED, RunLog, scrub

__all__ = [
    "ATTEMPT_OUTCOMES", "MIGRATIONS", "REDACTED", "Migration", "Store",
    "cache_key", "connect", "migrate", "migration", "scrub",
]


class Store(SummaryCache, RunLog):
    """Cache and run log over one SQLite file. Thread-safe: one connection behind a lock."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        with self._read() as db:
            migrate(db)
