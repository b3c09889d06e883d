"""One exception root. Every error names its fix in its message and carries typed data.

    SummarizerError                  exit 1  HTTP 500  .message, .attempts
    ├── InputError                   exit 2       422  .source     unreadable, empty, binary, oversized, no article
    ├── ConfigError                  exit 3       500  .path, .missing   unknown backend, missing key, bad model file
    ├── BackendError                 exit 4       502  .where, .status   the LLM could not be reached or refused
    │   ├── TransientBackendError    exit 5       503  429 / 5xx / timeouts after all retries (Retry-After: 30)
    │   └── PermanentBackendError    exit 4       502  401, 404 unknown model, 400
    ├── ExtractionError              exit 6       502  .stage, .tokens, .last_response   invalid after every re-ask
    │   ├── TruncatedOutputError     (backends.base)   the output hit max_tokens
    │   └── ContextOverflowError     (backends.local)  the prompt does not fit the model's context
    ├── BudgetError                  exit 7       422  .stage, .tokens   the per-article token budget is spent
    └── GateError                    exit 8 (evals.gate)  .lowered   a metric fell below its floor

The CLI prints `error: <message>` and exits with the code above; the HTTP service maps
the same classes to status codes (`http_status`). `attempts` lists the LLM calls made
before the failure, so that the run log and the batch output can account for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from summarizer.schema import Tokens

if TYPE_CHECKING:  # at run time the import would load summarizer.backends, which imports this module
    from summarizer.backends.attempt import Attempt


class SummarizerError(Exception):
    """The root: every failure the package reports on purpose.

    `attempts` holds the LLM calls made before the failure (empty when none were); the
    extraction stage adds its earlier calls to it as the error passes through.
    """

    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, attempts: Sequence[Attempt] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.attempts: list[Attempt] = list(attempts)

    @property
    def type(self) -> str:
        return type(self).__name__

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "message": self.message}


class InputError(SummarizerError):
    """The input cannot be summarized: unreadable, empty, binary, too big, or no article in it.

    `source` names the input (a path, a URL, `<stdin>`) when one is known.
    """

    exit_code = 2
    http_status = 422

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source


class ConfigError(SummarizerError):
    """A setting is wrong: an unknown backend, a missing API key, a bad or missing model file.

    `path` is the model file at fault; `missing` lists the packages that are not installed.
    """

    exit_code = 3
    http_status = 500

    def __init__(self, message: str, *, path: str | None = None, missing: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.path = path
        self.missing = list(missing)


class BackendError(SummarizerError):
    """The LLM could not be reached, or it refused the request.

    `where` names the endpoint; `status` is the HTTP status it answered with, if any.
    """

    exit_code = 4
    http_status = 502

    def __init__(self, message: str, *, where: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.where = where
        self.status = status


class TransientBackendError(BackendError):
    """429, 5xx, timeouts or unusable bodies that outlasted every retry; trying later may work."""

    exit_code = 5
    http_status = 503


class PermanentBackendError(BackendError):
    """401/403 (the key), 404 (the model) or another 4xx: retrying the same request cannot help."""

    exit_code = 4
    http_status = 502


class ExtractionError(SummarizerError):
    """The model's output stayed invalid after every re-ask.

    `stage` is the call that failed; `tokens` what its attempts spent; `last_response` the
    last raw reply, which salvage may still take valid items from.
    """

    exit_code = 6
    http_status = 502

    def __init__(self, message: str, *, attempts: Sequence[Attempt] = (), tokens: Tokens | None = None,
                 last_response: str | None = None, stage: str | None = None) -> None:
        super().__init__(message, attempts=attempts)
        self.tokens = tokens if tokens is not None else Tokens()
        self.last_response = last_response
        self.stage = stage


class BudgetError(SummarizerError):
    """The article's token budget is spent; `tokens` is what was spent, `stage` where (if in a call).

    422, not 429: the same request would spend the same budget again, so it is not retryable.
    """

    exit_code = 7
    http_status = 422

    def __init__(self, message: str, *, attempts: Sequence[Attempt] = (), tokens: Tokens | None = None,
                 stage: str | None = None) -> None:
        super().__init__(message, attempts=attempts)
        self.tokens = tokens if tokens is not None else Tokens()
        self.stage = stage


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
