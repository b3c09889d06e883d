"""The LLM stage: deterministic candidates in, a small validated draft out.

A 1.5B model is poor at finding every number and quote, and slow at copying them out.
So code finds the candidates (numbers, quotations, names) and the model classifies and
describes them, answering with ids: `{"n": 3, "measures": "..."}` instead of re-typing
"US$240.1 billion". Every list and string of the draft is bounded, which bounds the grammar.

Validators read the candidates from instructor's validation context; an id that does not
exist, or a position whose holder is not a participant, is re-asked with a message that
names the item and what would fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator

from .backends.base import Backend, CallRequest, CallResult
from .candidates import NameSpan, Quotation
from .figures import Quantity
from .prompts_store import load_prompt

Kind = Literal["person", "organisation", "country", "group", "other"]
QUOTE_WORDS = 16  # a candidate quote is shown cut to this many words: enough to recognise it


class DraftEvent(BaseModel):
    what: str = Field(max_length=240)
    type: str = Field(max_length=40)
    when: str | None = Field(default=None, max_length=40)
    where: str | None = Field(default=None, max_length=80)


class DraftParticipant(BaseModel):
    name: str = Field(max_length=80)
    kind: Kind
    role: str = Field(max_length=80)


class DraftPosition(BaseModel):
    q: int = Field(ge=1, le=99)
    holder: str = Field(max_length=80)
    stance: str = Field(max_length=160)

    @field_validator("q")
    @classmethod
    def _quote_exists(cls, q: int, info: ValidationInfo) -> int:
        quotes = (info.context or {}).get("quotes")
        if quotes is not None and not 1 <= q <= len(quotes):
            raise ValueError(f"q={q} is not in QUOTES; use a number from Q1 to Q{len(quotes)}")
        return q


class DraftFigure(BaseModel):
    n: int = Field(ge=1, le=99)
    measures: str = Field(max_length=100)

    @field_validator("n")
    @classmethod
    def _number_exists(cls, n: int, info: ValidationInfo) -> int:
        numbers = (info.context or {}).get("numbers")
        if numbers is not None and not 1 <= n <= len(numbers):
            raise ValueError(f"n={n} is not in NUMBERS; use an id from N1 to N{len(numbers)}")
        return n


class Draft(BaseModel):
    headline: str = Field(max_length=160)
    summary: str = Field(max_length=520)
    event: DraftEvent
    participants: list[DraftParticipant] = Field(max_length=10)
    positions: list[DraftPosition] = Field(max_length=8)
    figures: list[DraftFigure] = Field(max_length=10)

    @model_validator(mode="after")
    def _holders_are_participants(self, info: ValidationInfo) -> Draft:
        from .merge import same_entity

        names = [p.name for p in self.participants]
        for position in self.positions:
            if not any(same_entity(position.holder, name) for name in names):
                raise ValueError(
                    f"position q={position.q}: holder {position.holder!r} is not a participant; "
                    f"use one of {names} or add {position.holder!r} to participants"
                )
        return self


@dataclass
class Candidates:
    """What code found in one piece of text; offsets are relative to that text."""

    names: list[NameSpan] = field(default_factory=list)
    quotes: list[Quotation] = field(default_factory=list)
    numbers: list[Quantity] = field(default_factory=list)


def find_candidates(text: str) -> Candidates:
    from .candidates import find_names, find_quotations
    from .figures import find_quantities

    return Candidates(find_names(text), find_quotations(text), find_quantities(text))


def render_candidates(c: Candidates, text: str) -> dict[str, str]:
    """The prompt's template variables; compact, because every prompt token costs time on a CPU."""
    names = "; ".join(n.text for n in sorted(c.names, key=lambda n: -n.count)[:25]) or "(none)"
    quotes = "\n".join(
        f"Q{i} [{q.speaker or 'speaker unknown'}] {_cut(q.text, QUOTE_WORDS)}" for i, q in enumerate(c.quotes, 1)
    )
    numbers = "\n".join(
        f"N{i} {n.text}: …{_context(text, n.start, n.end)}…" for i, n in enumerate(c.numbers, 1)
    )
    return {"names_text": names, "quotes_text": quotes or "(none)", "numbers_text": numbers or "(none)"}


def build_request(text: str, c: Candidates, *, max_reasks: int, max_tokens: int,
                  token_budget: int | None) -> CallRequest[Draft]:
    # instructor renders messages as Jinja templates with `context`, so the article goes in as
    # a variable and its own braces are never interpreted. The same context reaches the
    # validators, which read the candidate lists.
    context: dict[str, Any] = {"article": text, **render_candidates(c, text),
                               "quotes": c.quotes, "numbers": c.numbers}
    return CallRequest(
        messages=[
            {"role": "system", "content": load_prompt("extract_v1.md").text},
            {"role": "user", "content": load_prompt("extract_user_v1.md").text},
        ],
        response_model=Draft,
        context=context,
        stage="extract",
        max_reasks=max_reasks,
        max_tokens=max_tokens,
        token_budget=token_budget,
    )


def extract(backend: Backend, text: str, c: Candidates, **options: Any) -> CallResult[Draft]:
    return backend.call(build_request(text, c, **options))


def _cut(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _context(text: str, start: int, end: int, width: int = 45) -> str:
    left = text[max(0, start - width) : start].split("\n")[-1]
    right = text[end : end + width].split("\n")[0]
    return " ".join(f"{left}{text[start:end]}{right}".split())
