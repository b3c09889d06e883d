"""A store that degrades and never kills: the summary matters more than its cache entry.

Any failure to open or use the database (read-only, corrupt, locked past the busy timeout, a
file where its folder should be) becomes one warning that names the path and the fix; the
store then turns itself off for the rest of the process and every call is a no-op (a cache
miss, no run id). `read_store` is for the commands that only read (`logs`, `cache stats`).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from summarizer.errors import SummarizerError
from summarizer.schema import ArticleSummary
from summarizer.store.sqlite import Store

log = logging.getLogger("summarizer.store")
STORE_ERRORS = (sqlite3.Error, OSError)
T = TypeVar("T")
MEMORY = ":memory:"


def store_problem(path: Path, exc: BaseException) -> str:
    """What went wrong with the database at `path`, and the fix, in one line."""
    reason = str(exc) or type(exc).__name__
    text = reason.lower()
    if "locked" in text or "busy" in text:
        fix = "another summarizer process holds its write lock; retry, or give this one --no-cache --no-log"
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        fix = "run `summarizer cache clear` to set it aside and start a fresh one, or pass --no-cache --no-log"
    elif isinstance(exc, (NotADirectoryError, FileExistsError)) or "not a directory" in text:
        fix = "a file is in the way of its folder; point SUMMARIZER_CACHE_DIR at a folder, or pass --no-cache --no-log"
    else:
        fix = ("make it writable, point SUMMARIZER_CACHE_DIR (or SUMMARIZER_DB_PATH) at a writable folder, "
               "or pass --no-cache --no-log")
    return f"the cache and run log at {path} cannot be used ({reason}); {fix}"


class SafeStore:
    """Wraps a Store (or opens one at a path); the first failure warns once and turns it off."""

    def __init__(self, store: Any = None, *, path: Path | None = None,
                 warn: Callable[[str], None] | None = None) -> None:
        self.warn = warn or log.warning
        self.path = Path(path) if path is not None else getattr(store, "path", None)
        self.problem: str | None = None
        self._once = threading.Lock()
        self.store = store
        if store is None and path is not None:

            try:
                self.store = Store(Path(path))
            except STORE_ERRORS as exc:
                self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        with self._once:
            if self.problem is not None:
                return
            self.problem = store_problem(self.path or Path("?"), exc)
        self.warn(self.problem + "; the summary is still produced, not cached or logged")

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if self.store is None or self.problem is not None:
            return None
        try:
            return getattr(self.store, name)(*args, **kwargs)
        except STORE_ERRORS as exc:
            self._fail(exc)
            return None

    def get_summary(self, key: str) -> ArticleSummary | None:
        return self._call("get_summary", key)

    def put_summary(self, key: str, summary: ArticleSummary) -> None:
        self._call("put_summary", key, summary)

    def start_run(self, **kwargs: Any) -> int | None:
        return self._call("start_run", **kwargs)

    def log_attempt(self, run_id: int, **kwargs: Any) -> None:
        self._call("log_attempt", run_id, **kwargs)

    def finish_run(self, run_id: int, **kwargs: Any) -> None:
        self._call("finish_run", run_id, **kwargs)

    def close(self) -> None:
        if self.store is not None:
            self._call("close")

    def __enter__(self) -> SafeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def guarded(store: Any, warn: Callable[[str], None] | None = None) -> SafeStore | None:
    """`store` as a SafeStore (as is when it already is one); None stays None."""
    if store is None or isinstance(store, SafeStore):
        return store
    return SafeStore(store, warn=warn)


@contextmanager
def readonly_store(path: Path) -> Iterator[Any]:
    """The Store at `path` opened read-only (never migrated, never written): for `logs` and
    `cache stats`. No file yet: an empty in-memory store. A file that cannot be read, when
    opened or while read, raises one SummarizerError line naming the path and the fix."""

    path = Path(path)
    try:
        store = Store(path, readonly=True) if path.exists() else Store(Path(MEMORY))
        with store:
            store.check()
            yield store
    except STORE_ERRORS as exc:
        raise SummarizerError(store_problem(path, exc)) from None


def read_store(path: Path, read: Callable[[Any], T], missing: T) -> T:
    """`read(store)` on the file at `path` opened read-only (never migrated); `missing` when there
    is no file yet. A file that cannot be read raises one SummarizerError line naming path and fix."""

    path = Path(path)
    if not path.exists():
        return missing
    try:
        with Store(path, readonly=True) as store:
            store.check()
            return read(store)
    except STORE_ERRORS as exc:
        raise SummarizerError(store_problem(path, exc)) from None


def clear_cache(path: Path) -> str:
    """Empty the cache; a file that is not a database is set aside (`<name>.corrupt`) instead."""

    path = Path(path)
    try:
        with Store(path) as store:
            return f"removed {store.clear_cache()} cached summaries"
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if not ("not a database" in text or "malformed" in text):
            raise SummarizerError(store_problem(path, exc)) from None
        aside = path.with_name(path.name + ".corrupt")
        for suffix in ("", "-wal", "-shm"):
            part = path.with_name(path.name + suffix)
            if part.exists():
                part.replace(aside.with_name(aside.name + suffix))
        return f"{path} was not a usable database ({exc}); moved it to {aside}, a fresh one starts on the next run"
    except OSError as exc:
        raise SummarizerError(store_problem(path, exc)) from None
