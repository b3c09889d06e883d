"""Options that several commands share, declared once, and the one way they become `Settings`.

Each help text names the environment variable the option overrides, so `--help` and the
README's configuration table tell the same story. A command lists the options it takes as
parameters and hands them to `settings_args()`; every command thus loads settings alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

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
