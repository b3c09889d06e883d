"""Embedded llama.cpp (llama-cpp-python), the default: offline, no key, a laptop CPU.

The model is loaded once per process and shared. Every call decodes under a JSON grammar
built from the response model's schema, which bounds lists and strings, so a 1.5B model
cannot loop inside an unbounded list. llama.cpp keeps the KV cache of the previous prompt
and re-uses its longest common prefix, which is why prompts put fixed text first.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import summarizer.backends.model_file as model_file
from summarizer.backends.base import (
    ChatReply,
    InstructorBackend,
    completion_from_content,
    json_object_format,
)
from summarizer.backends.context import LOCAL_CONTEXT_TOKENS
from summarizer.config import Settings
from summarizer.errors import ConfigError, ExtractionError
from summarizer.schema import Tokens

_MODELS: dict[tuple[str, int, int], Any] = {}
_LOAD_LOCK = threading.Lock()


class ContextOverflowError(ExtractionError):
    """The prompt does not fit the model's context; the pipeline splits the article instead."""


def load_llama(path: Path, *, n_ctx: int, n_threads: int) -> Any:
    """Load (or reuse) a llama.cpp model; one instance per path and shape per process."""
    key = (str(path), n_ctx, n_threads)
    with _LOAD_LOCK:
        if key in _MODELS:
            return _MODELS[key]
        try:
            from llama_cpp import Llama
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ConfigError(
                f"llama-cpp-python is not importable ({exc}); reinstall with `pip install -e .`, "
                "or use --backend openai"
            ) from None
        model_file.check_model_file(path)
        try:
            llama = Llama(
                model_path=str(path), n_ctx=n_ctx, n_threads=n_threads, n_threads_batch=n_threads,
                n_batch=512, verbose=False,
            )
        except (ValueError, RuntimeError) as exc:
            raise ConfigError(
                f"llama.cpp could not load {path} ({exc}); fix --model-path or SUMMARIZER_MODEL_PATH"
            ) from None
        _MODELS[key] = llama
        # Free it while the interpreter is whole: llama-cpp-python's __del__ at shutdown runs
        # after its C bindings are gone and prints a TypeError.
        atexit.register(llama.close)
        return llama


class LocalBackend(InstructorBackend):
    """The `local` backend: llama.cpp in-process on the bundled GGUF (or --model-path), loaded on first use."""

    name = "local"

    def __init__(self, settings: Settings, progress: Callable[[int, int], None] | None = None) -> None:
        if settings.model_path:
            path = Path(settings.model_path).expanduser()
            model_file.check_model_file(path)
        else:
            path = model_file.ensure_model(settings.cache_dir, progress)
        self.path = path
        self.model = settings.model or path.stem
        self.settings = settings
        self._llama: Any = None
        self._lock = threading.Lock()  # one llama.cpp context serves one request at a time

    @property
    def llama(self) -> Any:
        if self._llama is None:
            n_ctx = self.settings.n_ctx or LOCAL_CONTEXT_TOKENS
            self._llama = load_llama(self.path, n_ctx=n_ctx, n_threads=self.settings.threads)
        return self._llama

    @property
    def context_tokens(self) -> int:
        """The context the GGUF runs with here, at most its own trained context (loads the model)."""
        llama = self.llama
        trained = llama.n_ctx_train() if hasattr(llama, "n_ctx_train") else 0
        return min(llama.n_ctx(), trained) if trained else llama.n_ctx()

    def count_tokens(self, text: str) -> int:
        return len(self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def _chat(self, **kwargs: Any) -> ChatReply:
        response_format = json_object_format(kwargs.get("response_format"))
        with self._lock:
            try:
                raw = self.llama.create_chat_completion(
                    messages=kwargs["messages"],
                    response_format=response_format,
                    max_tokens=kwargs.get("max_tokens"),
                    temperature=self.settings.temperature,
                    repeat_penalty=self.settings.repeat_penalty,
                    seed=0,
                )
            except ValueError as exc:  # llama-cpp-python raises ValueError when the prompt overflows
                raise ContextOverflowError(
                    f"the prompt does not fit the model's context ({exc}); raise --n-ctx or "
                    "SUMMARIZER_N_CTX, or let the article be split",
                ) from None
        choice = raw["choices"][0]
        content = choice["message"]["content"]
        usage = raw.get("usage") or {}
        tokens = Tokens(prompt=usage.get("prompt_tokens", 0), completion=usage.get("completion_tokens", 0))
        completion = completion_from_content(
            content, model=self.model, prompt_tokens=tokens.prompt, completion_tokens=tokens.completion,
            finish_reason=choice.get("finish_reason") or "stop",
        )
        return ChatReply(completion, content, tokens, choice.get("finish_reason"))
