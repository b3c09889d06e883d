"""One exception root. Every error carries data and names its fix.

    SummarizerError                      exit 1
    ├── InputError                       exit 2   unreadable, empty, binary, oversized, no article
    ├── ConfigError                      exit 3   unknown backend, missing key, bad model file
    ├── BackendError                     exit 4   the LLM could not be reached or refused
    │   ├── TransientBackendError        exit 5   429 / 5xx / timeouts after all retries
    │   └── PermanentBackendError        exit 4   401, 404 unknown model, 400
    ├── ExtractionError                  exit 6   output still invalid after every re-ask
    └── BudgetError                      exit 7   the per-article token budget is spent

The CLI prints `error: <message>` and exits with the code above; the HTTP service maps
the same classes to status codes (see `http_status`).
"""

from __future__ import annotations

from typing import Any


class SummarizerError(Exception):
    exit_code = 1
    http_status = 500

    def __init__(self, message: str, **data: Any) -> None:
        super().__init__(message)
        self.message = message
        self.data = data

    @property
    def type(self) -> str:
        return type(self).__name__

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "message": self.message}


class InputError(SummarizerError):
    exit_code = 2
    http_status = 422


class ConfigError(SummarizerError):
    exit_code = 3
    http_status = 500


class BackendError(SummarizerError):
    exit_code = 4
    http_status = 502


class TransientBackendError(BackendError):
    exit_code = 5
    http_status = 503


class PermanentBackendError(BackendError):
    exit_code = 4
    http_status = 502


class ExtractionError(SummarizerError):
    exit_code = 6
    http_status = 502


class BudgetError(SummarizerError):
    exit_code = 7
    http_status = 429


EXIT_CODES = {
    cls.__name__: cls.exit_code
    for cls in (
        SummarizerError,
        InputError,
        ConfigError,
        BackendError,
        TransientBackendError,
        PermanentBackendError,
        ExtractionError,
        BudgetError,
    )
}
