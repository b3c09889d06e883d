"""Running a batch: worker threads around the blocking pipeline, one writer, paced requests.

Concurrency is plain threads: every backend is synchronous and thread-safe (LocalBackend
serialises on its own lock) and the work is waiting on the API. asyncio + to_thread runs the
same threads underneath plus an event loop; measured with bench/bench_api_throughput.py
--asyncio it was no faster (64.6 against 76.8 articles/s at concurrency 32): both stop at the
same ceiling, one core's worth of the pipeline's per-article CPU (the GIL). An AsyncOpenAI path
would not lift it: a bare request costs the same client CPU on AsyncOpenAI as on the sync client
in threads (--sdk: 1.5 against 1.4 ms). So threads stay. What lowers that CPU is the workers'
spaCy parses sharing batches (`summarizer.candidates.parse.Batcher`): with many threads in
flight, the parses that meet are run as one `nlp.pipe` call; and, to a plain-http server, the
request going out over http.client instead of the SDK's stack (0.3 against 1.0-1.4 ms a
request, `summarizer.backends.wire`).
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from summarizer.backends import Backend
from summarizer.batch.io import Item, JsonlWriter
from summarizer.config import Settings
from summarizer.errors import (
    ConfigError,
    PermanentBackendError,
    SummarizerError,
)
from summarizer.schema import Tokens
from summarizer.scrub import scrub

ABORT_AFTER = 10  # this many wrong-key / unknown-model failures, and nothing else yet: stop
_FATAL = (PermanentBackendError, ConfigError)  # errors that would repeat for every article


@dataclass
class Record:
    """The outcome of one article: exactly one output line."""

    id: str
    summary: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    tokens: Tokens = field(default_factory=Tokens)
    text: str | None = None  # the cleaned text; the writer keeps it only with --include-text
    fatal: bool = False  # the error would repeat for every article (wrong key, unknown model)

    def line(self) -> dict[str, Any]:
        if self.error:
            return {"id": self.id, "error": self.error}
        return {"id": self.id, "summary": self.summary, **({"text": self.text} if self.text is not None else {})}


@dataclass
class BatchStats:
    total: int = 0  # articles in the input
    skipped: int = 0  # already in the output (--resume)
    ok: int = 0
    failed: int = 0
    tokens: Tokens = field(default_factory=Tokens)
    errors: Counter = field(default_factory=Counter)  # error type -> count
    started: float = field(default_factory=time.perf_counter)
    fatal_streak: int = 0

    @property
    def elapsed_s(self) -> float:
        return time.perf_counter() - self.started

    def add(self, record: Record) -> None:
        self.tokens = self.tokens + record.tokens
        if record.error is None:
            self.ok += 1
        else:
            self.failed += 1
            self.errors[record.error["type"]] += 1
        self.fatal_streak = self.fatal_streak + 1 if record.fatal and not self.ok else 0


def default_concurrency(settings: Settings) -> int:
    # llama.cpp on a laptop is compute-bound and the backend holds a lock: more threads only queue.
    return 1 if settings.backend == "local" else 8


class TokenBucket:
    """A requests-per-minute limit shared by all workers. Burst 1: requests start 60/rpm s
    apart, so no minute sees more than rpm (+1) of them, whatever the concurrency."""

    def __init__(self, rpm: float, burst: float = 1.0) -> None:
        if rpm <= 0:
            raise ConfigError(f"--rpm must be positive, got {rpm:g}")
        self.rate, self.capacity, self.tokens = rpm / 60.0, burst, burst
        self.stamp = time.monotonic()
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Take a token, sleeping until it is due; returns the seconds waited."""
        with self._lock:
            now = time.monotonic()
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now
            self.tokens -= 1  # reserve now, even into debt: waiters are served in arrival order
            wait = -self.tokens / self.rate if self.tokens < 0 else 0.0
        if wait:
            time.sleep(wait)
        return wait


def pace(backend: Backend, bucket: TokenBucket) -> Backend:
    """Make every chat request of `backend` take a token first: instructor backends are paced
    on `_chat`, so re-asks count as the API counts them; any other backend per `call`."""
    name = "_chat" if hasattr(backend, "_chat") else "call"
    inner = getattr(backend, name)

    def paced(*args: Any, **kwargs: Any) -> Any:
        bucket.acquire()
        return inner(*args, **kwargs)

    setattr(backend, name, paced)
    return backend


def summarize_item(item: Item, *, settings: Settings, backend: Backend, store: Any = None) -> Record:
    """Run the pipeline on one item; never raises (a failure becomes the record's error)."""
    from summarizer.pipeline import summarize

    if item.error is not None:
        return Record(item.id, error=item.error)
    try:
        published = dt.date.fromisoformat(item.published) if item.published else None
        result = summarize(item.source(), settings=settings, backend=backend, published=published,
                           kind=item.kind, store=store, include_text=True)
        summary = result.summary
    except SummarizerError as exc:
        tokens = sum((a.tokens for a in exc.attempts), Tokens())
        error = {"type": exc.type, "message": scrub(exc.message), "attempts": len(exc.attempts)}
        return Record(item.id, error=error, tokens=tokens, fatal=isinstance(exc, _FATAL))
    except Exception as exc:  # a bug on one article must not end a 10,000-article run
        return Record(item.id, error={"type": type(exc).__name__, "message": scrub(str(exc))[:1000], "attempts": 0})
    return Record(item.id, summary=summary.model_dump(mode="json"), tokens=summary.meta.tokens, text=result.text)


def run_batch(
    items: Iterable[Item],
    writer: JsonlWriter,
    *,
    settings: Settings,
    backend: Backend,
    concurrency: int | None = None,
    rpm: float | None = None,
    store: Any = None,
    on_record: Callable[[Record, BatchStats], None] | None = None,
) -> BatchStats:
    """Summarise the items not yet in the output; each result is written as soon as it is done."""
    items = list(items)
    todo = [item for item in items if item.id not in writer.done]
    stats = BatchStats(total=len(items), skipped=len(items) - len(todo))
    if rpm:
        pace(backend, TokenBucket(rpm))

    def work(item: Item) -> Record:
        return summarize_item(item, settings=settings, backend=backend, store=store)

    run_threads(todo, work, lambda record: emit(record, writer, stats, on_record, len(todo)),
                concurrency or default_concurrency(settings))
    return stats


def emit(record: Record, writer: JsonlWriter, stats: BatchStats,
         on_record: Callable[[Record, BatchStats], None] | None, todo: int) -> None:
    """Write one record (the caller is the single writer) and stop a run that cannot succeed."""
    writer.write(record.line())
    stats.add(record)
    if on_record:
        on_record(record, stats)
    if stats.fatal_streak >= min(ABORT_AFTER, todo) and record.error:
        raise PermanentBackendError(f"stopping: the first {stats.fatal_streak} articles all failed with "
                                    f"{record.error['type']}: {record.error['message']}")


def run_threads(items: list[Item], work: Callable[[Item], Record], emit: Callable[[Record], None],
                concurrency: int) -> None:
    """`concurrency` worker threads run `work`; only the calling thread calls `emit`.

    Daemon threads, not a ThreadPoolExecutor: on Ctrl-C the process must exit now, not after
    every in-flight request and its retries; records already finished are still emitted.
    """
    todo: queue.SimpleQueue[Item] = queue.SimpleQueue()
    for item in items:
        todo.put(item)
    results: queue.SimpleQueue[Record] = queue.SimpleQueue()
    stop = threading.Event()

    def worker() -> None:
        while not stop.is_set():
            try:
                item = todo.get_nowait()
            except queue.Empty:
                return
            try:
                record = work(item)
            except BaseException as exc:  # never lose an item: a dead worker would hang the run
                record = Record(item.id, error={"type": type(exc).__name__, "message": scrub(str(exc)), "attempts": 0})
            results.put(record)

    for n in range(max(1, min(concurrency, len(items)))):
        threading.Thread(target=worker, name=f"batch-{n}", daemon=True).start()
    pending = len(items)
    try:
        while pending:
            try:
                record = results.get(timeout=0.2)  # a timeout keeps Ctrl-C responsive
            except queue.Empty:
                continue
            pending -= 1
            emit(record)
    finally:
        stop.set()
        while True:  # on an interrupt: articles that finished meanwhile are kept, not lost
            try:
                record = results.get_nowait()
            except queue.Empty:
                break
            try:
                emit(record)
            except SummarizerError:
                pass
