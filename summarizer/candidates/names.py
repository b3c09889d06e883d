"""What we hand the small model so it classifies rather than finds: capitalised names and
alias groups (sentences: sentences.py, re-exported here; quotations with their speakers:
quotations.py).

Pure functions over the cleaned text; every span is an offset into that text. English
news conventions (titles, "said", "according to"); text without capital letters (CJK)
yields sentences and quote-mark quotations but no names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.candidates.dates import MONTHS, WEEKDAYS
from summarizer.candidates.lexicon import (
    COUNTRIES,
    COUNTRY_ALIASES,
    DEMONYMS,
    NEWS_OUTLETS,
    ORGANISATION_WORDS,
    PERSON_CUES,
    TITLES,
)
from summarizer.candidates.sentences import STARTERS as _STARTERS
from summarizer.candidates.sentences import sentence_spans

__all__ = ["NameSpan", "alias_groups", "find_names", "is_news_outlet", "sentence_spans"]


@dataclass(frozen=True)
class NameSpan:
    text: str
    start: int
    end: int
    count: int
    kind_hint: str | None


# --- shared vocabulary: titles, pronouns, capitalised runs --------------------------

_PRONOUNS = {"He", "She", "They", "It", "We", "I", "You", "This", "That"}
_CONNECTORS = {"of", "de", "bin", "al", "van", "von", "der", "la", "du", "da", "del", "al-"}
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w&]|[’'\-](?=\w))*")


def _capital_runs(phrase: str) -> list[list[str]]:
    runs: list[list[str]] = []
    current: list[str] = []
    for word in _WORD.findall(phrase):
        if word[0].isupper():
            current.append(word)
        elif word in _CONNECTORS and current:
            current.append(word)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [r[: max(i for i, w in enumerate(r) if w[0].isupper()) + 1] for r in runs]


def _strip_titles(tokens: list[str]) -> list[str]:
    """'Chinese President Xi Jinping' -> ['Xi', 'Jinping']; 'Secretary of State Antony
    Blinken' -> ['Antony', 'Blinken']; a run that is only a title stays as it is."""
    tokens = [re.sub(r"[’']s$", "", t) for t in tokens]
    last = max((i for i, t in enumerate(tokens) if t.rstrip(".") in TITLES), default=-1)
    rest = tokens[last + 1 :]
    while len(rest) > 2 and rest[0] == "of":
        rest = rest[2:]  # "of State"
    while rest and rest[0] in _CONNECTORS:
        rest = rest[1:]
    return rest or tokens


# --- names ------------------------------------------------------------------------------

def is_news_outlet(name: str | None) -> bool:
    """True for a wire service or outlet credited for the story ('Reuters', 'the AP', 'Xinhua').

    The whole name must be an outlet once a leading "the" and a trailing "(news) agency" are
    dropped: "Reuters Institute fellow Jane Doe" is a person.
    """
    if not name:
        return False
    bare = re.sub(r"^the\s+|\s+(?:news\s+)?(?:agency|reported|reports)$", "", name.strip().lower())
    return bare in NEWS_OUTLETS or bare in _OUTLET_NOUNS or bool(_MASTHEAD.search(name.strip()))


# Outlets the text names without a list: a masthead ("San Francisco Chronicle", "Latin American
# Herald Tribune", "Fox News") or the noun for one ("the news agency", "the newspaper"). "Post"
# and "Mail" are left out: Swiss Post and Royal Mail are companies.
_MASTHEAD = re.compile(r"^(?:The\s+)?(?:[A-Z][\w.'’-]*\s+)+(?:Times|Herald|Tribune|Chronicle|Gazette|Journal|"
                       r"Telegraph|Inquirer|Courier|Examiner|News)$")
_OUTLET_NOUNS = frozenset({"news agency", "news", "newspaper", "paper", "broadcaster", "state media",
                           "state television", "news outlet", "tabloid", "daily", "magazine"})


_COMMON_CAPS = _STARTERS | _PRONOUNS | set(
    "Sign Follow See Read More Share Photo PHOTO Click Subscribe Advertisement Related Also Other Some Many "
    "Most All Both Each Every No Not Yes What Who Why How Where Which Today Yesterday Tomorrow Here Now Then "
    "Such Last Next First Second Another Even Only Get Watch Listen Download Join Sign Subscribe".split()
)  # fmt: skip
_CALENDAR = {w.capitalize() for w in MONTHS} | {w.capitalize() for w in WEEKDAYS} | {"Sept", "May"}


def _sentence_initial(text: str, pos: int) -> bool:
    window = text[max(0, pos - 40) : pos]
    before = window.rstrip(" \t\"“‘'(")
    return (not before and pos < 40) or (before and before[-1] in ".!?:;\n") or window.endswith("\n")


def _runs_with_offsets(text: str) -> list[tuple[int, int]]:
    """Offsets of runs of capitalised words joined by single spaces (and "of", "bin"...)."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    end: int | None = None
    pending: int | None = None
    for m in _WORD.finditer(text):
        word = m.group()
        joined = end is not None and text[end : m.start()] == " "
        if word[0].isupper() and (start is None or joined):
            start, end, pending = (m.start() if start is None else start), m.end(), None
        elif word in _CONNECTORS and start is not None and joined and pending is None:
            pending = end  # kept only if a capitalised word follows
            end = m.end()
        else:
            if start is not None and end is not None:  # end is set whenever start is
                runs.append((start, pending or end))
            start, end, pending = (m.start(), m.end(), None) if word[0].isupper() else (None, None, None)
    if start is not None and end is not None:
        runs.append((start, pending or end))
    return runs


def _clean_run(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split a run into name spans (start, end, after_title): drop starters, calendar words,
    titles (remembered as a person cue), possessive 's and lone demonyms."""
    tokens = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
    words = [text[a:b] for a, b in tokens]
    out, i, titled = [], 0, False
    while i < len(tokens):
        w = words[i]
        if w.rstrip(".") in TITLES or w in _CALENDAR or (i == 0 and w in _COMMON_CAPS) or w in _CONNECTORS:
            is_title = w.rstrip(".") in TITLES
            titled = titled or is_title
            # "Secretary of State Antony Blinken": the "of X" belongs to the title
            i += 3 if is_title and i + 2 < len(words) - 1 and words[i + 1] == "of" else 1
            continue
        j = i
        while j + 1 < len(tokens) and words[j + 1].rstrip(".") not in TITLES and words[j + 1] not in _CALENDAR:
            j += 1
        while j > i and words[j] in _CONNECTORS:
            j -= 1
        s, e = tokens[i][0], tokens[j][1]
        e -= 2 if re.search(r"[’']s$", text[s:e]) else 0
        if not (i == j and words[i] in DEMONYMS):
            out.append((s, e, titled))
        i, titled = j + 1, False
    return out


_CUE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(PERSON_CUES))})\s+$")
_BOUNDARY = re.compile(r"\b")


def _after_person_cue(name: str, text: str) -> bool:
    """Whether some occurrence of `name`, ending at a word boundary, follows a person cue and
    spaces ("aide Yuri Ushakov"). One regex per name, compiled for each call, cost 10 ms of a 3 kB
    article's candidates, nearly all of find_names; this finds the same (every gold and benchmark text)."""
    at = text.find(name)
    while at != -1:
        if _BOUNDARY.match(text, at + len(name)) and _CUE_BEFORE.search(text, max(0, at - 200), at):
            return True
        at = text.find(name, at + 1)
    return False


def _kind(name: str, titled: bool, text: str) -> str | None:
    if name in COUNTRIES or name in COUNTRY_ALIASES:
        return "country"
    words = set(name.split())
    seat = any(o in name for o in ("White House", "Downing Street"))  # "the White House press office"
    if words & ORGANISATION_WORDS or name in ORGANISATION_WORDS or seat:
        return "organisation"
    if titled or _after_person_cue(name, text):
        return "person"
    if re.fullmatch(r"[A-Z]{2,5}", name):
        return "organisation"
    return None


def find_names(text: str) -> list[NameSpan]:
    """Capitalised (multi)word names in order of first appearance, with counts and a hint."""
    found: dict[str, tuple[int, int, bool]] = {}
    mid_sentence: set[str] = set()
    for rs, re_ in _runs_with_offsets(text):
        for s, e, titled in _clean_run(text, rs, re_):
            name = text[s:e]
            if not _sentence_initial(text, s):
                mid_sentence.add(name)
            if name not in found:
                found[name] = (s, e, titled)
            elif titled:
                found[name] = (found[name][0], found[name][1], True)
    out = []
    for name, (s, e, titled) in found.items():
        # A lone capitalised word seen only at sentence starts is an ordinary word ("Trade").
        acronym = re.fullmatch(r"[A-Z]{2,6}", name)
        known = acronym or name in COUNTRIES or name in ORGANISATION_WORDS
        if " " not in name and name not in mid_sentence and not titled and not known:
            continue
        if name in _COMMON_CAPS or len(name) < 2:
            continue
        count = len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))
        out.append(NameSpan(name, s, e, count, _kind(name, titled, text)))
    return sorted(out, key=lambda n: n.start)


# --- alias groups -----------------------------------------------------------------------


def _alias_key(name: str) -> tuple[str, ...]:
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    name = COUNTRY_ALIASES.get(name, name)
    tokens = _strip_titles(name.split())
    return tuple(t for t in tokens if t not in DEMONYMS or len(tokens) == 1)


def _person_like(key: tuple[str, ...]) -> bool:
    name = " ".join(key)
    capitalised = all(t[0].isupper() for t in key)
    return 2 <= len(key) <= 4 and not set(key) & ORGANISATION_WORDS and name not in COUNTRIES and capitalised


def alias_groups(names: Iterable[str | NameSpan]) -> list[list[str]]:
    """Group spellings of one entity: "Xi", "Mr Xi", "Xi Jinping", "Chinese President Xi
    Jinping"; "US", "U.S.", "United States". A short name joins a longer person name that
    contains its words, unless two different people contain it ("Smith"). Groups follow
    first appearance; in each, the longest spelling comes first."""
    texts = list(dict.fromkeys(n.text if isinstance(n, NameSpan) else n for n in names))
    keys = [_alias_key(t) for t in texts]
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, key in enumerate(keys):
        for j in range(i):
            if key == keys[j] and key:
                parent[find(i)] = find(j)
    for i, key in enumerate(keys):
        holders = {find(j) for j, other in enumerate(keys) if j != i and _person_like(other) and set(key) < set(other)}
        if key and len(holders) == 1:
            parent[find(i)] = holders.pop()
    groups: dict[int, list[str]] = {}
    for i, t in enumerate(texts):
        groups.setdefault(find(i), []).append(t)
    ordered = sorted(groups.values(), key=lambda g: min(texts.index(t) for t in g))
    return [sorted(g, key=lambda t: (-len(t.split()), texts.index(t))) for g in ordered]
