"""The LLM stage: deterministic candidates in, three small validated answers out.

A 1.5B model is poor at finding every number and quote, and slow at copying them out (a
2-core CPU samples ~11 tokens/s but reads ~70). So code finds the candidates (numbers,
quotations, names) and the model classifies and describes them, answering with ids:
`{"n": 3, "measures": "..."}` instead of re-typing "US$240.1 billion".

The work is split into three focused calls (overview, actors, figures). All three share one
prompt prefix (system text, then the article and its candidates), and llama.cpp keeps the KV
cache of the longest common prefix, so the article is read once and each later call costs
only its short task line. Every list and string is bounded, which bounds the grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from .backends.base import Attempt, Backend, CallRequest, TruncatedOutputError
from .candidates import NameSpan, is_news_outlet
from .errors import ExtractionError, SummarizerError
from .figures import Quantity
from .prompts_store import load_sections
from .quotations import Quotation
from .schema import Tokens

Kind = Literal["person", "organisation", "country", "group", "other"]
QUOTE_CHARS = 600  # schema v1's bound on a quote; longer "quotes" are whole passages, not positions
QUOTE_WORDS = 12  # a candidate quote is shown cut to this many words: enough to recognise it


class DraftEvent(BaseModel):
    what: str = Field(max_length=200)
    type: str = Field(max_length=30)
    when: str | None = Field(default=None, max_length=40)
    where: str | None = Field(default=None, max_length=80)


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


TASKS: dict[str, type[BaseModel]] = {"overview": Overview, "actors": Actors, "notes": Notes}
MAX_QUOTES, MAX_NUMBERS = 8, 12


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


@dataclass
class Candidates:
    """What code found in one piece of text; offsets are relative to that text."""

    names: list[NameSpan] = field(default_factory=list)
    quotes: list[Quotation] = field(default_factory=list)
    numbers: list[Quantity] = field(default_factory=list)


def find_candidates(text: str) -> Candidates:
    """Names, plus the quotes and numbers worth a note: attributed statements and unit-bearing
    quantities, minus anaphoric counts ("the two countries" refers to parties, it is no figure)."""
    from .candidates import find_names
    from .figures import find_quantities
    from .quotations import find_quotations

    quotes = [q for q in find_quotations(text) if _position_like(q)]
    numbers = [n for n in find_quantities(text) if n.unit and not _anaphoric(text, n) and not _furniture(text, n)]
    return Candidates(find_names(text), quotes[:MAX_QUOTES], numbers[:MAX_NUMBERS])


def _position_like(q: Quotation) -> bool:
    # "Reuters reported ..." is the news itself, not somebody's stance.
    return (bool(q.speaker) and len(q.text.split()) >= 5 and len(q.text) <= QUOTE_CHARS
            and q.cue != "reported" and not is_news_outlet(q.speaker))


def _furniture(text: str, n: Quantity) -> bool:
    """A speaker's "one" ("one source said"), or a number in a ticker or table row: a line
    without a lowercase word ("HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%")."""
    if n.text.lower() in {"one", "a", "an"} and (
        re.match(r"(?:\s+[\w’'-]+){1,3}?,?\s+(?:said|says|told|who)\b", text[n.end :])
        or re.search(r"\b(?:said|says|told|according to)\s+$", text[max(0, n.start - 20) : n.start])
    ):
        return True  # "one source said", "said one source", "One community worker, who..."
    line_start, line_end = text.rfind("\n", 0, n.start) + 1, text.find("\n", n.end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return not re.search(r"\b[a-z]{3,}\b", line)


def _anaphoric(text: str, n: Quantity) -> bool:
    before = text[max(0, n.start - 12) : n.start].split()
    return bool(before) and before[-1].lower() in {"the", "these", "those", "both"} and n.text.isalpha()


def render_candidates(c: Candidates, text: str) -> dict[str, str]:
    """The prompt's template variables; compact, because every prompt token costs time on a CPU."""
    quotes = "\n".join(f"q{i}. {q.speaker}: {_cut(q.text, QUOTE_WORDS)}" for i, q in enumerate(c.quotes, 1))
    numbers = "\n".join(f"n{i}. {n.text} (…{_context(text, n.start, n.end)}…)" for i, n in enumerate(c.numbers, 1))
    names = "; ".join(n.text for n in sorted(c.names, key=lambda n: -n.count)[:20]) or "(none)"
    return {"names_text": names, "quotes_text": quotes or "(none)", "numbers_text": numbers or "(none)"}


def build_request(task: str, text: str, c: Candidates, *, max_reasks: int, max_tokens: int,
                  token_budget: int | None) -> CallRequest[Any]:
    sections = load_sections("extract_v2.md")
    # instructor renders messages as Jinja templates with `context`, so the article goes in as
    # a variable and its own braces are never interpreted. The same context reaches the
    # validators, which read the candidate lists.
    context: dict[str, Any] = {"article": text, **render_candidates(c, text), "quotes": c.quotes,
                               "numbers": c.numbers}
    return CallRequest(
        messages=[
            {"role": "system", "content": sections["system"]},
            {"role": "user", "content": sections["article"]},
            {"role": "user", "content": sections[task]},
        ],
        response_model=notes_model(len(c.quotes), len(c.numbers)) if task == "notes" else TASKS[task],
        context=context,
        stage=task,
        max_reasks=max_reasks,
        max_tokens=max_tokens,
        token_budget=token_budget,
    )


def extract(backend: Backend, text: str, c: Candidates, *, max_reasks: int, max_tokens: int,
            token_budget: int | None) -> Extraction:
    """Run the three calls. A task that stays invalid after its re-asks keeps its valid items
    (see salvage.py); only an overview that cannot be used fails the article."""
    tokens, attempts, warnings = Tokens(), [], []
    answers: dict[str, BaseModel] = {}
    for task in TASKS:
        if task == "notes" and not (c.quotes or c.numbers):
            answers[task] = Notes()  # nothing to describe: skip the call
            continue
        budget = None if token_budget is None else token_budget - tokens.total
        request = build_request(task, text, c, max_reasks=max_reasks, max_tokens=max_tokens, token_budget=budget)
        try:
            answer, used, tried, notes = _call_task(backend, request)
        except SummarizerError as exc:
            # The run log must hold this article's earlier calls too, not only the failing task's.
            exc.data["attempts"] = attempts + list(exc.data.get("attempts") or [])
            if task == "overview" or not isinstance(exc, ExtractionError):
                raise
            # Participants and notes only describe what code found: without them the article
            # still has its figures and quoted positions, so it degrades instead of failing.
            answer, notes = (Actors(participants=[]) if task == "actors" else Notes()), [
                f"the {task} answer was unusable and is left out ({exc.message})"]
            used, tried = exc.data.get("tokens") or Tokens(), exc.data["attempts"][len(attempts):]
        answers[task] = answer
        tokens, attempts, warnings = tokens + used, attempts + tried, warnings + notes
    return Extraction(Draft(**answers), tokens, attempts, warnings)  # type: ignore[arg-type]


def _call_task(backend: Backend, request: CallRequest[Any]) -> tuple[BaseModel, Tokens, list[Attempt], list[str]]:
    from .salvage import salvage

    tokens, attempts = Tokens(), []
    for _ in range(2):  # output cut off by max_tokens is retried once with room, never re-asked as is
        try:
            result = backend.call(request)
            return result.output, tokens + result.tokens, attempts + result.attempts, []
        except TruncatedOutputError as exc:
            attempts += exc.data.get("attempts", [])
            tokens = tokens + (exc.data.get("tokens") or Tokens())
            request.max_tokens *= 2
        except ExtractionError as exc:
            attempts += exc.data.get("attempts", [])
            tokens = tokens + (exc.data.get("tokens") or Tokens())
            answer, notes = salvage(request.stage, exc.data.get("last_response"), request.context)
            if answer is None:
                raise
            return answer, tokens, attempts, notes
    raise ExtractionError(
        f"stage {request.stage!r}: the model's output was cut off even at max_tokens={request.max_tokens // 2}; "
        "raise --max-tokens or SUMMARIZER_MAX_TOKENS",
        attempts=attempts, tokens=tokens,
    )


def _cut(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _context(text: str, start: int, end: int, width: int = 32) -> str:
    left = text[max(0, start - width) : start].split("\n")[-1]
    right = text[end : end + width].split("\n")[0]
    return " ".join(f"{left}{text[start:end]}{right}".split())
