"""Backends behind one small protocol: `local` (embedded llama.cpp), `openai`, `fake`."""

from __future__ import annotations

from collections.abc import Callable

from summarizer.backends.base import Backend, CallRequest, CallResult
from summarizer.backends.fake import FakeBackend
from summarizer.config import Settings
from summarizer.errors import ConfigError

__all__ = ["Backend", "CallRequest", "CallResult", "FakeBackend", "make_backend"]


def make_backend(settings: Settings, progress: Callable[[int, int], None] | None = None) -> Backend:
    """The backend named by settings.backend; imports heavy modules only when chosen."""
    if settings.backend == "local":
        from summarizer.backends.local import LocalBackend

        return LocalBackend(settings, progress)
    if settings.backend == "openai":
        from summarizer.backends.openai import OpenAIBackend

        return OpenAIBackend(settings)
    if settings.backend == "fake":
        return FakeBackend(model=settings.model or "fake-model")
    raise ConfigError(f"unknown backend {settings.backend!r}; use --backend local, openai or fake")
