"""`Store`: the summary cache and the run log over one SQLite file, migrated on open."""

from __future__ import annotations

from pathlib import Path

from summarizer.store.cache import SummaryCache
from summarizer.store.migrations import migrate
from summarizer.store.runlog import RunLog


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
