"""Schema v1: the output contract shared by the CLI, the HTTP API and the gold files.

Strings are bounded because the same models drive grammar-constrained decoding for small
local models. The bounds stay in the hundreds: llama.cpp expands `maxLength` into nested rules
and refuses a grammar whose bounds reach the thousands.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "1.0"

MatchKind = Literal["exact", "normalised", "fuzzy"]
ParticipantKind = Literal["person", "organisation", "country", "group", "other"]

_PARTIAL_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


class Evidence(BaseModel):
    """Where an item stands in the cleaned text. Offsets are computed by code, never by the model."""

    quote: str = Field(max_length=600)
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    match: MatchKind | None = None
    score: float | None = Field(default=None, description="Similarity 0-100 of the matched span (100 for exact).")

    def holds_in(self, text: str) -> bool:
        """True when the offsets point at the quote (exactly, or as recorded by `match`)."""
        if self.start is None or self.end is None or self.end > len(text) or self.start >= self.end:
            return False
        if self.match == "exact":
            return text[self.start : self.end] == self.quote
        return self.match in ("normalised", "fuzzy")


class Event(BaseModel):
    description: str = Field(max_length=400)
    type: str | None = Field(default=None, max_length=40)
    date: str | None = Field(default=None, description="YYYY-MM-DD, or partial YYYY-MM, or null")
    date_text: str | None = Field(default=None, max_length=80)
    location: str | None = Field(default=None, max_length=120)
    evidence: Evidence | None = None

    @field_validator("date")
    @classmethod
    def _iso_or_partial(cls, value: str | None) -> str | None:
        if value is not None and not _PARTIAL_DATE.match(value):
            raise ValueError(f"date must be YYYY-MM-DD or YYYY-MM, got {value!r}")
        return value


class Participant(BaseModel):
    name: str = Field(max_length=120)
    kind: ParticipantKind = "other"
    role: str | None = Field(default=None, max_length=160)
    aliases: list[str] = Field(default_factory=list, max_length=12)
    evidence: Evidence | None = None


class Position(BaseModel):
    holder: str = Field(max_length=120)
    stance: str = Field(max_length=300)
    topic: str | None = Field(default=None, max_length=120)
    quote: str = Field(max_length=600)
    evidence: Evidence | None = None


class Figure(BaseModel):
    value: float
    unit: str = Field(max_length=40)
    text: str = Field(max_length=80)
    measures: str = Field(max_length=200)
    period: str | None = Field(default=None, max_length=80)
    evidence: Evidence | None = None


class Tokens(BaseModel):
    prompt: int = 0
    completion: int = 0

    def __add__(self, other: Tokens) -> Tokens:
        return Tokens(prompt=self.prompt + other.prompt, completion=self.completion + other.completion)

    @property
    def total(self) -> int:
        return self.prompt + self.completion


class Meta(BaseModel):
    schema_version: str = SCHEMA_VERSION
    backend: str = ""
    model: str = ""
    prompt_version: str = ""
    attempts: int = 0
    reasks: int = 0
    tokens: Tokens = Field(default_factory=Tokens)
    latency_s: float = 0.0
    cached: bool = False
    language: str | None = None
    warnings: list[str] = Field(default_factory=list)


class ArticleSummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"title": "ArticleSummary", "x-schema-version": SCHEMA_VERSION})

    headline: str = Field(max_length=200)
    summary: str = Field(max_length=700, description="At most 80 words.")
    event: Event | None = None
    participants: list[Participant] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    meta: Meta = Field(default_factory=Meta)

    @field_validator("summary", mode="before")
    @classmethod
    def _at_most_80_words(cls, value: object) -> object:
        """The contract is 80 words; a longer summary is cut there rather than rejected."""
        if not isinstance(value, str):
            return value
        words = value.split()
        return value if len(words) <= 80 else " ".join(words[:80])

    def evidence(self) -> list[Evidence]:
        """Every piece of evidence the summary emits, in a stable order."""
        items: list[Evidence | None] = [self.event.evidence if self.event else None]
        items += [p.evidence for p in self.participants]
        items += [p.evidence for p in self.positions]
        items += [f.evidence for f in self.figures]
        return [e for e in items if e is not None]
