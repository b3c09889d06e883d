"""Any OpenAI-compatible chat API: OpenAI itself, vLLM, Ollama, llama.cpp's server.

Response formats (`--response-format`):
- `json_schema`: OpenAI structured outputs (and vLLM); the default against api.openai.com.
- `json_object`: `{"type": "json_object", "schema": ...}`; llama.cpp's server compiles it into a
  grammar (it rejects `json_schema` with a 500). The default for any other --base-url.
- `json`: plain JSON mode, schema described in the prompt, for servers with neither.
"""

from __future__ import annotations

from typing import Any

import instructor
import openai
from openai._types import RequestOptions
from openai.types.chat import ChatCompletion

from summarizer.backends.base import ChatReply, InstructorBackend, json_object_format
from summarizer.backends.context import API_CONTEXT_TOKENS
from summarizer.backends.retry import EmptyReplyError, RetryPolicy, with_retries
from summarizer.backends.wire import Wire
from summarizer.config import Settings
from summarizer.errors import ConfigError
from summarizer.schema import Tokens

DEFAULT_MODEL = "gpt-4o-mini"
# The request keys our calls send. A request of only these, with plain text messages, is posted
# as it is: the SDK's `create` would first walk it through its TypedDict transform, which for
# such a request changes nothing and cost ~0.45 ms of CPU per call (bench/RESULTS.md).
_PLAIN_KEYS = frozenset({"messages", "model", "max_tokens", "temperature", "response_format", "extra_body"})
_PLAIN_MESSAGE_KEYS = frozenset({"role", "content", "name"})
_SECURITY = "security" in RequestOptions.__annotations__  # openai >= 2: auth is asked for per request


class OpenAIBackend(InstructorBackend):
    """The `openai` backend: the OpenAI API or any OpenAI-compatible server (--base-url), with our retries."""

    name = "openai"

    def __init__(self, settings: Settings, client: openai.OpenAI | None = None) -> None:
        if client is None and not settings.api_key and not settings.base_url:
            raise ConfigError(
                "the openai backend needs an API key: set OPENAI_API_KEY (or SUMMARIZER_API_KEY), "
                "or point --base-url at an OpenAI-compatible server"
            )
        self.model = settings.model or DEFAULT_MODEL
        self.base_url = settings.base_url
        self.where = settings.base_url or "the OpenAI API"
        self.client = client or openai.OpenAI(
            api_key=settings.api_key or "not-needed",
            base_url=settings.base_url,
            timeout=settings.timeout_s,
            max_retries=0,  # tenacity in retry.py owns retries
        )
        # A plain-http server (llama.cpp's, vLLM's, a loopback one) is posted to over http.client:
        # the SDK's request path costs 1.1 ms more CPU per call (wire.py). Not for a client passed in.
        self.wire = None if client is not None else \
            Wire.for_url(self.client, settings.base_url, settings.api_key or "not-needed", settings.timeout_s)
        self.policy = RetryPolicy(settings.transport_retries, settings.retry_max_wait_s, settings.retry_total_s)
        self.response_format = _pick_format(settings.response_format, settings.base_url)
        self.mode = instructor.Mode.JSON if self.response_format == "json" else instructor.Mode.JSON_SCHEMA
        self.sampling: dict[str, Any] = {"temperature": settings.temperature}
        if settings.base_url:  # llama.cpp and vLLM take it; OpenAI would reject it
            self.sampling["extra_body"] = {"repeat_penalty": settings.repeat_penalty}
        self.transport_retries = 0
        self.context_tokens = API_CONTEXT_TOKENS  # SUMMARIZER_N_CTX overrides (backends/context.py)

    def _chat(self, **kwargs: Any) -> ChatReply:
        if self.response_format == "json_object":
            kwargs["response_format"] = json_object_format(kwargs.get("response_format"))
        kwargs = {**self.sampling, **kwargs, "model": self.model}

        def count_retry(_exc: BaseException) -> None:
            self.transport_retries += 1

        def create() -> Any:
            completion = self._post(kwargs)
            if not completion.choices:
                raise EmptyReplyError("the reply had no choices")
            return completion

        completion = with_retries(create, self.policy, where=self.where, on_retry=count_retry)
        usage = completion.usage
        tokens = Tokens(prompt=usage.prompt_tokens, completion=usage.completion_tokens) if usage else Tokens()
        choice = completion.choices[0]
        return ChatReply(completion, choice.message.content, tokens, choice.finish_reason)

    def _post(self, kwargs: dict[str, Any]) -> Any:
        """`client.chat.completions.create(**kwargs)`, without the no-op transform where it is one,
        and over the wire (wire.py) where the server is a plain-http one."""
        plain = _plain(kwargs)
        body = {k: v for k, v in kwargs.items() if k != "extra_body"}
        if plain and self.wire is not None:
            return self.wire.post({**body, **(kwargs.get("extra_body") or {})})  # extra_body: top-level keys
        if not (_SECURITY and isinstance(self.client, openai.OpenAI) and plain):
            return self.client.chat.completions.create(**kwargs)
        options: RequestOptions = {"security": {"bearer_auth": True}}
        if kwargs.get("extra_body") is not None:
            options["extra_json"] = kwargs["extra_body"]
        return self.client.post("/chat/completions", body=body, cast_to=ChatCompletion, options=options)


def _plain(kwargs: dict[str, Any]) -> bool:
    """Only the keys we send, and messages of text: what the SDK's transform passes through unchanged."""
    return kwargs.keys() <= _PLAIN_KEYS and all(
        isinstance(m, dict) and m.keys() <= _PLAIN_MESSAGE_KEYS and isinstance(m.get("content"), str)
        for m in kwargs.get("messages", ()))


def _pick_format(requested: str, base_url: str | None) -> str:
    if requested != "auto":
        return requested
    return "json_object" if base_url else "json_schema"
