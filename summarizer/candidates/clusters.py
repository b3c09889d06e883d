"""Clustering mentions into participants: which mentions name the same one, and what it is called.

    cluster_mentions(mentions, doc) -> [Cluster]

Split from entities.py, which finds the mentions (the NER's entities, surnames it missed, acting
groups); this groups them, on their names only:
- the same name with titles, "the" and a possessive dropped: "the Kremlin" ~ "Kremlin", "Mr Xi" ~ "Xi";
- a person's surname or first+last subset ~ the fullest form: "Xi" ~ "Xi Jinping"; middle initials
  and suffixes aside ("Patrick W. Carlineo" ~ "Patrick Carlineo Jr."), a first name shortened
  ("Pat Carlineo" ~ "Patrick Carlineo"); a surname the NER labels ORG or GPE ("Nadal") too;
- an acronym ~ the initials of an expansion in the text: "IRA" ~ "Irish Republican Army";
- an office noun ~ the one person the text gives that office: "the president" ~ "President Trump"
  (offices.py); it counts as the person's mention but never names the cluster;
- a capital that acts ~ its country, when the text names it: "Beijing" ~ "China" (an alias).
"""

from __future__ import annotations

from typing import Any

from summarizer.candidates.kinds import cluster_kind
from summarizer.candidates.lexicon import CAPITALS, COUNTRIES, COUNTRY_ALIASES
from summarizer.candidates.mentions import Cluster, Mention, acronym, clean_name, initials, key_tokens, name_key
from summarizer.candidates.offices import office_holders

__all__ = ["cluster_mentions"]


def cluster_mentions(mentions: list[Mention], doc: Any) -> list[Cluster]:
    """The mentions grouped by the name they share, merged by the rules above, as clusters "e1", "e2"…
    in order of first mention, each named by its fullest form and given its kind (kinds.py)."""
    groups: list[list[Mention]] = []
    by_key: dict[tuple[str, ...], int] = {}
    for m in mentions:
        key = tuple(name_key(m))
        if m.label == "GROUP":
            key = ("group:" + key[-1].rstrip("s"),)
        if key in by_key:
            groups[by_key[key]].append(m)
            continue
        by_key[key] = len(groups)
        groups.append([m])
    groups = _capitals_into_countries(office_holders(doc, _merge_partial(groups)))
    clusters = []
    for n, group in enumerate(sorted(groups, key=lambda g: g[0].start), 1):
        # A person's office ("the president", offices.py) counts as a mention but never names it.
        named = [m for m in group if m.label != "GROUP"] or group
        # A capital joined to its country is its alias, never its name ("China", not "Beijing").
        named_by = [m for m in named if clean_name(m.text) not in CAPITALS] or named
        # Ties go to the label met first: a set's order changes with PYTHONHASHSEED, so one
        # process called Nadal a person and the next an organisation.
        labels = dict.fromkeys(m.label for m in named)
        label = max(labels, key=lambda lab: sum(m.label == lab for m in named))
        if any(m.label == "PERSON" and len(name_key(m)) > 1 for m in named):
            # A full name decides: "Bill de Blasio" is a person however often "De Blasio" is an ORG.
            label = max(named, key=lambda m: len(name_key(m))).label
        name = max((clean_name(m.text) for m in named_by), key=lambda s: (len(key_tokens(s)), len(s)))
        clusters.append(Cluster(f"e{n}", name, cluster_kind(label, group, name), label,
                                sorted(group, key=lambda m: m.start)))
    return clusters


def _capitals_into_countries(groups: list[list[Mention]]) -> list[list[Mention]]:
    """A capital the NER labels GPE, acting at least once ("Moscow and Beijing ramp up ties"), into
    its country when the text names that country: the same participant. A capital named only as a
    place ("talks in Beijing") stays a place."""
    def country_of(group: list[Mention]) -> str | None:
        names = {clean_name(m.text) for m in group}
        found = {COUNTRY_ALIASES.get(n, n) for n in names if COUNTRY_ALIASES.get(n, n) in COUNTRIES}
        return next(iter(found)) if len(found) == 1 else None

    countries = {c: i for i, g in enumerate(groups) if (c := country_of(g))}
    out, joined = [list(g) for g in groups], set()
    for i, group in enumerate(groups):
        capital = {CAPITALS.get(clean_name(m.text), "") for m in group}
        target = countries.get(next(iter(capital))) if len(capital) == 1 and "" not in capital else None
        if target is None or target == i or not all(m.label == "GPE" for m in group) \
                or all(m.role == "place" for m in group):
            continue
        out[target].extend(group)
        joined.add(i)
    return [g for i, g in enumerate(out) if i not in joined]


def _short_form(small: set[str], big: set[str]) -> bool:
    """'Pat Carlineo' ~ 'Patrick Carlineo Jr': the same surname, and each other word the start of
    one of the longer name's words (a first name shortened), three letters at least."""
    rest = small - big
    return len(small) >= 2 and bool(small & big) and all(
        len(w) >= 3 and any(b.startswith(w) and b != w for b in big - small) for w in rest)


_COUNTRY_KEYS = frozenset(" ".join(c.lower().split()) for c in COUNTRIES)


def _mislabelled_surname(small: list[Mention], tokens: set[str], host: set[str]) -> bool:
    """The NER often labels a surname alone ORG or GPE ("Nadal", "De Blasio", "Landaeta"): part of
    a person's full name and no country ("Jordan" stays Jordan beside Michael Jordan)."""
    return (all(m.label in ("ORG", "GPE", "NORP") for m in small) and tokens < host
            and not any(" ".join(key_tokens(m.text)) in _COUNTRY_KEYS for m in small))


def _merge_partial(groups: list[list[Mention]]) -> list[list[Mention]]:
    """A surname (or any token subset) into the one longer person name that holds it; an
    acronym into the one name whose initials it is. Ambiguous forms ("Clinton" with both Bill
    and Hillary Clinton in the text) stay apart."""
    def keys(group: list[Mention]) -> set[str]:
        return {t for m in group for t in name_key(m)}

    merged = True
    while merged:
        merged = False
        for i, small in enumerate(groups):
            # The NER's own labels decide: a surname it labels ORG alone ("Pagliano") stays a
            # mislabelled surname beside the PERSON mentions _surnames_missed added to it.
            labelled = [m for m in small if not m.found_by_name] or small
            label = labelled[0].label
            tokens = keys(small)
            short = next((a for m in small if (a := acronym(m.text))), None)
            hosts = []
            for j, big in enumerate(groups):
                host = keys(big)
                same_kind = big[0].label == label or {label, big[0].label} <= {"ORG", "GPE"}
                surname = big[0].label == "PERSON" and _mislabelled_surname(labelled, tokens, host)
                if j == i or not (same_kind or surname) or len(host) < len(tokens):
                    continue
                if (label == "PERSON" or surname) and (tokens < host or _short_form(tokens, host)):
                    hosts.append(j)
                elif short and len(host) > len(tokens) and any(initials(m.text) == short for m in big):
                    hosts.append(j)
            if len(hosts) == 1:
                groups[hosts[0]].extend(small)
                del groups[i]
                merged = True
                break
    return groups
