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
    messages: list[dict[str, str]]
    response_model: type[T]
    context: dict[str, Any] = field(default_factory=dict)
    stage: str = "extract"
    max_reasks: int = 2
    max_tokens: int = 700
    token_budget: int | None = None  # tokens left for this article


@dataclass
class Attempt:
    """One LLM call, as the run log records it."""

    stage: str
    messages: list[dict[str, str]]
    response: str | None
    tokens: Tokens
    latency_s: float
    finish_reason: str | None
    outcome: str = "ok"  # ok | reask | invalid | truncated | transport_error
    detail: str | None = None


@dataclass
class CallResult(Generic[T]):
    output: T
    tokens: Tokens
    attempts: list[Attempt]

    @property
    def reasks(self) -> int:
        return sum(1 for a in self.attempts if a.outcome == "reask")


@runtime_checkable
class Backend(Protocol):
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
        attempts: list[Attempt] = []
        spent = Tokens()

        def create(**kwargs: Any) -> Any:
            nonlocal spent
            if request.token_budget is not None and spent.total >= request.token_budget:
                raise BudgetError(
                    f"the article's token budget is spent ({spent.total} tokens in stage {request.stage!r}); "
                    "raise --token-budget or SUMMARIZER_TOKEN_BUDGET",
                    tokens=spent, attempts=list(attempts), stage=request.stage,
                )
            started = time.perf_counter()
            try:
                reply = self._chat(**kwargs)
            except BackendError as exc:
                attempts.append(Attempt(request.stage, list(kwargs.get("messages", [])), None, Tokens(),
                                        time.perf_counter() - started, None, "transport_error", exc.message))
                raise
            spent = spent + reply.tokens
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
                )
            )
            return reply.completion

        patched = instructor.patch(create=create, mode=self.mode)
        try:
            output = patched(
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
                attempts=attempts, tokens=spent, stage=request.stage,
            ) from exc
        except InstructorRetryException as exc:
            cause = exc.__cause__
            if isinstance(cause, SummarizerError):
                if not cause.attempts:
                    cause.attempts = attempts
                raise cause from None
            if attempts:
                attempts[-1].outcome = "invalid"
                attempts[-1].detail = str(cause or exc)[:2000]
            raise ExtractionError(
                f"stage {request.stage!r} still invalid after {len(attempts)} attempts: "
                f"{_first_line(str(cause or exc))}; raise --max-reasks or SUMMARIZER_MAX_REASKS",
                attempts=attempts, tokens=spent, last_response=attempts[-1].response if attempts else None,
                stage=request.stage,
            ) from None
        return CallResult(output=output, tokens=spent, attempts=attempts)


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
