"""The model's answers: one response model per task, bounded so that the grammar is bounded.

A leaf module: the calls (`calls.py`), salvage and grounding all read these types, and none of
them needs the others to do so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from summarizer.backends.base import Attempt
from summarizer.schema import Tokens

Kind = Literal["person", "organisation", "country", "group", "other"]


class DraftEvent(BaseModel):
    """No `when`: code dates the event from the lead (ground.py), so the model is not asked to
    write a date it would not be used for (~6 generated tokens an article)."""

    what: str = Field(max_length=200)
    type: str = Field(max_length=30)
    where: str | None = Field(default=None, max_length=80)


class EventLine(BaseModel):
    """The event line alone: what the re-ask for an inverted line asks for (~15 tokens, not ~90)."""

    what: str = Field(max_length=200)


class Overview(BaseModel):
    headline: str = Field(max_length=120)
    summary: str = Field(max_length=400)
    event: DraftEvent


class DraftParticipant(BaseModel):
    name: str = Field(max_length=80)
    kind: Kind
    role: str = Field(max_length=50)


class Actors(BaseModel):
    participants: list[DraftParticipant] = Field(max_length=8)


class Notes(BaseModel):
    """A stance for each selected quote (`q1`, `q2`…) and a `measures` for each number (`n1`…).

    Keyed by the ids the prompt shows, so the model writes each note right after the id it
    describes; a bare list drifts out of alignment with a small model.
    """

    # No extra keys: `additionalProperties: true` would let the grammar accept invented keys
    # forever (seen: a 1.5B model ran a notes answer past 1,400 tokens).
    model_config = ConfigDict(extra="forbid")

    def stances(self, count: int) -> list[str]:
        return [str(getattr(self, f"q{i}", "") or "") for i in range(1, count + 1)]

    def measures(self, count: int) -> list[str]:
        return [str(getattr(self, f"n{i}", "") or "") for i in range(1, count + 1)]


@lru_cache(maxsize=256)
def notes_model(n_quotes: int, n_numbers: int) -> type[Notes]:
    """Notes with exactly the right keys, in order, so the grammar enforces the alignment."""
    fields: dict[str, Any] = {f"q{i}": (str, Field(max_length=80)) for i in range(1, n_quotes + 1)}
    fields |= {f"n{i}": (str, Field(max_length=50)) for i in range(1, n_numbers + 1)}
    return create_model("Notes", __base__=Notes, **fields)


class LooseNotes(Notes):
    """Notes read back from a broken answer (salvage), keeping whatever ids it has."""

    model_config = ConfigDict(extra="allow")


TASKS: dict[str, type[BaseModel]] = {"overview": Overview, "actors": Actors, "notes": Notes, "event_check": EventLine}


@dataclass
class Draft:
    """What the model said about one piece of text, before grounding."""

    overview: Overview
    actors: Actors
    notes: Notes


@dataclass
class Extraction:
    draft: Draft
    tokens: Tokens = field(default_factory=Tokens)
    attempts: list[Attempt] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
