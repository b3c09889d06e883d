"""Test helpers shipped with the library, so users can test their own code against faults."""

from summarizer.testing.openai_server import FakeOpenAIServer
from summarizer.testing.steps import (
    DEFAULT_CONTENT,
    Step,
    empty_choices,
    hang,
    malformed,
    reply,
    reset,
    status,
    truncated,
)

__all__ = [
    "DEFAULT_CONTENT",
    "FakeOpenAIServer",
    "Step",
    "empty_choices",
    "hang",
    "malformed",
    "reply",
    "reset",
    "status",
    "truncated",
]
