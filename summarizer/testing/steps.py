"""The script of a FakeOpenAIServer: one Step per chat completion request, built by
reply(), status(), hang(), reset(), malformed(), truncated() and empty_choices().

A step says what the server does with the request it answers: a reply, an error status with
the OpenAI error JSON, a broken body, a hang past the client's timeout, or a TCP reset.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

# Valid against summarizer.schema.ArticleSummary (checked in the tests), so a pipeline test
# that scripts nothing still gets a summary.
DEFAULT_CONTENT: dict[str, Any] = {"headline": "Fake headline", "summary": "A fake summary from FakeOpenAIServer."}

_ERROR_SHAPES = {  # code -> (type, code, message) as the real API sends them
    400: ("invalid_request_error", None, "Bad request."),
    401: ("invalid_request_error", "invalid_api_key", "Incorrect API key provided."),
    403: ("invalid_request_error", "unsupported_country_region_territory", "Forbidden."),
    404: ("invalid_request_error", "model_not_found", "The model does not exist or you do not have access to it."),
    429: ("requests", "rate_limit_exceeded", "Rate limit reached. Please try again later."),
    500: ("server_error", None, "The server had an error while processing your request."),
    502: ("server_error", None, "Bad gateway."),
    503: ("server_error", None, "The engine is currently overloaded, please try again later."),
}


@dataclass(frozen=True)
class Step:
    """One scripted answer. Build with reply(), status(), hang(), reset(), malformed(), ..."""

    kind: str
    content: Any = None
    finish_reason: str = "stop"
    usage: tuple[int, int] = (10, 10)
    code: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    seconds: float = 0.0


def reply(
    content: str | dict, *, finish_reason: str = "stop", prompt_tokens: int = 10, completion_tokens: int = 10
) -> Step:
    """200 with one choice whose message content is `content` (a dict is sent as its JSON)."""
    text = json.dumps(content) if isinstance(content, dict) else content
    return Step("reply", content=text, finish_reason=finish_reason, usage=(prompt_tokens, completion_tokens))


def status(code: int, *, retry_after: float | None = None, body: dict | None = None) -> Step:
    """An error status with the OpenAI error JSON (or `body`), plus Retry-After when given."""
    headers = {}
    if retry_after is not None:
        # retry-after-ms wins in the SDK and keeps sub-second test delays exact.
        headers["retry-after"] = f"{retry_after:g}"
        headers["retry-after-ms"] = f"{retry_after * 1000:g}"
    return Step("status", code=code, headers=headers, body=body if body is not None else error_body(code))


def hang(seconds: float) -> Step:
    """Read the request, send nothing for `seconds` (past the client timeout), then close."""
    return Step("hang", seconds=seconds)


def reset() -> Step:
    """Read the request, then abort the TCP connection with an RST (SO_LINGER 0)."""
    return Step("reset")


def malformed(*, body: bool = False) -> Step:
    """200 whose message content is "{not json"; body=True breaks the HTTP body itself instead."""
    if body:
        return Step("raw", code=200, body="{not json")
    return reply("{not json")


def truncated(content: str, *, completion_tokens: int = 10) -> Step:
    """A reply cut off by max_tokens: finish_reason "length" and the (already cut) content."""
    return reply(content, finish_reason="length", completion_tokens=completion_tokens)


def empty_choices() -> Step:
    """200 with "choices": [] (seen from some gateways under load)."""
    return Step("empty")


def error_body(code: int, message: str | None = None, *, err_code: str | None = None) -> dict:
    type_, default_code, default_message = _ERROR_SHAPES.get(code, ("server_error", None, f"HTTP {code}"))
    return {
        "error": {
            "message": message or default_message,
            "type": type_,
            "param": None,
            "code": err_code or default_code,
        }
    }
