"""instructor's structured call without its per-call set-up (measured in bench/RESULTS.md).

`instructor.patch(create=...)(...)` redoes, on every call, work that depends only on the response
model or on the prompt text: it walks the model for async validators, rebuilds the model
(`prepare_response_model` makes a new class), regenerates its JSON schema, and compiles every
message as a fresh Jinja template. Per call that was about 2.5 ms of CPU of the ~14 ms an
article costs, and at concurrency 32 a batch is bound by that CPU (the GIL).

`structured_call` does the same steps in the same order with the same instructor functions, but
keeps what does not change: the prepared model and its schema per response model, and the
compiled template per message text. The retries, re-asks and parsing are instructor's own
`retry_sync_v2`, unchanged. Rendering is the same too: `dedent(template.render(**context))` in a
sandboxed environment, so an article's own braces are still data, never template syntax.
"""

from __future__ import annotations

import copy
import threading
from functools import lru_cache
from textwrap import dedent
from typing import Any

from instructor import Mode
from instructor.v2.core.messages import isolate_retry_kwargs
from instructor.v2.core.providers import Provider
from instructor.v2.core.registry import mode_registry
from instructor.v2.core.response_model import prepare_response_model
from instructor.v2.core.retry import retry_sync_v2
from instructor.v2.validation.async_validators import reject_async_validators
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel

_ENV = SandboxedEnvironment()  # instructor makes a default one per message; templates are env-independent
_ENV_LOCK = threading.Lock()  # compiling touches the environment's caches


@lru_cache(maxsize=256)
def _template(text: str) -> Any:
    with _ENV_LOCK:
        return _ENV.from_string(text)


def _render(text: str, context: dict[str, Any]) -> str:
    return dedent(_template(text).render(**context))


@lru_cache(maxsize=512)
def _prepared(response_model: type[BaseModel]) -> type[BaseModel]:
    """The model instructor validates against, built once per response model, with its JSON
    schema computed once (the request handler asks for it on every call; each caller gets a copy)."""
    reject_async_validators(response_model)
    prepared: Any = prepare_response_model(response_model)
    schema = prepared.model_json_schema()

    def model_json_schema(*_args: Any, **_kwargs: Any) -> dict[str, Any]:
        return _copied(schema)

    if prepared is not response_model:  # a subclass instructor made for us: ours to change
        prepared.model_json_schema = model_json_schema
    return prepared


def _copied(value: Any) -> Any:
    """A copy of a JSON value (dicts, lists, scalars), as `copy.deepcopy` makes it, in a fifth of the time."""
    if type(value) is dict:
        return {key: _copied(item) for key, item in value.items()}
    if type(value) is list:
        return [_copied(item) for item in value]
    if value is None or type(value) in (str, int, float, bool):
        return value
    return copy.deepcopy(value)


def structured_call(create: Any, *, mode: Mode, messages: list[dict[str, Any]], response_model: type[BaseModel],
                    context: dict[str, Any], max_retries: int, **kwargs: Any) -> Any:
    """What `instructor.patch(create=create, mode=mode)(messages=..., response_model=..., context=...,
    max_retries=..., **kwargs)` returns, for the OpenAI-shaped modes our backends use."""
    handlers = mode_registry.get_handlers(Provider.OPENAI, mode)
    model, request = handlers.request_handler(response_model=_prepared(response_model),
                                              kwargs={"messages": messages, **kwargs})
    request.pop("autodetect_images", None)
    if handlers.message_converter and "messages" in request:
        request["messages"] = handlers.message_converter(request["messages"], autodetect_images=False)
    if context and request.get("messages"):
        request["messages"] = [
            {**m, "content": _render(m["content"], context)} if isinstance(m.get("content"), str) else m
            for m in request["messages"]
        ]
    return retry_sync_v2(func=create, response_model=model, provider=Provider.OPENAI, mode=mode, context=context,
                         max_retries=max_retries, args=(), kwargs=isolate_retry_kwargs(request), strict=True)
