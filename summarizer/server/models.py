"""Request and response bodies of the HTTP API (the summary itself is schema.ArticleSummary)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from summarizer.schema import SummaryWithText

__all__ = ["ErrorBody", "Health", "SummaryOptions", "SummaryRequest", "SummaryWithText"]


class SummaryOptions(BaseModel):
    """Per-request overrides of the server's settings (null: the server's own). Bounded, so one
    request cannot buy unbounded work."""

    # strict: JSON Schema says integer and boolean, so "5" and 0 must not slip through as 5 and false.
    model_config = ConfigDict(extra="forbid", strict=True)

    max_reasks: int | None = Field(None, ge=0, le=5, description="Validation re-asks per call.")
    max_tokens: int | None = Field(None, ge=64, le=4096, description="Output tokens per LLM call.")
    token_budget: int | None = Field(
        None, ge=1000, le=200_000, description="Tokens per article, all calls included."
    )
    cache: bool | None = Field(
        None, description="false: neither read nor fill the server's summary cache for this request."
    )

    def overrides(self) -> dict[str, Any]:
        """The options given, as `Settings` fields; `cache` is the handler's to apply."""
        return self.model_dump(exclude_none=True, exclude={"cache"})


class SummaryRequest(BaseModel):
    """One article, as plain text or as HTML. The server never fetches URLs."""

    # The oneOf lets OpenAPI clients (and schemathesis) see that exactly one of text/html is required.
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "oneOf": [{"required": ["text"]}, {"required": ["html"]}],
            "examples": [{"text": "Chinese President Xi Jinping and ...", "published": "2024-02-09"}],
        },
    )

    # SkipJsonSchema keeps null out of the published schema: a client sends a string or omits the field.
    text: str | SkipJsonSchema[None] = Field(None, description="The article as plain text.")
    html: str | SkipJsonSchema[None] = Field(None, description="The article as an HTML page or fragment.")
    published: dt.date | None = Field(
        None, description="Publication date (YYYY-MM-DD); anchors relative dates such as 'Feb 8'."
    )
    options: SummaryOptions | None = Field(default=None, description="Per-request overrides of the server's settings.")

    @model_validator(mode="before")
    @classmethod
    def _source_is_never_null(cls, data: Any) -> Any:
        # null would make {"text": null, "html": "..."} valid here but not under the oneOf above.
        if isinstance(data, dict):
            for key in ("text", "html"):
                if key in data and data[key] is None:
                    raise ValueError(f"'{key}' must be a string; leave it out instead of sending null")
        return data

    @field_validator("published", mode="before")
    @classmethod
    def _date_string(cls, value: Any) -> Any:
        # pydantic would read a number as a Unix timestamp; the schema says a YYYY-MM-DD string.
        if value is not None and not isinstance(value, (str, dt.date)):
            raise ValueError("published must be a YYYY-MM-DD string")
        return value

    @model_validator(mode="after")
    def _exactly_one_source(self) -> SummaryRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self

    @property
    def source(self) -> str:
        """The article: `text` or `html`, whichever was given."""
        return self.text if self.text is not None else self.html  # type: ignore[return-value]

    @property
    def kind(self) -> str:
        """"text" or "html": how the article is loaded."""
        return "html" if self.html is not None else "text"


class ErrorBody(BaseModel):
    """Every error the API returns, validation errors included."""

    type: str = Field(description="The error class, e.g. InputError, Unauthorized, ServerBusy.")
    message: str = Field(description="What went wrong and, where there is one, the fix.")


class Health(BaseModel):
    """The body of the health and readiness probes."""

    status: str = Field(description="ok (alive), ready, loading (the backend), or error.")
    backend: str | None = Field(default=None, description="The backend's name, once loaded.")
    model: str | None = Field(default=None, description="The backend's model, once loaded.")
    detail: str | None = Field(default=None, description="Why loading the backend failed, with status error.")
