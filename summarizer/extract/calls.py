"""The LLM stage: the model writes the prose, code has found and worded everything else.

A 1.5B model is poor at finding every number and quote, and slow at copying them out (a
2-core CPU samples ~11 tokens/s but reads ~70). So code finds the candidates (participants,
attributions, numbers, dates) and words them from the parse, and by default the model answers
one short call: headline, summary and the event line (`PROSE_TASKS`). The `actors` and `notes`
tasks (participants, and a stance or `measures` per candidate id) can still be run through
`tasks=`, sharing the same prompt prefix, which llama.cpp keeps in its KV cache, so the article
is read once. Every list and string is bounded, which bounds the grammar.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pydantic import BaseModel

from summarizer.agreement import inverts_lead
from summarizer.backends.base import Attempt, Backend, CallRequest, TruncatedOutputError
from summarizer.candidates import Candidates
from summarizer.errors import ExtractionError, SummarizerError
from summarizer.extract.drafts import (
    TASKS,
    Actors,
    Draft,
    EventLine,
    Extraction,
    Notes,
    Overview,
    notes_model,
)
from summarizer.extract.prompts import load_sections
from summarizer.schema import Tokens

QUOTE_WORDS = 12  # a candidate quote is shown cut to this many words: enough to recognise it
# The prompt's own delimiters, however an article spells them: `</article>`, `< / ARTICLE >`,
# `<article class=x>`. Neutralised to ‹/article› (same length, so offsets into the text hold).
_DELIMITER = re.compile(r"<(\s*/?\s*article\b[^<>]*)>", re.IGNORECASE)


def neutralise(text: str) -> str:
    """`text` with every `<article>`/`</article>` tag made inert, so it cannot close the block."""
    return _DELIMITER.sub(lambda m: f"‹{m.group(1)}›", text)


def render_candidates(c: Candidates, text: str) -> dict[str, str]:
    """The prompt's template variables; compact, because every prompt token costs time on a CPU."""
    quotes = "\n".join(f"q{i}. {q.speaker}: {_cut(q.text, QUOTE_WORDS)}" for i, q in enumerate(c.quotes, 1))
    numbers = "\n".join(f"n{i}. {n.text} (…{_context(text, n.start, n.end)}…)" for i, n in enumerate(c.numbers, 1))
    names = "; ".join(n.text for n in sorted(c.names, key=lambda n: -n.count)[:20]) or "(none)"
    return {"names_text": names, "quotes_text": quotes or "(none)", "numbers_text": numbers or "(none)"}


def build_request(task: str, text: str, c: Candidates, *, max_reasks: int, max_tokens: int,
                  token_budget: int | None, spent_before: int = 0) -> CallRequest[Any]:
    sections = load_sections("extract_v2.md")
    # instructor renders messages as Jinja templates with `context`, so the article goes in as
    # a variable and its own braces are never interpreted. The same context reaches the
    # validators, which read the candidate lists.
    # Everything from the article is neutralised: its text, and the quotes and number contexts cut from it.
    shown = {k: neutralise(v) for k, v in render_candidates(c, text).items()}
    # Who acts on whom in the lead, from the parse: said up front, so that the model's event line
    # keeps the lead's agent as its subject (a 1.5B model swaps them), rather than re-asked after.
    lead = {"lead_agent": neutralise(c.lead.agent), "lead_target": neutralise(c.lead.target)} if c.lead else {}
    context: dict[str, Any] = {"article": neutralise(text), **shown, **lead, "quotes": c.quotes, "numbers": c.numbers}
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
        spent_before=spent_before,
    )


# What the model is asked for: prose only. Participants, roles, stances and measures are found
# and worded by code from the parse (summarizer.candidates), so the `actors` and `notes` tasks
# are not run by default; `tasks=` runs them, to compare the model's wording with the code's.
PROSE_TASKS: tuple[str, ...] = ("overview",)


def extract(backend: Backend, text: str, c: Candidates, *, max_reasks: int, max_tokens: int,
            token_budget: int | None, spent_before: int = 0,
            tasks: tuple[str, ...] = PROSE_TASKS) -> Extraction:
    """Run the calls in `tasks`. A task that stays invalid after its re-asks keeps its valid items
    (see salvage.py); only an overview that cannot be used fails the article. `spent_before`:
    the tokens earlier chunks of the article spent, so that a BudgetError reports the total."""
    tokens = Tokens()
    attempts: list[Attempt] = []
    warnings: list[str] = []
    answers: dict[str, BaseModel] = {"actors": Actors(participants=[]), "notes": Notes()}
    for task in tasks:
        if task == "notes" and not (c.quotes or c.numbers):
            answers[task] = Notes()  # nothing to describe: skip the call
            continue
        budget = None if token_budget is None else token_budget - tokens.total
        request = build_request(task, text, c, max_reasks=max_reasks, max_tokens=max_tokens, token_budget=budget,
                                spent_before=spent_before + tokens.total)
        try:
            answer, used, tried, notes = _call_task(backend, request)
        except SummarizerError as exc:
            # The run log must hold this article's earlier calls too, not only the failing task's.
            exc.attempts = attempts + exc.attempts
            if task == "overview" or not isinstance(exc, ExtractionError):
                raise
            # Participants and notes only describe what code found: without them the article
            # still has its figures and quoted positions, so it degrades instead of failing.
            answer, notes = (Actors(participants=[]) if task == "actors" else Notes()), [
                f"the {task} answer was unusable and is left out ({exc.message})"]
            used, tried = exc.tokens, exc.attempts[len(attempts):]
        tokens, attempts, warnings = tokens + used, attempts + tried, warnings + notes
        if task == "overview" and isinstance(answer, Overview) and inverts_lead(answer.event.what, c.lead):
            answer, used, tried = _reask_event(backend, request, answer, c, spent=tokens)
            tokens, attempts = tokens + used, attempts + tried
            warnings.append("the event line inverted who did what to whom in the lead; the model was asked again")
        answers[task] = answer
    return Extraction(Draft(**answers), tokens, attempts, warnings)  # type: ignore[arg-type]


def _reask_event(backend: Backend, request: CallRequest[Any], answer: Overview, c: Candidates, *,
                 spent: Tokens) -> tuple[Overview, Tokens, list[Attempt]]:
    """Ask once more, for the event line alone, when it inverts the lead, saying who acts there.
    A line that still inverts it is left for ground.py to replace with the lead's own clause."""
    assert c.lead is not None  # inverts_lead is False without a lead
    retry = copy.copy(request)
    retry.messages = [*request.messages, {"role": "assistant", "content": "{{ previous_answer }}"},
                      {"role": "user", "content": load_sections("extract_v2.md")["event_check"]}]
    retry.context = {**request.context, "previous_answer": answer.model_dump_json(),
                     "event_line": answer.event.what, "lead_clause": neutralise(c.lead.clause)}
    retry.response_model = EventLine
    retry.stage = "event_check"
    retry.max_tokens = min(request.max_tokens, 120)
    retry.token_budget = None if request.token_budget is None else request.token_budget - spent.total
    retry.spent_before = request.spent_before + spent.total
    try:
        line, used, tried, _ = _call_task(backend, retry)
    except SummarizerError as exc:
        if not isinstance(exc, ExtractionError):
            raise
        return answer, exc.tokens, exc.attempts  # the first answer stands; grounding corrects it
    if isinstance(line, EventLine) and line.what.strip() and not inverts_lead(line.what, c.lead):
        answer = answer.model_copy(update={"event": answer.event.model_copy(update={"what": line.what})})
    return answer, used, tried


def _call_task(backend: Backend, request: CallRequest[Any]) -> tuple[BaseModel, Tokens, list[Attempt], list[str]]:
    from summarizer.extract.salvage import salvage

    tokens = Tokens()
    attempts: list[Attempt] = []
    for _ in range(2):  # output cut off by max_tokens is retried once with room, never re-asked as is
        try:
            result = backend.call(request)
            return result.output, tokens + result.tokens, attempts + result.attempts, []
        except TruncatedOutputError as exc:
            attempts += exc.attempts
            tokens = tokens + exc.tokens
            request.max_tokens *= 2
        except ExtractionError as exc:
            attempts += exc.attempts
            tokens = tokens + exc.tokens
            answer, notes = salvage(request.stage, exc.last_response, request.context)
            if answer is None:
                raise
            return answer, tokens, attempts, notes
    raise ExtractionError(
        f"stage {request.stage!r}: the model's output was cut off even at max_tokens={request.max_tokens // 2}; "
        "raise --max-tokens or SUMMARIZER_MAX_TOKENS",
        attempts=attempts, tokens=tokens, stage=request.stage,
    )


def _cut(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _context(text: str, start: int, end: int, width: int = 32) -> str:
    left = text[max(0, start - width) : start].split("\n")[-1]
    right = text[end : end + width].split("\n")[0]
    return " ".join(f"{left}{text[start:end]}{right}".split())
