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
from summarizer.store.safe import SafeStore, clear_cache, guarded, read_store, readonly_store, store_problem

__all__ = [
    "ATTEMPT_OUTCOMES", "MIGRATIONS", "REDACTED", "Migration", "SafeStore", "Store",
    "cache_key", "clear_cache", "connect", "guarded", "migrate", "migration", "read_store", "readonly_store", "scrub",
    "store_problem",
]


class Store(SummaryCache, RunLog):
    """Cache and run log over one SQLite file. Thread-safe: one connection behind a lock."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        super().__init__(path, readonly=readonly)
        if readonly:  # `logs`, `cache stats`: read what is there, never migrate
            return
        try:
            with self._read() as db:
                migrate(db)
        except BaseException:
            self.close()
            raise
