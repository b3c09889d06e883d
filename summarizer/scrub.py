"""Secrets never leave the process: `scrub()` every text that crosses a boundary.

Boundaries: HTTP error bodies, the CLI's `error:` line, batch `error` records and the run log.
Three nets, applied in order:

- the configured keys themselves (`register_secret`, called by `Settings` for its API key and
  by the service for its client keys), whatever their shape: `corp-9f8e…`, a UUID, `sk-short1`;
- known key formats (OpenAI/Anthropic `sk-`, Groq `gsk_`, Hugging Face `hf_`, Google `AIza`,
  xAI `xai-`, GitHub `ghp_`/`github_pat_`, AWS `AKIA`, JWTs);
- anything after `Bearer `, and the value of `api_key=` / `Authorization:` style fields.
"""

from __future__ import annotations

import re
import threading
from typing import Any

REDACTED = "[REDACTED]"
MIN_SECRET_CHARS = 6  # a shorter "key" (tests use "x") would redact ordinary words

_lock = threading.Lock()
_secrets: set[str] = set()
_secret_re: re.Pattern[str] | None = None

# \b keeps words like "desk-research-team" from matching; real keys are far longer than these floors.
_TOKEN_PATTERNS = [
    re.compile(r"\bsk-[A-Za-z0-9_\-]{16,}"),  # OpenAI / Anthropic / most OpenAI-compatible hosts
    re.compile(r"\bhf_[A-Za-z0-9]{20,}"),  # Hugging Face
    re.compile(r"\bAIza[0-9A-Za-z_\-]{30,}"),  # Google
    re.compile(r"\bgsk_[A-Za-z0-9]{20,}"),  # Groq
    re.compile(r"\bxai-[A-Za-z0-9]{20,}"),  # xAI
    re.compile(r"\b(?:ghp|gho|ghs|github_pat)_[A-Za-z0-9_]{20,}"),  # GitHub
    re.compile(r"\bAKIA[0-9A-Z]{16}\b"),  # AWS access key id
    re.compile(r"\beyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]+"),  # a JWT
]
_BEARER = re.compile(r"\b(Bearer\s+)(?!\[REDACTED\])[^\s\"',;}]+")  # the HTTP scheme: capital B
_SECRET_NAME = r"api[_-]?keys?|x-api-key|authorization|access[_-]?token|client[_-]?secret|password"
_SECRET_KEY = re.compile(rf"^(?:{_SECRET_NAME})$", re.IGNORECASE)
# `"api_key": "v"`, `api_key='v'`, `?api_key=v&`, `Authorization: Basic v` in JSON text, reprs, URLs, headers.
_SECRET_FIELD = re.compile(
    rf"""(["']?\b(?:{_SECRET_NAME})["']?\s*[:=]\s*)(["']?)(?:(?:Bearer|Basic|Token)\s+)?(?!\[REDACTED\])[^"'\s,}}&]+""",
    re.IGNORECASE,
)


def register_secret(*values: str | None) -> None:
    """Scrub these exact strings (configured API keys) from everything that leaves the process."""
    global _secret_re
    new = {v.strip() for v in values if v and len(v.strip()) >= MIN_SECRET_CHARS}
    with _lock:
        if new <= _secrets:
            return
        _secrets.update(new)
        ordered = sorted(_secrets, key=len, reverse=True)  # a key that contains another goes first
        _secret_re = re.compile("|".join(re.escape(s) for s in ordered))


def scrub(value: Any) -> Any:
    """Copy of `value` with anything that looks like a credential replaced by [REDACTED]."""
    if isinstance(value, str):
        if _secret_re is not None:
            value = _secret_re.sub(REDACTED, value)
        for pattern in _TOKEN_PATTERNS:
            value = pattern.sub(REDACTED, value)
        value = _BEARER.sub(rf"\g<1>{REDACTED}", value)
        return _SECRET_FIELD.sub(rf"\g<1>\g<2>{REDACTED}", value)
    if isinstance(value, dict):
        return {k: REDACTED if isinstance(k, str) and _SECRET_KEY.match(k) else scrub(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [scrub(v) for v in value]
    return value
