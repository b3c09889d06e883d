"""The Backend protocol and the instructor plumbing every real backend shares.

A backend has one job: turn a `CallRequest` (messages, a response model, a validation
context) into a validated model plus what it cost. Transport retries live inside the
backend's `_chat` method; validation re-asks live in instructor. The two never mix:
a transport error is raised as a `BackendError` and is never fed back to the model.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

import instructor
from instructor.core.exceptions import (
    IncompleteOutputException,
    InstructorRetryException,
)
from pydantic import BaseModel

from summarizer.backends.attempt import Attempt
from summarizer.backends.retry import recording
from summarizer.backends.structured import structured_call
from summarizer.errors import (
    BackendError,
    BudgetError,
    ExtractionError,
    SummarizerError,
)
from summarizer.schema import Tokens

T = TypeVar("T", bound=BaseModel)

# instructor logs every failed attempt at ERROR; we report failures ourselves (one line at the
# CLI, the run log for detail), so its records must not reach stderr through logging's
# last-resort handler. A user who configures logging still sees them.
logging.getLogger("instructor").addHandler(logging.NullHandler())


class TruncatedOutputError(ExtractionError):
    """The model hit max_tokens; re-asking the same request would hit it again."""


@dataclass
class CallRequest(Generic[T]):
    """One structured LLM call: messages (templated with `context`), the model the answer must
    validate against, and its limits."""

    messages: list[dict[str, str]]
    response_model: type[T]
    context: dict[str, Any] = field(default_factory=dict)
    stage: str = "extract"
    max_reasks: int = 2
    max_tokens: int = 700
    token_budget: int | None = None  # tokens left for this article
    spent_before: int = 0  # tokens the article spent before this call (for an honest BudgetError)


@dataclass
class CallResult(Generic[T]):
    """A validated answer, the tokens it cost and every attempt made for it."""

    output: T
    tokens: Tokens
    attempts: list[Attempt]

    @property
    def reasks(self) -> int:
        """Attempts that were re-asked after an invalid answer."""
        return sum(1 for a in self.attempts if a.outcome == "reask")


@runtime_checkable
class Backend(Protocol):
    """What the pipeline needs of a backend: a name and a model for meta, and `call()`."""

    name: str
    model: str

    def call(self, request: CallRequest[T]) -> CallResult[T]:
        """Return a validated `request.response_model`, re-asking on validation errors."""
        ...


@dataclass
class ChatReply:
    """The provider-neutral part of a chat completion that the run log needs."""

    completion: Any  # an openai ChatCompletion (instructor parses it)
    content: str | None
    tokens: Tokens
    finish_reason: str | None


class InstructorBackend:
    """Shared `call()` for backends whose `_chat(**kwargs)` returns an OpenAI-shaped completion."""

    name = "base"
    model = ""
    mode = instructor.Mode.JSON_SCHEMA

    def _chat(self, **kwargs: Any) -> ChatReply:  # pragma: no cover - abstract
        raise NotImplementedError

    def call(self, request: CallRequest[T]) -> CallResult[T]:
        log = _CallLog(self, request)
        try:
            output = structured_call(
                log.create,
                mode=self.mode,
                messages=request.messages,
                response_model=request.response_model,
                context=request.context,
                max_retries=request.max_reasks,
                max_tokens=request.max_tokens,
            )
        except IncompleteOutputException as exc:
            raise TruncatedOutputError(
                f"the model's output hit max_tokens={request.max_tokens} in stage {request.stage!r}; "
                "raise --max-tokens or SUMMARIZER_MAX_TOKENS",
                attempts=log.attempts, tokens=log.spent, stage=request.stage,
            ) from exc
        except InstructorRetryException as exc:
            raise _retry_failure(exc, request, log) from None
        return CallResult(output=output, tokens=log.spent, attempts=log.attempts)


class _CallLog:
    """The `create` instructor calls: checks the budget, calls `_chat`, records every attempt."""

    def __init__(self, backend: InstructorBackend, request: CallRequest[Any]) -> None:
        self.backend, self.request = backend, request
        self.attempts: list[Attempt] = []
        self.spent = Tokens()

    def create(self, **kwargs: Any) -> Any:
        request, attempts = self.request, self.attempts
        if request.token_budget is not None and self.spent.total >= request.token_budget:
            used = request.spent_before + self.spent.total
            raise BudgetError(
                f"the article's token budget of {request.spent_before + request.token_budget} is spent "
                f"({used} tokens used, stopped before stage {request.stage!r}); "
                "raise --token-budget or SUMMARIZER_TOKEN_BUDGET",
                tokens=self.spent, attempts=list(attempts), stage=request.stage,
            )
        started = time.perf_counter()
        try:
            with recording() as requests:
                reply = self.backend._chat(**kwargs)
        except BackendError as exc:
            attempts.append(Attempt(request.stage, list(kwargs.get("messages", [])), None, Tokens(),
                                    time.perf_counter() - started, None, "transport_error", exc.message,
                                    transport=requests))
            raise
        self.spent = self.spent + reply.tokens
        if attempts and attempts[-1].outcome == "ok":
            attempts[-1].outcome = "reask"
            attempts[-1].detail = _reask_reason(kwargs.get("messages", []))
        attempts.append(
            Attempt(
                stage=request.stage,
                messages=list(kwargs.get("messages", [])),
                response=reply.content,
                tokens=reply.tokens,
                latency_s=time.perf_counter() - started,
                finish_reason=reply.finish_reason,
                outcome="truncated" if reply.finish_reason == "length" else "ok",
                transport=requests,
            )
        )
        return reply.completion


def _retry_failure(exc: InstructorRetryException, request: CallRequest[Any], log: _CallLog) -> SummarizerError:
    """What instructor's give-up means: our own error raised inside a call, or invalid output."""
    attempts = log.attempts
    cause = exc.__cause__
    if isinstance(cause, SummarizerError):
        if not cause.attempts:
            cause.attempts = attempts
        return cause
    if attempts:
        attempts[-1].outcome = "invalid"
        attempts[-1].detail = str(cause or exc)[:2000]
    return ExtractionError(
        f"stage {request.stage!r} still invalid after {len(attempts)} attempts: "
        f"{_first_line(str(cause or exc))}; raise --max-reasks or SUMMARIZER_MAX_REASKS",
        attempts=attempts, tokens=log.spent, last_response=attempts[-1].response if attempts else None,
        stage=request.stage,
    )


def _reask_reason(messages: list[dict[str, Any]]) -> str | None:
    """instructor appends the validation error as the last user message of a re-ask."""
    for message in reversed(messages):
        if message.get("role") == "user":
            return str(message.get("content", ""))[:2000]
    return None


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:300] if text.strip() else "no detail"


def completion_from_content(content: str, *, model: str, prompt_tokens: int, completion_tokens: int,
                            finish_reason: str = "stop") -> Any:
    """Build an openai ChatCompletion object, so fakes and local calls parse like the API's."""
    from openai.types.chat import ChatCompletion

    return ChatCompletion.model_validate(
        {
            "id": "chatcmpl-local",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "finish_reason": finish_reason,
                    "message": {"role": "assistant", "content": content},
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
    )


def json_object_format(response_format: Any) -> Any:
    """instructor's JSON_SCHEMA format -> llama.cpp's grammar-constrained `json_object` + schema.

    llama-cpp-python ignores `{"type": "json_schema"}` in-process and its server rejects it,
    but both compile `{"type": "json_object", "schema": ...}` into a grammar.
    """
    if isinstance(response_format, dict) and response_format.get("type") == "json_schema":
        schema = response_format.get("json_schema", {}).get("schema", {})
        return {"type": "json_object", "schema": schema}
    return response_format


def dump_content(value: BaseModel | dict | str) -> str:
    if isinstance(value, BaseModel):
        return value.model_dump_json()
    if isinstance(value, dict):
        return json.dumps(value)
    return value
