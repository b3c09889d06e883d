"""Bounded work: N pipeline threads plus a short queue; anything beyond is refused at once.

The pipeline is blocking (llama.cpp, HTTP calls), so it runs in threads. A dedicated pool,
rather than anyio's shared one, because the bound must count *real* work: a request that
times out returns 504 but its thread runs on until the pipeline finishes, and the slot
stays taken until then (a thread cannot be killed). Counting admitted jobs until their
future completes is what keeps the server from queueing without bound.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class Busy(Exception):
    """Every worker is busy and the queue is full."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"busy; retry after {retry_after_s} s")
        self.retry_after_s = retry_after_s


class Timeout(Exception):
    """The job did not finish (or start) within the request timeout."""


class WorkGate:
    def __init__(self, workers: int, queue: int) -> None:
        if workers < 1 or queue < 0:
            raise ValueError("workers must be >= 1 and queue >= 0")
        self.workers = workers
        self.capacity = workers + queue
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="summarize")
        self._lock = threading.Lock()
        self._admitted = 0
        self._avg_s: float | None = None  # moving average of job run time, for Retry-After

    @property
    def admitted(self) -> int:
        return self._admitted

    def retry_after(self) -> int:
        """Seconds until a slot is likely free: the queue ahead, drained at the average job time."""
        avg = self._avg_s if self._avg_s is not None else 5.0
        return max(1, min(300, math.ceil(avg * self._admitted / self.workers)))

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        with self._lock:
            if self._admitted >= self.capacity:
                raise Busy(self.retry_after())
            self._admitted += 1
        try:
            future = self._pool.submit(self._timed, fn, *args)
        except BaseException:
            self._release(None)
            raise
        # Also fires when a queued future is cancelled, so a timed-out waiter frees its slot.
        future.add_done_callback(self._release)
        return future

    async def run(self, fn: Callable[..., T], *args: Any, timeout_s: float) -> T:
        """Run fn(*args) in a worker; raise Busy at once when full, Timeout after timeout_s."""
        future = self.submit(fn, *args)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout_s)
        except asyncio.TimeoutError:
            future.cancel()  # succeeds only while still queued; a running job finishes in the background
            raise Timeout() from None
        except asyncio.CancelledError:  # the client went away: a queued job need not run at all
            future.cancel()
            raise

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _timed(self, fn: Callable[..., T], *args: Any) -> T:
        started = time.perf_counter()
        try:
            return fn(*args)
        finally:
            took = time.perf_counter() - started
            with self._lock:
                self._avg_s = took if self._avg_s is None else 0.8 * self._avg_s + 0.2 * took

    def _release(self, _future: Future[Any] | None) -> None:
        with self._lock:
            self._admitted -= 1
