"""What code finds in an article before any model sees it: participants, attributions, numbers, dates.

`find_candidates` is the stage's entry point. It parses the text once (`parse`) and every finder
reads that parse: entity clusters and the participants selected from them (`entities`,
`participants`), attributions (`attributions`, with `quotations` for quote spans), numbers
(`figures`), and what code can say about each (`describe`: roles, stances, the lead's dates;
`measures`: what each number counts).
Offsets are always into the text given. No fixed cap: every attribution and number that passes
the rules is a candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from summarizer.candidates.attributions import Attribution, can_hold_view, find_attributions
from summarizer.candidates.datelines import dateline_place
from summarizer.candidates.describe import LeadClause, lead_clause, lead_dates, role_of, stance_of
from summarizer.candidates.entities import Cluster, entity_clusters
from summarizer.candidates.figures import Quantity, find_quantities, is_figure
from summarizer.candidates.measures import measures_of
from summarizer.candidates.names import NameSpan, find_names, is_news_outlet
from summarizer.candidates.parse import DEFAULT_PIPELINE, parse, require_words
from summarizer.candidates.participants import positions_held, select_participants
from summarizer.candidates.quotations import Quotation, source_kind

__all__ = ["Candidates", "Actor", "find_candidates", "QUOTE_CHARS"]

QUOTE_CHARS = 600  # schema v1's bound on a quote; longer "quotes" are whole passages, not positions
# The schema's participant kinds for the parse's cluster kinds (places are never selected).
_KINDS = {"person": "person", "organisation": "organisation", "country": "country", "group": "group"}


@dataclass
class Actor:
    """A participant selected by code: its name as written, kind, aliases, role and first mention."""

    name: str
    kind: str
    aliases: list[str]
    role: str | None
    start: int
    end: int


@dataclass
class Candidates:
    """What code found in one piece of text; offsets are relative to that text."""

    names: list[NameSpan] = field(default_factory=list)
    quotes: list[Quotation] = field(default_factory=list)
    numbers: list[Quantity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    stances: list[str] = field(default_factory=list)  # one per quote, from its cue and content
    measures: list[str] = field(default_factory=list)  # one per number, from its clause
    lead_dates: list[tuple[int, int, str]] = field(default_factory=list)  # date mentions of the lead
    lead: LeadClause | None = None  # who did what to whom in the lead, to check the model's event line
    place: tuple[int, int, str] | None = None  # the dateline's city ("BUFFALO, N.Y. —"): the event's place


def find_candidates(text: str, pipeline: str = DEFAULT_PIPELINE, *, people: bool = True) -> Candidates:
    """Participants, attributed statements and the quantities that can be figures (a unit, a scale
    or a level; no anaphoric "the two countries": `figures.news.is_figure`), each with what code
    can say about it. `people=False` skips participants and attributions: for a text in a language
    the parser was not trained on, whose "names" and speech verbs would be noise (pipeline.py)."""
    doc = parse(text, pipeline)
    require_words(doc)
    attributions, actors = _people(doc) if people else ([], [])
    quotes = [_quotation(text, a) for a in attributions]
    numbers = [n for n in find_quantities(text) if is_figure(text, n) and not _furniture(text, n)]
    return Candidates(
        find_names(text), quotes, numbers, actors,
        stances=[stance_of(a.cue, a.content) for a in attributions],
        measures=[measures_of(doc, n.start, n.end) for n in numbers],
        lead_dates=lead_dates(doc),
        lead=lead_clause(doc),
        place=dateline_place(text),
    )


def _people(doc: Any) -> tuple[list[Attribution], list[Actor]]:
    """The attributions that can be positions, and the participants code selects."""
    clusters = entity_clusters(doc)
    attributions = [a for a in find_attributions(doc, clusters) if _position_like(a)]
    attributions = positions_held(attributions, clusters)  # a cited data source holds no position
    actors = [Actor(f.name, _KINDS[f.kind], f.aliases, role_of(doc, f.cluster), *_first_named(f.cluster))
              for f in select_participants(doc, clusters, attributions) if f.kind in _KINDS]
    return attributions, actors


def _first_named(cluster: Cluster) -> tuple[int, int]:
    """Where the participant is first named: an office noun joined to a person ("the governor",
    before "Gov. Eric Holcomb") is no evidence of the name."""
    named = (cluster.named_mentions or cluster.mentions)[0]
    return named.start, named.end


def _quotation(text: str, a: Attribution) -> Quotation:
    line_start = text.rfind("\n", 0, a.content_start) + 1
    line_end = text.find("\n", a.content_end)
    return Quotation(a.content, a.content_start, a.content_end, a.holder or a.source, a.cue,
                     text[line_start : line_end if line_end != -1 else len(text)])


def _position_like(a: Attribution) -> bool:
    # "Reuters reported ..." is the news itself, not somebody's stance.
    # A holder is a named entity of the text or a noun that can hold a view ("officials",
    # "the spokesman"); "the statement" or "its cutback" cannot (measured on the gold tune half).
    holder = a.holder or a.source
    return (bool(holder) and len(a.content.split()) >= 4 and len(a.content) <= QUOTE_CHARS
            and a.cue != "reported" and not is_news_outlet(holder)
            and (can_hold_view(a) or source_kind(holder) is not None))


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

