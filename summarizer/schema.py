"""Schema v1: the output contract shared by the CLI, the HTTP API and the gold files.

Every model and field is documented. Those of `ArticleSummary`, `Meta` and `Tokens` carry
their text into the JSON Schema (`summarizer schema`, GET /v1/schema). The models the naive
baseline (evals/baseline.py) sends to the LLM, `Evidence`, `Event`, `Participant`, `Position`
and `Figure`, keep theirs in attribute docstrings, so the schema the model sees stays as it was.

Strings are bounded because the same models drive grammar-constrained decoding for small
local models. The bounds stay in the hundreds: llama.cpp expands `maxLength` into nested rules
and refuses a grammar whose bounds reach the thousands.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "1.0"

MatchKind = Literal["exact", "normalised", "fuzzy"]
"""How the quote was found in the text: verbatim, after normalising spaces and quotes, or fuzzily."""
ParticipantKind = Literal["person", "organisation", "country", "group", "other"]
"""What a participant is."""

_PARTIAL_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def _keep_docstring_out(schema: dict[str, Any]) -> None:
    # The naive baseline sends this model's JSON Schema to the LLM: the docstring documents the
    # code, and stays out of what the model is shown.
    schema.pop("description", None)


# For the models whose JSON Schema the naive baseline sends (see the module docstring).
_AS_SENT = ConfigDict(json_schema_extra=_keep_docstring_out)


class Evidence(BaseModel):
    """Where an item stands in the cleaned text. Offsets are computed by code, never by the model."""

    # The offsets contract (README, "Evidence offsets"): start/end index the cleaned text, which
    # include_text returns; raw_start/raw_end index the original input. Both count Unicode code
    # points (Python str indices), end exclusive.

    quote: str = Field(max_length=600)
    """The text the item rests on, as the model or the candidate finder gave it."""
    start: int | None = Field(default=None, ge=0)
    """Offset of the matched span's first character in the cleaned text; null when not found."""
    end: int | None = Field(default=None, ge=0)
    """Offset just past the matched span; null when not found."""
    match: MatchKind | None = None
    """How the span was matched; null when the quote is not in the text."""
    score: float | None = Field(default=None, description="Similarity 0-100 of the matched span (100 for exact).")
    raw_start: int | None = Field(default=None, ge=0)
    """Offset of the span's first character in the original input (the decoded file or HTML
    source), from the cleaner's offset map; null when the span is not found or has no raw twin."""
    raw_end: int | None = Field(default=None, ge=0)
    """Offset just past the span in the original input; null with `raw_start`."""

    def holds_in(self, text: str) -> bool:
        """True when the offsets point at the quote (exactly, or as recorded by `match`)."""
        if self.start is None or self.end is None or self.end > len(text) or self.start >= self.end:
            return False
        if self.match == "exact":
            return text[self.start : self.end] == self.quote
        return self.match in ("normalised", "fuzzy")


class Event(BaseModel):
    """The article's main event: what happened, of what kind, when and where."""

    model_config = _AS_SENT

    description: str = Field(max_length=400)
    """What happened, in one short sentence."""
    type: str | None = Field(default=None, max_length=40)
    """The kind of event in a few words, e.g. "storm damage"."""
    date: str | None = Field(default=None, description="YYYY-MM-DD, or partial YYYY-MM, or null")
    """The date resolved from `date_text` (and the publication date, for 'Monday' or 'Feb 8')."""
    date_text: str | None = Field(default=None, max_length=80)
    """The date as the article writes it."""
    location: str | None = Field(default=None, max_length=120)
    """A place named in the article."""
    evidence: Evidence | None = None
    """Where the event is told in the cleaned text."""

    @field_validator("date")
    @classmethod
    def _iso_or_partial(cls, value: str | None) -> str | None:
        if value is not None and not _PARTIAL_DATE.match(value):
            raise ValueError(f"date must be YYYY-MM-DD or YYYY-MM, got {value!r}")
        return value


class Participant(BaseModel):
    """A person, organisation, country or group that acts in the story, is affected by it or is quoted."""

    model_config = _AS_SENT

    name: str = Field(max_length=120)
    """The name as the article writes it."""
    kind: ParticipantKind = "other"
    """What the participant is."""
    role: str | None = Field(default=None, max_length=160)
    """Their role in the story in a few words, e.g. "grid operator"."""
    aliases: list[str] = Field(default_factory=list, max_length=12)
    """Other names the article uses for them (surname, acronym, title)."""
    evidence: Evidence | None = None
    """Where the name appears in the cleaned text."""


class Position(BaseModel):
    """A stance someone takes in the article, resting on a verbatim quote."""

    model_config = _AS_SENT

    holder: str = Field(max_length=120)
    """Who takes the stance: the quote's speaker."""
    stance: str = Field(max_length=300)
    """The stance in a few words of the model's own."""
    topic: str | None = Field(default=None, max_length=120)
    """What the stance is about."""
    quote: str = Field(max_length=600)
    """The verbatim quote the stance rests on."""
    evidence: Evidence | None = None
    """Where the quote stands in the cleaned text."""


class Figure(BaseModel):
    """A number the article gives, with its unit and what it measures."""

    model_config = _AS_SENT

    value: float
    """The number, scaled ("1.2 million" is 1200000)."""
    unit: str = Field(max_length=40)
    """Its canonical unit, e.g. "percent", "USD", "people"."""
    text: str = Field(max_length=80)
    """The number as the article writes it."""
    measures: str = Field(max_length=200)
    """What the number measures, in a few words."""
    period: str | None = Field(default=None, max_length=80)
    """The time the figure refers to, when the article says."""
    evidence: Evidence | None = None
    """Where the number stands in the cleaned text."""


class Tokens(BaseModel):
    """Tokens spent on LLM calls; tokens add up with `+`."""

    prompt: int = Field(default=0, description="Prompt (input) tokens.")
    completion: int = Field(default=0, description="Completion (output) tokens.")

    def __add__(self, other: Tokens) -> Tokens:
        return Tokens(prompt=self.prompt + other.prompt, completion=self.completion + other.completion)

    @property
    def total(self) -> int:
        """Prompt plus completion tokens."""
        return self.prompt + self.completion


class Meta(BaseModel):
    """How a summary was made: by which backend, model and prompt, at what cost."""

    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this schema.")
    backend: str = Field(default="", description="The backend that made the summary: local, openai or fake.")
    model: str = Field(default="", description="The model the backend ran.")
    prompt_version: str = Field(default="", description="Prompt, candidate rules and schema versions.")
    attempts: int = Field(default=0, description="LLM calls made, re-asks included.")
    reasks: int = Field(default=0, description="Calls that re-asked after an invalid answer.")
    tokens: Tokens = Field(default_factory=Tokens, description="Tokens spent on all calls.")
    latency_s: float = Field(default=0.0, description="Seconds the summary took.")
    cached: bool = Field(default=False, description="True when the summary came from the cache.")
    language: str | None = Field(default=None, description="Language detected in the article, e.g. en.")
    warnings: list[str] = Field(default_factory=list, description="What went wrong without stopping the summary.")


class ArticleSummary(BaseModel):
    """Schema v1: one news article as a headline, a summary, its event, participants, positions
    and figures, each item with evidence into the cleaned text."""

    model_config = ConfigDict(json_schema_extra={"title": "ArticleSummary", "x-schema-version": SCHEMA_VERSION})

    headline: str = Field(max_length=200, description="A headline of a dozen words or so.")
    summary: str = Field(max_length=700, description="At most 80 words.")
    event: Event | None = Field(default=None, description="The main event; null when there is none.")
    participants: list[Participant] = Field(default_factory=list, description="Who acts, is affected or is quoted.")
    positions: list[Position] = Field(default_factory=list, description="Stances, each on a verbatim quote.")
    figures: list[Figure] = Field(default_factory=list, description="Numbers the article gives.")
    meta: Meta = Field(default_factory=Meta, description="How the summary was made.")

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


class SummaryWithText(BaseModel):
    """A summary plus the cleaned text its evidence offsets point into: what `include_text=True`
    returns (`summarize()`, `--include-text`, POST /v1/summaries?include_text=true)."""

    summary: ArticleSummary
    text: str = Field(description="The cleaned article text; evidence.start/end are offsets into it.")
