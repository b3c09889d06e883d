"""Settings: explicit arguments first, then SUMMARIZER_* environment variables, then defaults.

This is the only module that reads the environment, and it does so when `Settings.load()`
is called, never at import time.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError

BACKENDS = ("local", "openai", "fake")
RESPONSE_FORMATS = ("auto", "json_schema", "json_object", "json")


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summarizer"))


@dataclass(frozen=True)
class Settings:
    backend: str = "local"
    model: str | None = None  # None: the backend's default
    model_path: Path | None = None  # local backend: any GGUF instead of the bundled one
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    response_format: str = "auto"
    max_reasks: int = 2
    max_tokens: int = 700  # per LLM call; output is kept small on purpose
    token_budget: int = 40_000  # per article, prompt + completion, re-asks included
    temperature: float = 0.0
    repeat_penalty: float = 1.1
    n_ctx: int = 4096
    n_threads: int | None = None  # None: physical cores
    timeout_s: float = 120.0
    transport_retries: int = 4
    retry_max_wait_s: float = 30.0
    retry_total_s: float = 120.0
    max_bytes: int = 2_000_000
    cache: bool = True
    log: bool = True
    cache_dir: Path = field(default_factory=_cache_dir)
    db_path: Path | None = None  # None: cache_dir / "summarizer.db"

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **explicit: Any) -> Settings:
        """Build settings from explicit arguments (None means unset), the environment and defaults."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"SUMMARIZER_{f.name.upper()}")
            if raw not in (None, ""):
                values[f.name] = _coerce(f.name, raw, cls)
        if "api_key" not in values and env.get("OPENAI_API_KEY"):
            values["api_key"] = env["OPENAI_API_KEY"]
        if "base_url" not in values and env.get("OPENAI_BASE_URL"):
            values["base_url"] = env["OPENAI_BASE_URL"]
        values.update({k: v for k, v in explicit.items() if v is not None})
        settings = cls(**values)
        settings.validate()
        return settings

    def replace(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def validate(self) -> None:
        if self.backend not in BACKENDS:
            raise ConfigError(
                f"unknown backend {self.backend!r}; use --backend or SUMMARIZER_BACKEND with one of: "
                + ", ".join(BACKENDS),
            )
        if self.response_format not in RESPONSE_FORMATS:
            raise ConfigError(
                f"unknown response format {self.response_format!r}; use --response-format with one of: "
                + ", ".join(RESPONSE_FORMATS)
            )

    @property
    def database(self) -> Path:
        return self.db_path or self.cache_dir / "summarizer.db"

    @property
    def threads(self) -> int:
        return self.n_threads or physical_cores()

    def output_options(self) -> dict[str, Any]:
        """The options that change a summary; part of the cache key."""
        return {
            "max_reasks": self.max_reasks,
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "repeat_penalty": self.repeat_penalty,
            "response_format": self.response_format,
        }


def physical_cores() -> int:
    """Physical cores, because llama.cpp gets slower on hyperthreads it shares with itself."""
    try:
        ids = set()
        cpuinfo = Path("/proc/cpuinfo").read_text()
        for block in cpuinfo.split("\n\n"):
            kv = dict(line.split(":", 1) for line in block.splitlines() if ":" in line)
            kv = {k.strip(): v.strip() for k, v in kv.items()}
            if "core id" in kv:
                ids.add((kv.get("physical id"), kv["core id"]))
        if ids:
            return len(ids)
    except OSError:
        pass
    return max(1, (os.cpu_count() or 2) // 2)


def _coerce(name: str, raw: str, cls: type[Settings]) -> Any:
    default = next(f for f in fields(cls) if f.name == name).default
    kind = {
        "max_reasks": int, "max_tokens": int, "token_budget": int, "n_ctx": int, "n_threads": int,
        "transport_retries": int, "max_bytes": int, "temperature": float, "repeat_penalty": float,
        "timeout_s": float, "retry_max_wait_s": float, "retry_total_s": float,
        "model_path": Path, "cache_dir": Path, "db_path": Path, "cache": bool, "log": bool,
    }.get(name, type(default) if isinstance(default, str) else str)
    try:
        if kind is bool:
            return raw.strip().lower() not in ("0", "false", "no", "off")
        return kind(raw)
    except ValueError:
        raise ConfigError(f"SUMMARIZER_{name.upper()}={raw!r} is not a valid {kind.__name__}") from None
