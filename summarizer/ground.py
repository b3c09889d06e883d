"""Grounding: the model's draft becomes schema items whose evidence is computed by code.

The model never supplies offsets. Quotes and numbers come from candidates, whose spans are
known; names and dates are aligned against the text (exact, then normalised, then fuzzy).
An item that cannot be grounded is dropped, and `warnings` says which and why, so nothing
ungrounded is ever presented as grounded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .align import align
from .candidates import NameSpan, alias_groups
from .dates import resolve_date
from .extract import Candidates, Draft
from .merge import canonical_holder, merge_figures, merge_participants, merge_positions, same_entity
from .schema import Event, Evidence, Figure, Participant, Position


@dataclass
class Grounded:
    headline: str
    summary: str
    event: Event | None
    participants: list[Participant]
    positions: list[Position]
    figures: list[Figure]
    warnings: list[str] = field(default_factory=list)


def ground(draft: Draft, c: Candidates, text: str, *, anchor: dt.date | None, offset: int = 0) -> Grounded:
    """Ground a draft for `text`; `offset` shifts evidence when `text` is a chunk of a longer article."""
    warnings: list[str] = []
    participants = _participants(draft, c, text, warnings)
    positions = _positions(draft, c, participants, warnings)
    figures = _figures(draft, c, warnings)
    event = _event(draft, text, anchor, warnings)
    result = Grounded(draft.headline.strip(), draft.summary.strip(), event, participants, positions, figures, warnings)
    if offset:
        shift_evidence(result, offset)
    return result


def _participants(draft: Draft, c: Candidates, text: str, warnings: list[str]) -> list[Participant]:
    groups = alias_groups(c.names)
    out: list[Participant] = []
    for p in draft.participants:
        forms = _forms_in_text(p.name, groups)
        evidence = next((e for e in (align(form, text) for form in forms) if e is not None), None)
        if evidence is None or evidence.match == "fuzzy" and (evidence.score or 0) < 90:
            warnings.append(f"dropped participant {p.name!r}: neither the name nor an alias appears in the text")
            continue
        aliases = [f for f in forms if f != p.name and f in text]
        out.append(Participant(name=p.name if p.name in text else evidence.quote, kind=p.kind,
                               role=p.role.strip() or None, aliases=aliases[:12], evidence=evidence))
    return merge_participants(out)


def _forms_in_text(name: str, groups: list[list[str]]) -> list[str]:
    group = next((g for g in groups if any(same_entity(name, form) for form in g)), [])
    return [name, *sorted((g for g in group if g != name), key=len, reverse=True)]


def _positions(draft: Draft, c: Candidates, participants: list[Participant], warnings: list[str]) -> list[Position]:
    out: list[Position] = []
    for p in draft.positions:
        quote = c.quotes[p.q - 1]
        holder = canonical_holder(p.holder, participants) or (
            canonical_holder(quote.speaker, participants) if quote.speaker else None
        )
        if holder is None:
            warnings.append(f"dropped position Q{p.q}: holder {p.holder!r} is not a grounded participant")
            continue
        evidence = Evidence(quote=quote.text, start=quote.start, end=quote.end, match="exact")
        out.append(Position(holder=holder, stance=p.stance.strip(), topic=None, quote=quote.text, evidence=evidence))
    return merge_positions(out)


def _figures(draft: Draft, c: Candidates, warnings: list[str]) -> list[Figure]:
    out: list[Figure] = []
    for f in draft.figures:
        number = c.numbers[f.n - 1]
        if number.unit is None:
            warnings.append(f"dropped figure N{f.n} {number.text!r}: no unit could be read from the text")
            continue
        evidence = Evidence(quote=number.text, start=number.start, end=number.end, match="exact")
        out.append(Figure(value=number.value, unit=number.unit, text=number.text,
                          measures=f.measures.strip(), evidence=evidence))
    return merge_figures(out)


def _event(draft: Draft, text: str, anchor: dt.date | None, warnings: list[str]) -> Event:
    e = draft.event
    date_text = e.when.strip() if e.when else None
    evidence = align(date_text, text) if date_text else None
    if date_text and evidence is None:
        warnings.append(f"event date {date_text!r} is not in the text; date left empty")
        date_text = None
    date = resolve_date(date_text, anchor) if date_text else None
    if evidence is None and e.where:
        evidence = align(e.where, text)
    location = e.where.strip() if e.where and align(e.where, text) else None
    return Event(description=e.what.strip(), type=e.type.strip() or None, date=date,
                 date_text=date_text, location=location, evidence=evidence)


def shift_evidence(result: Grounded, offset: int) -> None:
    items = [result.event, *result.participants, *result.positions, *result.figures]
    for item in items:
        ev = getattr(item, "evidence", None) if item is not None else None
        if ev is not None and ev.start is not None and ev.end is not None:
            ev.start += offset
            ev.end += offset


__all__ = ["Grounded", "ground", "shift_evidence", "NameSpan"]
