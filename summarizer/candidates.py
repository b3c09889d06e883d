"""What we hand the small model so it classifies rather than finds: sentences, quotations
with a deterministic speaker guess, capitalised names, alias groups.

Pure functions over the cleaned text; every span is an offset into that text. English
news conventions (titles, "said", "according to"); text without capital letters (CJK)
yields sentences and quote-mark quotations but no names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.dates import MONTHS, WEEKDAYS

__all__ = ["Quotation", "NameSpan", "sentence_spans", "find_quotations", "find_names", "alias_groups"]


@dataclass(frozen=True)
class Quotation:
    text: str
    start: int
    end: int
    speaker: str | None
    cue: str | None
    sentence: str


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


# --- quotations -------------------------------------------------------------------------

_CUES = (
    "said|says|say|told|tells|added|adds|warned|warns|noted|notes|stated|explained|insisted|argued|claimed|"
    "wrote|writes|tweeted|posted|declared|announced|stressed|emphasised|emphasized|urged|asked|replied|"
    "responded|continued|reported|acknowledged|admitted|vowed|pledged|concluded|observed|suggested|"
    "remarked|commented|recalled|cautioned|predicted|confirmed|denied"
)
# Verbs that introduce reported speech without "that" ("Xi said the two should ..."); the
# others ("declared a partnership") need "that" to be speech.
_BARE_CUES = "said|says|say|added|warned|insisted|argued|claimed|stressed|believes|thinks"
_CUE = re.compile(rf"\b(?P<cue>{_CUES})\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<src>[^,.;:“”\"]+)")
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
_QUOTE_PATTERNS = [
    re.compile(r"(?<!\w)\"(?=\S)((?:[^\"\n]|\n(?!\s*\n))+?)(?<=\S)\"(?!\w)"),
    re.compile(r"(?<!\w)‘(?=\S)((?:[^‘’\n]|’(?=\w))+?)(?<=\S)’(?!\w)"),
    re.compile(r"(?<!\w)'(?=\S)((?:[^'\n]|'(?=\w))+?)(?<=\S)'(?!\w)"),
    re.compile(r"«\s?([^»]+?)\s?»"),
    re.compile(r"「([^」]+)」"),
]


def _curly_double(text: str) -> list[tuple[int, int]]:
    """“...” pairs; an opening mark never closed (a quote running over paragraphs) ends at
    its paragraph's end."""
    out, i = [], text.find("“")
    while i != -1:
        close, reopen = text.find("”", i + 1), text.find("“", i + 1)
        para = re.compile(r"\n\s*\n").search(text, i)
        para_end = para.start() if para else len(text)
        if close != -1 and (reopen == -1 or close < reopen) and close <= para_end:
            out.append((i + 1, close))
            i = text.find("“", close + 1)
        else:
            out.append((i + 1, min(para_end, reopen if reopen != -1 else para_end)))
            i = reopen
    return out


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Inner spans of quotations, outermost only (a ‘term’ inside a “quote” is part of it)."""
    spans = _curly_double(text)
    for pattern in _QUOTE_PATTERNS:
        spans += [m.span(1) for m in pattern.finditer(text)]
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for s, e in spans:
        inner = text[s:e].strip()
        if not inner or any(ks - 1 <= s and e <= ke + 1 for ks, ke in kept):
            continue
        lead = len(text[s:e]) - len(text[s:e].lstrip())
        kept.append((s + lead, s + lead + len(inner)))
    return kept


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


def _speaker(phrase: str) -> str | None:
    """The name in an attribution phrase: the last capitalised run, titles stripped."""
    runs = _capital_runs(phrase)
    if not runs:
        return None
    run = runs[-1]
    while run and run[0] in _STARTERS - {"Mr", "Mrs", "Ms"}:
        run = run[1:]
    if not run or (len(run) == 1 and run[0] in _PRONOUNS):
        return None
    return " ".join(_strip_titles(run))


def _sentence_for(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    hits = [s for s in spans if s[0] < end and start < s[1]] or [(start, end)]
    return hits[0][0], max(e for _, e in hits)


def _attribution_after(text: str, close: int, sent_end: int) -> tuple[str | None, str] | None:
    """“...,” Kremlin aide Yuri Ushakov said. / “...,” said Mr Ushakov."""
    tail = text[close:sent_end]
    m = re.match(r"[\s,”\"’'—–-]*", tail)
    rest = tail[m.end() :]
    clause = re.split(r"[.;:!?“\"]", rest, maxsplit=1)[0]
    cue = _CUE.search(clause)
    if not cue or len(clause[: cue.start()].split()) > 8:
        return None
    before = clause[: cue.start()]
    if before.strip():
        return _speaker(before), cue["cue"]
    after = re.split(r",", clause[cue.end() :], maxsplit=1)[0]
    return _speaker(after), cue["cue"]


def _attribution_before(text: str, sent_start: int, open_: int) -> tuple[str | None, str] | None:
    """Mr Xi said the two “should ...”: the last 'X said' before the quote mark."""
    head = text[sent_start:open_]
    cues = list(_CUE.finditer(head))
    if not cues or len(head) - cues[-1].end() > 60:
        return None
    cue = cues[-1]
    phrase = re.split(r"[,;:“”\"(]", head[: cue.start()])[-1]
    return _speaker(phrase), cue["cue"]


def _attribution_sentence(sentence: str) -> tuple[str | None, str] | None:
    """', the Kremlin said.' at the end of the sentence, or 'according to X' anywhere."""
    tail = re.search(rf",\s*(?P<np>[^,“”\"]{{1,80}}?)\s+(?P<cue>{_CUES})\b[^,“”\"]*[.!?]?$", sentence)
    if tail:
        return _speaker(tail["np"]), tail["cue"]
    acc = _ACCORDING.search(sentence)
    if acc:
        return _speaker(acc["src"]), "according to"
    return None


def _reported(text: str, start: int, end: int) -> tuple[int, int, str | None, str] | None:
    """Reported speech in one sentence -> (clause start, clause end, speaker, cue)."""
    body = text[start:end].rstrip(" .!?")
    acc = _ACCORDING.search(body)
    lead = re.match(rf"(?P<np>[^,“”\"]{{1,80}}?)\s+(?P<cue>{_CUES})\b(?:\s+\w+){{0,3}}?\s+that\s+|"
                    rf"(?P<np2>[^,“”\"]{{1,80}}?)\s+(?P<cue2>{_BARE_CUES})\s+(?=[a-z“\"])", body)  # fmt: skip
    if lead:  # "X said (that) CLAUSE[, according to Y]"
        np, cue = (lead["np"], lead["cue"]) if lead["np"] else (lead["np2"], lead["cue2"])
        if len(np.split()) <= 8 and (_capital_runs(np) or np.split()[-1] in {"he", "she", "they", "it", "we"}):
            clause_end = acc.start() if acc and acc.start() > lead.end() else len(body)
            return start + lead.end(), start + len(body[:clause_end].rstrip(" ,–—-")), _speaker(np), cue
    tail = re.search(rf",\s*(?P<np>[^,“”\"]{{1,80}}?)\s+(?P<cue>{_CUES})\b[^,“”\"]*$", body)
    if tail and len(tail["np"].split()) <= 8:  # "CLAUSE, the Kremlin said"
        return start, start + tail.start(), _speaker(tail["np"]), tail["cue"]
    if acc and acc.start() > 0:  # "CLAUSE, according to X"
        return start, start + len(body[: acc.start()].rstrip(" ,–—-")), _speaker(acc["src"]), "according to"
    if acc:  # "According to X, CLAUSE"
        comma = body.find(",", acc.end())
        if comma != -1:
            clause_start = start + comma + 1 + len(body[comma + 1 :]) - len(body[comma + 1 :].lstrip())
            return clause_start, start + len(body), _speaker(acc["src"]), "according to"
    return None


def find_quotations(text: str) -> list[Quotation]:
    """Direct quotations (“...”, "...", ‘...’; apostrophes as in China’s are not marks) and
    reported speech ("X said that ...", "..., according to X") with a speaker guess.

    A sentence gives a reported-speech Quotation as well only when its direct quotes cover
    less than 60% of the clause (a scare-quoted word inside a reported claim).
    """
    sentences = sentence_spans(text)
    out: list[Quotation] = []
    quoted = _quote_spans(text)
    for s, e in quoted:
        ss, se = _sentence_for(sentences, s - 1, e + 1)
        attribution = (
            _attribution_after(text, e, se)
            or _attribution_before(text, ss, s - 1)
            or _attribution_sentence(text[ss:s - 1] + text[e + 1 : se])
        )
        speaker, cue = attribution if attribution else (None, None)
        out.append(Quotation(text[s:e], s, e, speaker, cue, text[ss:se]))
    for ss, se in sentences:
        found = _reported(text, ss, se)
        if not found:
            continue
        cs, ce, speaker, cue = found
        inside = sum(max(0, min(e, ce) - max(s, cs)) for s, e in quoted)
        if ce > cs and inside < 0.6 * (ce - cs):
            out.append(Quotation(text[cs:ce], cs, ce, speaker, cue, text[ss:se]))
    return sorted(out, key=lambda q: (q.start, q.end))


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
