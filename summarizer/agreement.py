"""Whether the model's event line agrees with the lead on who did what to whom.

A 1.5B model swaps agent and target ("US accuses China and Russia of interfering" for a lead
where Xi and Putin accused the US). The lead's main verb has a subject and an object in the
parse (`describe.lead_clause`); an event line whose subject is the lead's object, and not its
subject, inverts it. extract/calls.py re-asks once on that; ground.py then falls back to the
lead's own clause.
"""

from __future__ import annotations

from summarizer.candidates.describe import LeadClause, main_roles
from summarizer.candidates.parse import parse
from summarizer.merge import same_entity

__all__ = ["inverts_lead"]


def inverts_lead(description: str, lead: LeadClause | None) -> bool:
    """True when `description`'s subject names the lead's target and not its agent."""
    if lead is None or not description.strip():
        return False
    roles = main_roles(next(iter(parse(description).sents)))
    if roles is None:
        return False
    return _names_overlap(roles[0], lead.target) and not _names_overlap(roles[0], lead.agent)


def _names_overlap(a: str, b: str) -> bool:
    def parts(phrase: str) -> list[str]:
        return [p.strip() for p in phrase.replace(" and ", ",").split(",") if p.strip()]
    return any(same_entity(x, y) for x in parts(a) for y in parts(b))
