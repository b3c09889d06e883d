"""What we hand the small model so it classifies rather than finds: sentences, capitalised
names, alias groups (quotations with their speakers: quotations.py).

Pure functions over the cleaned text; every span is an offset into that text. English
news conventions (titles, "said", "according to"); text without capital letters (CJK)
yields sentences and quote-mark quotations but no names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.candidates.dates import MONTHS, WEEKDAYS

__all__ = ["NameSpan", "alias_groups", "find_names", "is_news_outlet", "sentence_spans"]


@dataclass(frozen=True)
class NameSpan:
    text: str
    start: int
    end: int
    count: int
    kind_hint: str | None


# --- sentences --------------------------------------------------------------------------

_ABBREVIATIONS = set(
    "mr mrs ms dr prof st gen col lt sgt capt cmdr gov sen rep jr sr inc ltd co corp bros vs no nos fig "
    "approx est dept univ ave blvd rd mt jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m e.g i.e "
    "u.s u.k u.n e.u".split()
)  # fmt: skip
_STARTERS = set(
    "The A An He She It They We I In On At But And This That These Those His Her Their Its Our There When "
    "While After Before As If So Yet However Meanwhile Mr Mrs Ms".split()
)  # fmt: skip
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")
_CJK_END = re.compile(r"[。！？]+[”」』）]*")  # CJK stops need no space after them
_NEWLINES = re.compile(r"\s*\n\s*")


def _is_boundary_after_period(text: str, end: int) -> bool:
    """A '.', '!' or '?' ending at `end` ends the sentence unless it closes an abbreviation."""
    nxt = re.compile(r"\s+[\"“‘'(\[]*(\S+)").match(text, end)
    if not nxt:
        return True
    word = nxt.group(1)
    if not (word[0].isupper() or word[0].isdigit()):
        return False
    mark = text[max(0, end - 40) : end].rstrip("\"”’')]")  # a window: whole-text slices are O(n²)
    if not mark.endswith("."):
        return True
    token = re.search(r"(\S+)\.$", mark)
    token = token.group(1).lstrip("(\"“‘'") if token else ""
    if re.fullmatch(r"[A-Z]", token):
        return False  # an initial: "J. K. Rowling"
    if token.lower() in _ABBREVIATIONS:
        # "U.S." may end a sentence; the next word tells.
        return "." in token and word.strip("\"“‘'") in _STARTERS
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets, trimmed of surrounding whitespace.

    Boundaries: . ! ? (with closing quotes) before a capital or digit, unless after an
    abbreviation (Mr., Feb., U.S., initials); and line breaks, unless the line ends with
    ',' '(' '-' or the next line starts in lower case (scraped text breaks lines mid-
    sentence: "since\\n\\nthe West hit Russia").
    """
    cuts = {0, len(text)}
    for m in _END.finditer(text):
        if _is_boundary_after_period(text, m.end()):
            cuts.add(m.end())
    cuts.update(m.end() for m in _CJK_END.finditer(text))
    for m in _NEWLINES.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()].rstrip()
        after = text[m.end() : m.end() + 1]
        if before and after and before[-1] not in ",;(-–—" and not after.islower():
            cuts.add(m.start())
    spans = []
    points = sorted(cuts)
    for a, b in zip(points, points[1:]):
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            start = a + len(chunk) - len(chunk.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


# --- shared vocabulary: titles, pronouns, capitalised runs --------------------------

_TITLES = set(
    "Mr Mrs Ms Dr President Minister Chancellor Secretary Senator Sen Governor Gov General Gen King Queen "
    "Prince Princess Pope Premier Chairman Chairwoman CEO Ambassador Spokesman Spokeswoman Judge Justice "
    "Professor Prof Sir Dame Lord Lady Mayor Leader Commander Colonel Col Captain Capt Lieutenant Lt "
    "Sergeant Sgt Admiral Sheikh Emir Chief Director".split()
)  # fmt: skip
_PERSON_CUES = {"aide", "spokesman", "spokeswoman", "spokesperson", "counterpart", "leader", "minister", "president",
                "adviser", "advisor", "envoy", "official", "chief", "founder", "chairman", "ceo", "director"}  # fmt: skip
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
    last = max((i for i, t in enumerate(tokens) if t.rstrip(".") in _TITLES), default=-1)
    rest = tokens[last + 1 :]
    while len(rest) > 2 and rest[0] == "of":
        rest = rest[2:]  # "of State"
    while rest and rest[0] in _CONNECTORS:
        rest = rest[1:]
    return rest or tokens




# --- names ------------------------------------------------------------------------------

_COUNTRIES = set(
    """Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh
    Belarus Belgium Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria Cambodia Cameroon Canada Chad Chile
    China Colombia Congo Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt Eritrea Estonia Ethiopia Fiji
    Finland France Gabon Georgia Germany Ghana Greece Guatemala Guinea Haiti Honduras Hungary Iceland India
    Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan
    Laos Latvia Lebanon Libya Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritius
    Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Niger
    Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania
    Russia Rwanda Senegal Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria
    Taiwan Tajikistan Tanzania Thailand Tunisia Turkey Turkmenistan Uganda Ukraine Uruguay Uzbekistan
    Venezuela Vietnam Yemen Zambia Zimbabwe Britain America US U.S. USA UK U.K. UAE""".split()
) | {"United States", "United Kingdom", "Great Britain", "South Korea", "North Korea", "South Africa",
     "New Zealand", "Saudi Arabia", "Sri Lanka", "Hong Kong", "United Arab Emirates", "Czech Republic",
     "Ivory Coast", "Costa Rica", "El Salvador", "Papua New Guinea", "Dominican Republic", "Burkina Faso",
     "North Macedonia", "South Sudan", "East Timor"}  # fmt: skip
_COUNTRY_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "America": "United States",
    "United States of America": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "Britain": "United Kingdom", "Great Britain": "United Kingdom", "UAE": "United Arab Emirates",
    "PRC": "China", "People's Republic of China": "China", "Russian Federation": "Russia",
}  # fmt: skip
_DEMONYMS = set(
    "American British Chinese Russian Ukrainian Japanese Korean Indian Pakistani French German Italian "
    "Spanish Israeli Palestinian Iranian Iraqi Syrian Turkish Saudi Egyptian Australian Canadian Mexican "
    "Brazilian Taiwanese Singaporean Malaysian Indonesian Thai Vietnamese Filipino European African Asian "
    "Western Eastern Northern Southern Arab Muslim Christian Jewish Soviet".split()
)  # fmt: skip
_ORG_WORDS = set(
    "Ministry Party Inc Ltd Corp Corporation Company Co Bank University Council Committee Agency Commission "
    "Kremlin Pentagon Customs Reuters AFP Association Union Organisation Organization Group Fund Court "
    "Parliament Congress Senate Army Navy Police Times News Post Foundation Institute Department Office "
    "Government Federation Xinhua Bloomberg Authority Board Service Forces Media Broadcasting Airlines "
    "Motors Exchange Assembly Cabinet Embassy Council Club League Network Tribune Journal Herald".split()
) | {"White House", "Downing Street"}  # fmt: skip
# Wire services and outlets that carry the news rather than act in it (LABELLING.md leaves
# them out). The whole name must be one of these, after a leading "the" and a trailing
# "(news) agency" are dropped: "Reuters Institute fellow Jane Doe" is a person.
_NEWS_OUTLETS = {
    "reuters", "associated press", "ap", "afp", "agence france-presse", "agence france presse", "xinhua",
    "bloomberg", "tass", "ria novosti", "interfax", "kyodo", "yonhap", "dpa", "ansa",
    "efe", "pti", "ani", "anadolu", "bernama", "itar-tass", "ruptly", "cnn", "bbc",
    "al jazeera", "al-monitor", "voa", "voice of america", "refinitiv", "factset", "upi", "sputnik",
    "ria", "irna", "wafa", "sana", "kcna", "press trust of india", "asian news international",
}  # fmt: skip


def is_news_outlet(name: str | None) -> bool:
    """True for a wire service or outlet credited for the story ('Reuters', 'the AP', 'Xinhua')."""
    if not name:
        return False
    return re.sub(r"^the\s+|\s+(?:news\s+)?(?:agency|reported|reports)$", "", name.strip().lower()) in _NEWS_OUTLETS


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
    runs, start, end, pending = [], None, None, None
    for m in _WORD.finditer(text):
        word = m.group()
        joined = end is not None and text[end : m.start()] == " "
        if word[0].isupper() and (start is None or joined):
            start, end, pending = (m.start() if start is None else start), m.end(), None
        elif word in _CONNECTORS and start is not None and joined and pending is None:
            pending = end  # kept only if a capitalised word follows
            end = m.end()
        else:
            if start is not None:
                runs.append((start, pending or end))
            start, end, pending = (m.start(), m.end(), None) if word[0].isupper() else (None, None, None)
    if start is not None:
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
        if w.rstrip(".") in _TITLES or w in _CALENDAR or (i == 0 and w in _COMMON_CAPS) or w in _CONNECTORS:
            is_title = w.rstrip(".") in _TITLES
            titled = titled or is_title
            # "Secretary of State Antony Blinken": the "of X" belongs to the title
            i += 3 if is_title and i + 2 < len(words) - 1 and words[i + 1] == "of" else 1
            continue
        j = i
        while j + 1 < len(tokens) and words[j + 1].rstrip(".") not in _TITLES and words[j + 1] not in _CALENDAR:
            j += 1
        while j > i and words[j] in _CONNECTORS:
            j -= 1
        s, e = tokens[i][0], tokens[j][1]
        e -= 2 if re.search(r"[’']s$", text[s:e]) else 0
        if not (i == j and words[i] in _DEMONYMS):
            out.append((s, e, titled))
        i, titled = j + 1, False
    return out


def _kind(name: str, titled: bool, text: str) -> str | None:
    if name in _COUNTRIES or name in _COUNTRY_ALIASES:
        return "country"
    words = set(name.split())
    if words & _ORG_WORDS or name in _ORG_WORDS or any(o in name for o in ("White House", "Downing Street")):
        return "organisation"
    if titled or re.search(rf"\b(?:{'|'.join(_PERSON_CUES)})\s+{re.escape(name)}\b", text):
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
        known = acronym or name in _COUNTRIES or name in _ORG_WORDS
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
    name = _COUNTRY_ALIASES.get(name, name)
    tokens = _strip_titles(name.split())
    return tuple(t for t in tokens if t not in _DEMONYMS or len(tokens) == 1)


def _person_like(key: tuple[str, ...]) -> bool:
    name = " ".join(key)
    return 2 <= len(key) <= 4 and not set(key) & _ORG_WORDS and name not in _COUNTRIES and all(t[0].isupper() for t in key)


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
