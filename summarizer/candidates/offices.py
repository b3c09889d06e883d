"""Office nouns resolved to the person the text gives that office.

    office_holders(doc, groups) -> groups   (mention groups, each one participant; see clusters.cluster_mentions)

News names a person once with a title and then by the office alone: "President Trump ... the
president says", "the interior minister, Christophe Castaner, ...". An unnamed group whose every
mention is a singular office noun (`OFFICE_NOUNS`) is then that person, not a participant of its
own, and what "the president said" is Trump's position. A mention joins a person:
- in apposition with the person's name ("the French president, Emmanuel Macron");
- else, when exactly one person carries that office as a bare title ("President Trump", "the
  interior minister, Christophe Castaner"), narrowed by the mention's modifiers when several do
  ("the former president" is "Former President Bill Clinton"). A title with a complement ("John
  Williams, the president of the Federal Reserve Bank") is an office of that body, not "the
  president", so it is no bare title.
Measured (fake backend, code path): gold tune participants P 0.594 -> 0.607 (F1 0.663 -> 0.671),
positions F1 0.385 -> 0.408 ("the president said" is Trump's); check unchanged (F1 0.672, positions
0.367); WikiEvents recall unchanged on both halves.
"""

from __future__ import annotations

from typing import Any

__all__ = ["OFFICE_NOUNS", "office_holders"]

# Singular nouns that name an office or a function: "the president" is the president the text names.
OFFICE_NOUNS = frozenset(
    "president minister premier chancellor secretary spokesman spokeswoman spokesperson prosecutor official "
    "leader judge lawyer attorney diplomat negotiator journalist reporter source critic expert analyst "
    "investigator officer lawmaker legislator member agent guard governor mayor chief director".split()
)
_MODIFIERS = {"amod", "compound"}


def _office(token: Any) -> bool:
    """A singular office noun; a title before a name is a proper noun ("President Trump")."""
    return bool(token.tag_ in ("NN", "NNP") and token.lower_ in OFFICE_NOUNS)


def _words(token: Any) -> set[str]:
    """The office with its modifiers: 'former', 'interior', 'French' for 'the French president'."""
    return {token.lower_, *(c.lower_ for c in token.children if c.dep_ in _MODIFIERS)}


def _bare(token: Any) -> bool:
    return not any(c.dep_ == "prep" for c in token.children)


def _titles(root: Any) -> list[Any]:
    """Office tokens that title a person's name: "President Trump", "Trump, the president",
    "the president, Trump"."""
    out = [c for c in root.children if c.dep_ in ("compound", "appos") and _office(c)]
    if root.dep_ == "appos" and _office(root.head):
        out.append(root.head)
    return out


def office_holders(doc: Any, groups: list[list[Any]]) -> list[list[Any]]:
    """Move each office-noun mention of an unnamed group into the person it names (see the module
    docstring); a group left without mentions is dropped."""
    def root(m: Any) -> Any:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root if span is not None else None

    person_at: dict[int, int] = {}  # token index of a person mention's head -> its group
    bare: list[tuple[int, set[str]]] = []  # (group, title words) of every bare title
    for n, group in enumerate(groups):
        if group[0].label != "PERSON":
            continue
        for m in group:
            if (r := root(m)) is None:
                continue
            person_at[r.i] = n
            bare += [(n, _words(t)) for t in _titles(r) if _bare(t)]
    moved: dict[int, list[Any]] = {}
    for n, group in enumerate(groups):
        roots = [root(m) for m in group]
        if group[0].label != "GROUP" or not all(r is not None and r.tag_ == "NN" and _office(r) for r in roots):
            continue
        for m, r in zip(group, roots, strict=True):
            target = _holder(r, person_at, bare)
            if target is not None:
                moved.setdefault(n, []).append(m)
                groups[target].append(m)
    kept = [[m for m in g if all(m is not x for x in moved.get(n, []))] for n, g in enumerate(groups)]
    return [sorted(g, key=lambda m: m.start) for g in kept if g]


def _holder(token: Any, person_at: dict[int, int], bare: list[tuple[int, set[str]]]) -> int | None:
    named = [c.i for c in token.children if c.dep_ == "appos"] + ([token.head.i] if token.dep_ == "appos" else [])
    for i in named:
        if i in person_at:
            return person_at[i]
    if not _bare(token):
        return None
    lemma, words = token.lower_, _words(token)
    holders = {n for n, title in bare if lemma in title}
    if len(holders) > 1:
        holders = {n for n, title in bare if words <= title}
    return holders.pop() if len(holders) == 1 else None
