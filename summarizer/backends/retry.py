"""Transport retries (tenacity). Our layer owns them: the openai SDK runs with max_retries=0,
so a request is retried by one policy, not 3 x 3 times.

Retried: 429 (honouring Retry-After), 408, 409, 5xx, connection errors and timeouts.
Backoff is exponential with jitter, bounded by count and by total time.

Every HTTP request is recorded (`Request`: try number, status, latency, error) in the list
`recording()` opens for the current thread, so the run log shows each one under its call.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

import openai
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
)
from tenacity.wait import wait_exponential_jitter

from summarizer.errors import PermanentBackendError, TransientBackendError
from summarizer.scrub import scrub

T = TypeVar("T")
RETRY_STATUS = {408, 409, 429}


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4  # retries after the first try
    max_wait_s: float = 30.0
    total_s: float = 120.0
    initial_s: float = 0.5


@dataclass(frozen=True)
class Request:
    """One HTTP request of a call, as the run log records it: `status` is None without a reply."""

    n: int
    status: int | None
    latency_s: float
    outcome: str  # ok | error
    error: str | None = None


_requests: ContextVar[list[Request] | None] = ContextVar("transport_requests", default=None)


@contextmanager
def recording() -> Iterator[list[Request]]:
    """Collect every HTTP request `with_retries` makes in this thread (context) into a list."""
    requests: list[Request] = []
    token = _requests.set(requests)
    try:
        yield requests
    finally:
        _requests.reset(token)


def _recorded(fn: Callable[[], T]) -> Callable[[], T]:
    def timed() -> T:
        requests = _requests.get()
        started = time.perf_counter()
        try:
            result = fn()
        except Exception as exc:
            if requests is not None:
                requests.append(Request(len(requests) + 1, getattr(exc, "status_code", None),
                                        time.perf_counter() - started, "error",
                                        scrub(f"{type(exc).__name__}: {exc}")[:500]))
            raise
        if requests is not None:
            requests.append(Request(len(requests) + 1, 200, time.perf_counter() - started, "ok"))
        return result

    return timed


class EmptyReplyError(Exception):
    """A 200 whose body has no usable choice: a server-side hiccup, worth one more try."""


def is_transient(exc: BaseException) -> bool:
    # A body that is not JSON reaches us as JSONDecodeError from the SDK, not as an API error.
    if isinstance(exc, (openai.APIConnectionError, openai.APITimeoutError, EmptyReplyError, json.JSONDecodeError)):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in RETRY_STATUS or exc.status_code >= 500
    return False


def retry_after_s(exc: BaseException) -> float | None:
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _wait(policy: RetryPolicy) -> Callable[[RetryCallState], float]:
    backoff = wait_exponential_jitter(multiplier=policy.initial_s, max=policy.max_wait_s)

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = retry_after_s(exc) if exc else None
        return min(policy.max_wait_s, hinted) if hinted is not None else backoff(state)

    return wait


def with_retries(fn: Callable[[], T], policy: RetryPolicy, *, where: str,
                 on_retry: Callable[[BaseException], None] | None = None) -> T:
    """Run fn, retrying transient transport errors; map the final failure to our error tree."""
    retrying = Retrying(
        retry=retry_if_exception(is_transient),
        stop=stop_after_attempt(policy.attempts + 1) | stop_after_delay(policy.total_s),
        wait=_wait(policy),
        before_sleep=_before_sleep(on_retry) if on_retry else None,
        reraise=True,
    )
    try:
        return retrying(_recorded(fn))
    except openai.APIStatusError as exc:
        raise _status_error(exc, where) from None
    except (EmptyReplyError, json.JSONDecodeError) as exc:
        raise TransientBackendError(
            f"{where} kept answering with an unusable body ({type(exc).__name__}: {scrub(str(exc))[:200]}); "
            "retry later",
            where=where,
        ) from None
    except (openai.APIConnectionError, openai.APITimeoutError) as exc:
        raise TransientBackendError(
            f"cannot reach {where} ({type(exc).__name__}) after {policy.attempts + 1} tries; "
            "check --base-url / OPENAI_BASE_URL, or raise --timeout / SUMMARIZER_TIMEOUT_S",
            where=where,
        ) from None



def _before_sleep(on_retry: Callable[[BaseException], None]) -> Callable[[RetryCallState], None]:
    def before_sleep(state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        if exc is not None:
            on_retry(exc)

    return before_sleep


def _status_error(exc: openai.APIStatusError, where: str) -> Exception:
    code = exc.status_code
    detail = _detail(exc)
    if code in (401, 403):
        return PermanentBackendError(
            f"{where} refused the API key ({code}: {detail}); set OPENAI_API_KEY or SUMMARIZER_API_KEY",
            where=where, status=code,
        )
    if code == 404:
        return PermanentBackendError(
            f"{where} does not know that model ({detail}); pick another with --model or SUMMARIZER_MODEL",
            where=where, status=code,
        )
    if is_transient(exc):
        return TransientBackendError(
            f"{where} kept failing with {code} ({detail}) through every retry; retry later, or "
            "allow more retries with SUMMARIZER_TRANSPORT_RETRIES and SUMMARIZER_RETRY_TOTAL_S",
            where=where, status=code,
        )
    return PermanentBackendError(f"{where} rejected the request ({code}: {detail})", where=where,
                                 status=code)


def _detail(exc: openai.APIStatusError) -> str:
    body = exc.body if isinstance(exc.body, dict) else {}
    error = body.get("error", body) if isinstance(body, dict) else {}
    message = error.get("message") if isinstance(error, dict) else None
    return scrub(str(message or exc.message))[:200]  # an upstream 401 may quote the key back
