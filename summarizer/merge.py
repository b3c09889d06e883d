"""Merging: alias clusters, duplicate removal, and chunk results into one summary.

Two names denote the same entity when, after dropping titles and normalising case and
diacritics, one's tokens contain the other's surname-like last token ("Mr Xi" ~ "Xi Jinping"
via "xi"), or a known abbreviation maps one to the other ("US" ~ "United States").
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from summarizer.candidates.lexicon import COUNTRY_ALIASES, MERGE_TITLES, ORGANISATION_ABBREVIATIONS
from summarizer.schema import Figure, Participant, Position

TITLES = MERGE_TITLES


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[’'`]s\b", "", text).replace(".", "")
    text = re.sub(r"[^\w\s-]", " ", text).replace("-", " ")
    return " ".join(text.split())


# Short forms a whole name may be ("US", "U.S.", "NATO"), normalised. Only one-word aliases,
# as merge has always had: a long form ("Great Britain") keeps its own tokens.
ABBREVIATIONS = {
    normalise_name(short): normalise_name(full)
    for short, full in (COUNTRY_ALIASES | ORGANISATION_ABBREVIATIONS).items()
    if " " not in short
}


def core_tokens(name: str) -> list[str]:
    tokens = normalise_name(name).split()
    expanded = ABBREVIATIONS.get(" ".join(tokens))
    if expanded:
        return expanded.split()
    core = [t for t in tokens if t not in TITLES]
    return core or tokens


def same_entity(a: str, b: str) -> bool:
    ta, tb = core_tokens(a), core_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) == 1 and len(long) > 1:
        # "Xi" ~ "Xi Jinping" (family name first) and "Putin" ~ "Vladimir Putin"
        return short[0] in (long[0], long[-1]) and len(short[0]) > 1
    if set(short) <= set(long):
        return True
    return fuzz.token_sort_ratio(" ".join(ta), " ".join(tb)) >= 92


def merge_participants(participants: list[Participant]) -> list[Participant]:
    """One participant per entity: the fullest name wins, the other forms become aliases."""
    merged: list[Participant] = []
    for p in participants:
        twin = next((m for m in merged if any(same_entity(n, p.name) for n in [m.name, *m.aliases])), None)
        if twin is None:
            merged.append(p.model_copy(deep=True))
            continue
        names = [twin.name, p.name, *twin.aliases, *p.aliases]
        fullest = max(names, key=lambda n: (len(core_tokens(n)), len(n)))
        twin.aliases = _unique([n for n in names if n != fullest])[:12]
        twin.name = fullest
        twin.role = twin.role or p.role
        twin.evidence = twin.evidence or p.evidence
        if twin.kind == "other":
            twin.kind = p.kind
    return merged


def merge_positions(positions: list[Position]) -> list[Position]:
    """Positions by holder and quote: the same quote span held by the same entity is one position."""
    kept: list[Position] = []
    for p in positions:
        if any(same_entity(k.holder, p.holder) and _overlaps(k, p) for k in kept):
            continue
        kept.append(p)
    return kept


def merge_figures(figures: list[Figure]) -> list[Figure]:
    """Figures by value, unit and span."""
    kept: list[Figure] = []
    seen: set[tuple[float, str, int | None]] = set()
    for f in figures:
        key = (f.value, f.unit, f.evidence.start if f.evidence else None)
        if key not in seen:
            seen.add(key)
            kept.append(f)
    return kept


def canonical_holder(holder: str, participants: list[Participant]) -> str | None:
    for p in participants:
        if any(same_entity(holder, n) for n in [p.name, *p.aliases]):
            return p.name
    return None


def _overlaps(a: Position, b: Position) -> bool:
    if a.evidence and b.evidence and a.evidence.start is not None and b.evidence.start is not None:
        return a.evidence.start < (b.evidence.end or 0) and b.evidence.start < (a.evidence.end or 0)
    return a.quote == b.quote


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out
