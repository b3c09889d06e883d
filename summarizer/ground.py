"""Grounding: the model's draft becomes schema items whose evidence is computed by code.

The model never supplies offsets. Quotes and numbers come from candidates, whose spans are
known; names and dates are aligned against the text (exact, then normalised, then fuzzy).
An item that cannot be grounded is dropped, and `warnings` says which and why, so nothing
ungrounded is ever presented as grounded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import cast

from summarizer.agreement import inverts_lead
from summarizer.align import align
from summarizer.candidates import Candidates
from summarizer.candidates.date_resolution import YEARS, out_of_range, resolve_date
from summarizer.candidates.dates import names_a_span
from summarizer.candidates.names import alias_groups, is_news_outlet
from summarizer.candidates.quotations import source_kind
from summarizer.extract.drafts import Draft
from summarizer.merge import (
    canonical_holder,
    merge_figures,
    merge_participants,
    merge_positions,
    same_entity,
)
from summarizer.schema import Event, Evidence, Figure, Participant, ParticipantKind, Position


@dataclass
class Grounded:
    headline: str
    summary: str
    event: Event | None
    participants: list[Participant]
    positions: list[Position]
    figures: list[Figure]
    warnings: list[str] = field(default_factory=list)
    # What was said about this part's event date. Kept apart because a long article's summary
    # takes the first chunk's event: a later chunk's "the lead states no date" is about an event
    # that is not shown, and said beside the first chunk's "Tuesday" it contradicted it.
    event_warnings: list[str] = field(default_factory=list)


def ground(draft: Draft, c: Candidates, text: str, *, anchor: dt.date | None, offset: int = 0) -> Grounded:
    """Ground a draft for `text`; `offset` shifts evidence when `text` is a chunk of a longer article."""
    warnings: list[str] = []
    event_warnings: list[str] = []
    groups = alias_groups(c.names)
    participants = _participants(draft, c, groups, text, warnings)
    positions = _positions(draft, c, groups, participants, text, warnings)
    figures = _figures(draft, c, warnings)
    event = _event(draft, c, text, anchor, event_warnings)
    o = draft.overview
    result = Grounded(o.headline.strip(), o.summary.strip(), event, participants, positions, figures, warnings,
                      event_warnings)
    if offset:
        shift_evidence(result, offset)
    return result


def _participants(draft: Draft, c: Candidates, groups: list[list[str]], text: str,
                  warnings: list[str]) -> list[Participant]:
    """The participants code selected from the parse, each grounded at its first mention. A
    role the model wrote (when it was asked for actors) fills in only where code found none."""
    model_roles = {p.name: (p.role or "").strip() for p in draft.actors.participants}
    out: list[Participant] = []
    for actor in c.actors:
        if is_news_outlet(actor.name):
            warnings.append(f"dropped participant {actor.name!r}: a news source, not an actor")
            continue
        role = actor.role or next((r for name, r in model_roles.items() if r and same_entity(name, actor.name)), None)
        evidence = Evidence(quote=text[actor.start : actor.end], start=actor.start, end=actor.end, match="exact")
        out.append(Participant(name=actor.name, kind=cast(ParticipantKind, actor.kind), role=role or None,
                               aliases=[a for a in actor.aliases if a in text][:12], evidence=evidence))
    if c.actors:
        return merge_participants(out)
    for p in draft.actors.participants:  # no parse-selected participant at all: the model's list
        if _setting_not_actor(p.name, p.role):
            warnings.append(f"dropped participant {p.name!r}: a place or news source ({p.role or 'outlet'}), "
                            "not an actor")
            continue
        found = _grounded_participant(p.name, p.kind, p.role, groups, text)
        if found is None:
            warnings.append(f"dropped participant {p.name!r}: neither the name nor an alias appears in the text")
            continue
        out.append(found)
    return merge_participants(out)


# Roles the small model gives to places and to the outlet that carries the story; the
# labelling rules leave both out. Exact roles only: "conflict area" may still be an actor.
_SETTING_ROLES = {
    "location", "place", "region", "venue", "site", "city", "town", "village", "province", "district",
    "setting", "scene", "area", "territory", "source", "source of information", "news agency", "news outlet",
    "news source", "media", "media outlet", "journalist", "reporter", "data provider", "publisher", "newspaper",
}  # fmt: skip


def _setting_not_actor(name: str, role: str | None) -> bool:
    return is_news_outlet(name) or (role or "").strip().lower().rstrip(".") in _SETTING_ROLES


def _grounded_participant(name: str, kind: str, role: str | None, groups: list[list[str]],
                          text: str) -> Participant | None:
    forms = _forms_in_text(name, groups)
    evidence = next((e for e in (align(form, text) for form in forms) if e is not None), None)
    if evidence is None or evidence.match == "fuzzy" and (evidence.score or 0) < 90:
        return None
    aliases = [f for f in forms if f != name and f in text]
    return Participant(name=name if name in text else text[evidence.start : evidence.end],
                       kind=cast(ParticipantKind, kind),
                       role=(role or "").strip() or None, aliases=aliases[:12], evidence=evidence)


def _forms_in_text(name: str, groups: list[list[str]]) -> list[str]:
    group = next((g for g in groups if any(same_entity(name, form) for form in g)), [])
    return [name, *sorted((g for g in group if g != name), key=len, reverse=True)]


def _positions(draft: Draft, c: Candidates, groups: list[list[str]], participants: list[Participant],
               text: str, warnings: list[str]) -> list[Position]:
    """One position per attributed quote. The holder is the quote's speaker, found by code; a
    speaker the model did not list as a participant is added when grounded, and the position
    is dropped when the speaker does not appear in the text."""
    stances = draft.notes.stances(len(c.quotes)) if draft.notes.model_fields_set else c.stances
    out: list[Position] = []
    for i, quote in enumerate(c.quotes):
        if not quote.speaker:  # find_candidates keeps only attributed quotes; an unattributed one holds nothing
            continue
        holder = canonical_holder(quote.speaker, participants)
        if holder is None:
            added = _grounded_participant(quote.speaker, _kind_hint(quote.speaker, c), None, groups, text)
            if added is None:
                warnings.append(f"dropped position: speaker {quote.speaker!r} does not appear in the text")
                continue
            participants.append(added)
            holder = added.name
        stance = _stance_or_gist(stances[i] if i < len(stances) else "", holder, quote.text)
        evidence = Evidence(quote=quote.text, start=quote.start, end=quote.end, match="exact")
        out.append(Position(holder=holder, stance=stance, topic=None, quote=quote.text, evidence=evidence))
    return merge_positions(out)


def _stance_or_gist(stance: str, holder: str, quote: str) -> str:
    """The model's stance, unless it is empty, one word ("realise") or the holder's name again
    ("prosecutors"), which the 1.5B model often writes: then the quote's opening words."""
    stance = stance.strip()
    if len(stance.split()) < 2 or stance.lower() in {holder.lower(), holder.lower() + "s"}:
        return _gist(quote)
    return stance


def _gist(quote: str) -> str:
    return "says: " + " ".join(quote.split()[:10]).rstrip(",;:") + "…"


def _figures(draft: Draft, c: Candidates, warnings: list[str]) -> list[Figure]:
    measures = draft.notes.measures(len(c.numbers)) if draft.notes.model_fields_set else c.measures
    out: list[Figure] = []
    for i, number in enumerate(c.numbers):
        described = measures[i].strip() if i < len(measures) else ""
        evidence = Evidence(quote=number.text, start=number.start, end=number.end, match="exact")
        out.append(Figure(value=number.value, unit=number.unit or "", text=number.text,
                          measures=described or "not described", evidence=evidence))
    return merge_figures(out)


def _event(draft: Draft, c: Candidates, text: str, anchor: dt.date | None, warnings: list[str]) -> Event:
    """The event as the model words it; its date is chosen by code, never by the model: the
    first date the lead states, unless it is old background, when it is a recent day; none when it
    is no single day ("last week"); the article's own date when the lead states no date at all."""
    e = draft.overview.event
    lead = _first_recent(c.lead_dates, anchor)
    date_text, evidence, date = None, None, None
    if lead is not None:
        (start, end, date_text), date = lead
        evidence = Evidence(quote=date_text, start=start, end=end, match="exact")
    elif c.lead_dates and out_of_range(c.lead_dates[0][2]):
        start, end, date_text = c.lead_dates[0]  # "12 March 1850": as written, never resolved
        evidence = Evidence(quote=date_text, start=start, end=end, match="exact")
        warnings.append(f"the lead's date {date_text!r} lies outside {YEARS.start}-{YEARS.stop - 1}: it is kept "
                        "as written, with no resolved date")
    elif c.lead_dates and anchor is None:
        warnings.append(f"the lead's date {c.lead_dates[0][2]!r} cannot be resolved without a publication date; "
                        "pass --published")
    elif c.lead_dates:
        warnings.append(f"the lead's date {c.lead_dates[0][2]!r} is no single recent day: the event date is left "
                        "empty")
    elif anchor is None:
        warnings.append("no date in the lead nor a publication date: the event date is left empty")
    else:  # a lead that dates nothing reports the day it was filed, as a dateline does
        date = anchor.isoformat()
        warnings.append(f"the lead states no date: the event date is the article's own date, {date}")
    description = _agreeing_description(e.what.strip(), c, warnings)
    location, place = _place(e.where, c.place, text)
    evidence = evidence or place
    return Event(description=description, type=e.type.strip() or None, date=date,
                 date_text=date_text, location=location, evidence=evidence)


def _place(where: str | None, dateline: tuple[int, int, str] | None,
           text: str) -> tuple[str | None, Evidence | None]:
    """The dateline's city, copied ("BUFFALO, N.Y. —"); else the model's place if the text has it."""
    if dateline is not None:
        start, end, city = dateline
        return city, Evidence(quote=city, start=start, end=end, match="exact")
    place = align(where, text) if where else None
    return ((where or "").strip() if place else None), place


def _agreeing_description(description: str, c: Candidates, warnings: list[str]) -> str:
    """The model's event line, unless it inverts who did what to whom (see agreement.py), even
    after the re-ask: then the lead's main clause, cut short, copied so it cannot invert anything."""
    if c.lead is not None and inverts_lead(description, c.lead):
        warnings.append(f"the event line {description!r} inverts who did what to whom in the lead; "
                        "the lead's main clause is used instead")
        return c.lead.clause
    return description


def _first_recent(lead_dates: list[tuple[int, int, str]],
                  anchor: dt.date | None) -> tuple[tuple[int, int, str], str] | None:
    """The lead's first date that is no old background ("the storm of March 3, 1987"), with its
    resolved form, if it names a recent day: "over the weekend, after ... on Nov. 5" or "this
    month" date the event to no single day."""
    for mention in lead_dates:
        date = resolve_date(mention[2], anchor)
        if date is None and out_of_range(mention[2]):
            continue  # history or speculation ("in 1850", "by 2150"): no event day to resolve
        recent = _recent(date, anchor)
        if date is not None and not recent and anchor is not None and date < anchor.isoformat():
            continue  # an older date: background
        return (mention, date) if date is not None and recent and not names_a_span(mention[2]) else None
    return None


RECENT_DAYS = 31  # news reports what just happened: an older date in the lead is background


def _recent(date: str | None, anchor: dt.date | None) -> bool:
    """A resolved date that can be the event's: within RECENT_DAYS before the anchor (or any, with
    no anchor to compare), never after it. "the storm of March 3, 1987" in a lead is background."""
    if date is None:
        return False
    if anchor is None:
        return True
    day = dt.date.fromisoformat(date if len(date) == 10 else date + "-01")
    return anchor - dt.timedelta(days=RECENT_DAYS) <= day <= anchor + dt.timedelta(days=1)


def _kind_hint(name: str, c: Candidates) -> str:
    span = next((n for n in c.names if same_entity(name, n.text)), None)
    if span is not None and span.kind_hint:
        return span.kind_hint
    return source_kind(name) or "other"


def shift_evidence(result: Grounded, offset: int) -> None:
    items = [result.event, *result.participants, *result.positions, *result.figures]
    for item in items:
        ev = getattr(item, "evidence", None) if item is not None else None
        if ev is not None and ev.start is not None and ev.end is not None:
            ev.start += offset
            ev.end += offset


__all__ = ["Grounded", "ground", "shift_evidence"]
