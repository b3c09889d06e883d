"""The data the entity stages share: a mention, a cluster of mentions, and the keys that compare names.

    clean_name("the Kremlin’s") -> "Kremlin"    key_tokens("Mr Xi Jinping") -> ("xi", "jinping")
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

__all__ = ["TITLES", "Mention", "Cluster", "clean_name", "key_tokens", "name_key", "acronym", "initials"]

TITLES = frozenset(
    "mr mrs ms miss dr prof sir dame lord lady president vice prime minister premier chancellor king queen "
    "prince princess sen senator rep gov governor gen general col lt sgt capt secretary mayor judge justice "
    "chairman chairwoman chief spokesman spokeswoman former late imam pope sheikh ambassador".split()
)
_POSSESSIVE = re.compile(r"(?:['’]s?|['’])$")
_GLUE = {"of", "the", "and", "for", "de", "&"}


@dataclass
class Mention:
    start: int  # character offsets into the parsed text
    end: int
    text: str
    label: str  # the NER label, or "GROUP" for an acting person noun
    role: str  # mention_role(): agent | patient | place | modifier | other
    sentence: int  # index of its sentence
    found_by_name: bool = False  # a surname the NER missed, found by its person's full name (entities.py)


@dataclass
class Cluster:
    id: str  # "e1", "e2"… in order of first mention
    name: str  # the fullest form the text uses
    kind: str  # person | organisation | country | group | place
    label: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def named_mentions(self) -> list[Mention]:
        """The mentions that name it: an office noun joined to a person ("the president", "the
        state's governor") refers to them but is no name, alias, title or evidence of theirs."""
        return [m for m in self.mentions if m.label != "GROUP" or self.label == "GROUP"]

    @property
    def aliases(self) -> list[str]:
        seen = {self.name}
        out = []
        for m in self.named_mentions:
            form = clean_name(m.text)
            if form and form not in seen:
                seen.add(form)
                out.append(form)
        return out

    @property
    def acts(self) -> bool:
        return any(m.role in ("agent", "patient") for m in self.mentions)


# What the NER glues to a name: a footnote mark ("Cinco[898]"), a score ("Nicolas Jarry 6-4").
_TRAILING_JUNK = re.compile(r"(?:\s*\[\d*\]?|\s+\d+-\d+(?:\s*\(\d+\))?)+$")


def clean_name(text: str) -> str:
    """'the Kremlin’s' -> 'Kremlin', 'Cinco[898' -> 'Cinco', 'Jarry 6-4' -> 'Jarry'; the text as
    written otherwise (titles kept: the alias keeps them). Every dash is stripped at the ends, the
    horizontal bar '―' too: a quote signed '― Jacklyn Ashley' names Jacklyn Ashley."""
    text = _TRAILING_JUNK.sub("", _POSSESSIVE.sub("", " ".join(text.split())))
    return re.sub(r"^(?:the|The|THE)\s+", "", text).strip(" ,.;:-‐‑‒–—―\"“”'‘’()")


@functools.lru_cache(maxsize=8192)  # clusters._merge_partial asks again for every pair of groups, every pass
def key_tokens(text: str) -> tuple[str, ...]:
    tokens = [t for t in re.findall(r"[^\W_](?:[\w'’.-]*\w)?", clean_name(text).lower()) if t]
    while len(tokens) > 1 and tokens[0].rstrip(".") in TITLES:
        tokens = tokens[1:]
    return tuple(tokens)


# A person's name without what varies between its mentions: "Patrick W. Carlineo", "Patrick
# Carlineo Jr." and "Patrick Carlineo" are one man.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def name_key(m: Mention) -> tuple[str, ...]:
    tokens = key_tokens(m.text)
    if m.label != "PERSON":
        return tokens
    core = tuple(t for t in tokens if len(t) > 1 and t not in _SUFFIXES)
    return core if len(core) >= 2 or len(tokens) == 1 else tokens


def acronym(text: str) -> str | None:
    letters = clean_name(text).replace(".", "")
    return letters if 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha() else None


def initials(text: str) -> str:
    return "".join(w[0] for w in clean_name(text).split() if w.lower() not in _GLUE and w[:1].isupper())
