"""A public test double: canned or function-driven responses through the real instructor path.

    from summarizer.backends.fake import FakeBackend
    backend = FakeBackend([{"headline": ...}, ...])          # canned, consumed in order
    backend = FakeBackend(lambda request: {...})              # computed from the request
    backend = FakeBackend()                                   # a plausible answer built from the
                                                              # deterministic candidates in the prompt

Responses are serialised to JSON and parsed and validated by instructor exactly as a real
model's would be, so re-asks, validators and the run log behave the same. A response may
also be an exception instance, which is raised as the transport would raise it.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel

from summarizer.backends.base import (
    CallRequest,
    CallResult,
    ChatReply,
    InstructorBackend,
    completion_from_content,
    dump_content,
)
from summarizer.schema import Tokens

Response = BaseModel | dict | str | Exception
ResponseFn = Callable[[CallRequest[Any]], Response]


class FakeBackend(InstructorBackend):
    """The `fake` backend and test double: canned, computed or candidate-built answers (module docstring)."""

    name = "fake"

    def __init__(
        self,
        responses: Iterable[Response] | ResponseFn | None = None,
        *,
        model: str = "fake-model",
        delay_s: float = 0.0,
    ) -> None:
        self.model = model
        self.delay_s = delay_s
        self.calls: list[CallRequest[Any]] = []
        self._lock = threading.Lock()
        self._fn: ResponseFn | None = None
        self._queue: deque[Response] = deque()
        if callable(responses):
            self._fn = responses
        elif responses is not None:
            self._queue.extend(responses)
        self._local = threading.local()

    def call(self, request: CallRequest[Any]) -> CallResult[Any]:
        with self._lock:
            self.calls.append(request)
        self._local.request = request
        return super().call(request)

    def _next(self, request: CallRequest[Any]) -> Response:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        if self._fn is not None:
            return self._fn(request)
        from summarizer.backends.fake_answers import plausible_answer

        return plausible_answer(request)

    def _chat(self, **kwargs: Any) -> ChatReply:
        if self.delay_s:
            time.sleep(self.delay_s)
        response = self._next(self._local.request)
        if isinstance(response, Exception):
            raise response
        content = dump_content(response)
        prompt_tokens = sum(len(str(m.get("content", ""))) for m in kwargs.get("messages", [])) // 4
        tokens = Tokens(prompt=prompt_tokens, completion=max(1, len(content) // 4))
        completion = completion_from_content(
            content, model=self.model, prompt_tokens=tokens.prompt, completion_tokens=tokens.completion
        )
        return ChatReply(completion=completion, content=content, tokens=tokens, finish_reason="stop")
