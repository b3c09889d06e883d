"""Options that several commands share, declared once, and the one way they become `Settings`.

Each help text names the environment variable the option overrides, so `--help` and the
README's configuration table tell the same story. A command names the groups it takes with
`@shared_options(...)`, which adds them to its signature for typer (after the command's own
parameter each group is keyed by, so `--help` keeps its order) and hands the command one
`Shared` in their place; `Shared.load()` then builds `Settings` alike in every command.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, TypeVar

import typer

from summarizer.config import Settings

BackendOpt = typer.Option(None, "--backend", "-b", help="local (default), openai or fake. Env: SUMMARIZER_BACKEND")
ModelOpt = typer.Option(None, "--model", "-m", help="Model name for the backend. Env: SUMMARIZER_MODEL")
BaseUrlOpt = typer.Option(None, "--base-url", help="OpenAI-compatible server URL. Env: OPENAI_BASE_URL")
ModelPathOpt = typer.Option(None, "--model-path", help="Any GGUF for the local backend. Env: SUMMARIZER_MODEL_PATH")
ResponseFormatOpt = typer.Option(None, "--response-format", help="auto | json_schema | json_object | json. "
                                 "Env: SUMMARIZER_RESPONSE_FORMAT")
MaxReasksOpt = typer.Option(None, "--max-reasks", help="Validation re-asks per call. Env: SUMMARIZER_MAX_REASKS")
MaxTokensOpt = typer.Option(None, "--max-tokens", help="Output tokens per LLM call. Env: SUMMARIZER_MAX_TOKENS")
TokenBudgetOpt = typer.Option(None, "--token-budget", help="Tokens per article, all calls. "
                              "Env: SUMMARIZER_TOKEN_BUDGET")
MaxBytesOpt = typer.Option(None, "--max-bytes", help="Largest input accepted, in bytes. Env: SUMMARIZER_MAX_BYTES")
TimeoutOpt = typer.Option(None, "--timeout", help="Seconds per API request. Env: SUMMARIZER_TIMEOUT_S")
NoCacheOpt = typer.Option(False, "--no-cache", help="Skip the summary cache. Env: SUMMARIZER_CACHE=0")
NoLogOpt = typer.Option(False, "--no-log", help="Do not record runs in the log. Env: SUMMARIZER_LOG=0")


def settings_args(
    *,
    backend: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    model_path: Path | None = None,
    response_format: str | None = None,
    max_reasks: int | None = None,
    max_tokens: int | None = None,
    token_budget: int | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    no_cache: bool = False,
    no_log: bool = False,
) -> dict[str, Any]:
    """The shared options as `Settings.load()` keyword arguments.

    None (an option not given) leaves the setting to the environment and the defaults; the
    `--no-*` flags can only turn the cache or the run log off, never back on.
    """
    return {
        "backend": backend, "model": model, "base_url": base_url, "model_path": model_path,
        "response_format": response_format, "max_reasks": max_reasks, "max_tokens": max_tokens,
        "token_budget": token_budget, "max_bytes": max_bytes, "timeout_s": timeout,
        "cache": False if no_cache else None, "log": False if no_log else None,
    }


# The shared options by parameter name: the type typer parses each into, and its declaration.
_SHARED: dict[str, tuple[Any, Any]] = {
    "backend": (Optional[str], BackendOpt), "model": (Optional[str], ModelOpt),
    "base_url": (Optional[str], BaseUrlOpt), "model_path": (Optional[Path], ModelPathOpt),
    "response_format": (Optional[str], ResponseFormatOpt), "max_reasks": (Optional[int], MaxReasksOpt),
    "max_tokens": (Optional[int], MaxTokensOpt), "token_budget": (Optional[int], TokenBudgetOpt),
    "max_bytes": (Optional[int], MaxBytesOpt), "timeout": (Optional[float], TimeoutOpt),
    "no_cache": (bool, NoCacheOpt), "no_log": (bool, NoLogOpt),
}
# The groups commands take: which model, how each call is made, what is stored.
MODEL = ("backend", "model", "base_url", "model_path")
CALLS = ("response_format", "max_reasks", "max_tokens", "token_budget", "max_bytes", "timeout")
STORE = ("no_cache", "no_log")


@dataclass(frozen=True)
class Shared:
    """The shared options one command was given, by parameter name (None: not given)."""

    values: dict[str, Any]

    def load(self, **fixed: Any) -> Settings:
        """Settings from these options, the environment and the defaults; `fixed` wins over the
        options (eval and corpora: no_cache=True, no_log=True). Called by the command when its
        own checks are done, so a bad option of its own is reported before a bad setting."""
        return Settings.load(**settings_args(**{**self.values, **fixed}))

    def any_given(self) -> bool:
        """Whether any of these options was set (eval --rescore takes none of them)."""
        return any(self.values.values())


F = TypeVar("F", bound=Callable[..., Any])


def shared_options(after: dict[str, tuple[str, ...]]) -> Callable[[F], F]:
    """Give a command the shared options named in `after`, each group placed after the command's
    own parameter that keys it; the command takes them as one keyword argument `shared: Shared`.

    Typer reads a command's options from its signature, so the wrapper's signature is the
    command's own parameters with the groups spliced in (types resolved, as typer needs them).
    """

    def decorate(fn: F) -> F:
        hints = typing.get_type_hints(fn)
        params: list[inspect.Parameter] = []
        for own in inspect.signature(fn).parameters.values():
            if own.name == "shared":
                continue
            params.append(own.replace(annotation=hints.get(own.name, own.annotation)))
            params += [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=_SHARED[name][1],
                                         annotation=_SHARED[name][0]) for name in after.get(own.name, ())]
        missing = set(after) - {p.name for p in params}
        if missing:
            raise TypeError(f"{fn.__name__} has no parameter {', '.join(sorted(missing))}")
        names = [name for group in after.values() for name in group]

        @functools.wraps(fn)
        def command(**kwargs: Any) -> Any:
            shared = Shared({name: kwargs.pop(name) for name in names})
            return fn(**kwargs, shared=shared)

        command.__signature__ = inspect.Signature(params, return_annotation=None)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in params} | {"return": None}
        return typing.cast(F, command)

    return decorate
