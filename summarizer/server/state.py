"""What the app's handlers share (`ServiceState`) and how its backend gets loaded and warmed up.

    ServiceState        settings, work gate, store, the backend once loaded; 503 until then
    load(state, factory) loads the backend in a thread at startup; /readyz reports the outcome

Split from app.py, which builds the app; routes.py reads this state in each request.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from summarizer.backends import Backend, make_backend
from summarizer.backends.local import LocalBackend
from summarizer.config import Settings
from summarizer.errors import SummarizerError
from summarizer.server.gate import WorkGate
from summarizer.server.middleware import Problem
from summarizer.server.models import SummaryRequest

__all__ = ["ServiceState", "load", "load_backend", "warm_up"]

log = logging.getLogger("summarizer.server")


@dataclass
class ServiceState:
    """What the app's handlers share: the settings, the work gate, the store and the backend once loaded."""

    settings: Settings
    gate: WorkGate
    timeout_s: float
    store: Any = None
    backend: Backend | None = None
    load_error: str | None = None

    def ready_backend(self) -> Backend:
        """The loaded backend, or a 503 saying it is still loading or failed to load."""
        if self.backend is not None:
            return self.backend
        if self.load_error:
            raise Problem(503, "NotReady", f"the backend failed to load: {self.load_error}")
        raise Problem(503, "NotReady", "the backend is still loading; retry shortly", {"Retry-After": "5"})

    def settings_for(self, request: SummaryRequest) -> Settings:
        """The server's settings with the request's options applied."""
        options = request.options
        if options is None:
            return self.settings
        changes = options.overrides()
        if options.cache is False:
            changes["cache"] = False
        return self.settings.replace(**changes)


def load_backend(settings: Settings) -> Backend:
    backend = make_backend(settings)
    if isinstance(backend, LocalBackend):
        backend.llama  # noqa: B018  the local backend loads its model lazily; ready means loaded
    return backend


async def load(state: ServiceState, factory: Callable[[], Backend]) -> None:
    try:
        backend = await asyncio.to_thread(factory)
        await asyncio.to_thread(warm_up, state.settings)
        state.backend = backend
        log.info("backend ready: %s/%s", state.backend.name, state.backend.model)
    except SummarizerError as exc:
        state.load_error = exc.message
        log.error("backend failed to load: %s", exc.message)
    except Exception as exc:  # noqa: BLE001  readiness must report it, not crash the event loop
        state.load_error = f"{type(exc).__name__}"
        log.error("backend failed to load: %s", "".join(traceback.format_exception(exc)))


def warm_up(settings: Settings) -> None:
    """One pipeline run on a fake backend, so that lazy imports (instructor loads its handlers
    on first use, about 2 s) happen before /readyz says ready, not in the first request."""
    from summarizer.backends.fake import FakeBackend
    from summarizer.pipeline import summarize

    try:
        summarize(_WARM_UP_TEXT, settings=settings.replace(cache=False, log=False), backend=FakeBackend())
    except Exception as exc:  # noqa: BLE001  a failed warm-up only costs the first request time
        log.warning("warm-up failed: %s", type(exc).__name__)


_WARM_UP_TEXT = (
    "The city council approved a budget of $4.2 million on Monday, the mayor said.\n\n"
    "\"This budget keeps the libraries open,\" Mayor Ana Ruiz told reporters after the vote."
)
