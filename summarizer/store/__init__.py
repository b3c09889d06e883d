"""SQLite cache of summaries plus a log of every run and LLM call (in the spirit of `llm logs`).

One file, stdlib sqlite3: `db` holds the connection (WAL, IMMEDIATE writes, busy_timeout),
`cache` the summaries, `runlog` the runs and attempts, `migrations` the schema steps in order.
The path is always passed in: settings own the default location and the environment.
"""

from __future__ import annotations

from summarizer.store.cache import cache_key
from summarizer.store.db import connect
from summarizer.store.migrations import MIGRATIONS, Migration, migrate, migration
from summarizer.store.runlog import ATTEMPT_OUTCOMES, REDACTED, scrub
from summarizer.store.safe import SafeStore, clear_cache, guarded, read_store, readonly_store, store_problem
from summarizer.store.sqlite import Store

__all__ = [
    "ATTEMPT_OUTCOMES", "MIGRATIONS", "REDACTED", "Migration", "SafeStore", "Store",
    "cache_key", "clear_cache", "connect", "guarded", "migrate", "migration", "read_store", "readonly_store", "scrub",
    "store_problem",
]
