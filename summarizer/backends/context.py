"""How many tokens a backend's model reads at once, which sets how long articles are split.

`SUMMARIZER_N_CTX` (`--n-ctx`) overrides every backend. Otherwise the backend says:

- `local`: the context llama.cpp runs the GGUF with (`LOCAL_CONTEXT_TOKENS` unless overridden,
  never more than the GGUF's own trained context); asked of the loaded model, so it is what
  the model really has.
- `openai`: `API_CONTEXT_TOKENS` (128,000: gpt-4o-mini, and what vLLM serves most models with).
  An article that fits is read in one piece: three calls, and headline and event from the whole.
- `fake`: the local default, so tests split as the local model would.
"""

from __future__ import annotations

from typing import Any

from summarizer.config import Settings

LOCAL_CONTEXT_TOKENS = 4096
API_CONTEXT_TOKENS = 128_000


def context_tokens(backend: Any, settings: Settings) -> int:
    """The context window to plan chunks for: the override, else the backend's own."""
    if settings.n_ctx:
        return settings.n_ctx
    own = getattr(backend, "context_tokens", None)
    return int(own) if isinstance(own, int) and own > 0 else LOCAL_CONTEXT_TOKENS
