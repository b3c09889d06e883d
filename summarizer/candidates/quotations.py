"""Quotations with a deterministic speaker guess: direct quotes in any common quote marks,
and reported speech ("X said that ...", "..., according to X").

English news conventions. A quote attributed only by a pronoun ("she said") keeps no speaker:
resolving pronouns to the nearest name or the previous speaker was measured and lowered
precision on PolNeAR (0.87 -> 0.77) without raising recall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.candidates.lexicon import (
    BARE_SPEECH_VERBS,
    INSTITUTION_SPEAKERS,
    SPEAKER_NOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
    TITLE_ABBREVIATIONS,
)
from summarizer.candidates.names import _PRONOUNS, _capital_runs, _strip_titles
from summarizer.candidates.sentences import STARTERS, sentence_spans

__all__ = ["Quotation", "find_quotations", "source_kind"]


@dataclass(frozen=True)
class Quotation:
    text: str
    start: int
    end: int
    speaker: str | None
    cue: str | None
    sentence: str


_CUES = "|".join(SPEECH_VERBS)
_BARE_CUES = "|".join(BARE_SPEECH_VERBS)
_CUE = re.compile(rf"\b(?P<cue>{_CUES})\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<src>[^,.;:“”\"]+)")
_QUOTE_PATTERNS = [
    re.compile(r"(?<!\w)\"(?=\S)((?:[^\"\n]|\n(?!\s*\n))+?)(?<=\S)\"(?!\w)"),
    re.compile(r"(?<!\w)‘(?=\S)((?:[^‘’\n]|’(?=\w))+?)(?<=\S)’(?!\w)"),
    # ASCII doubled quote marks (''…'', and ``…'' of Penn Treebank text), as some wires print “…”;
    # a single mark is never one half of such a pair.
    re.compile(r"(?<![\w'`])(?:''|``)(?=[^\s'])((?:[^\n]|\n(?!\s*\n))+?)(?<=[^\s'])''(?![\w'])"),
    re.compile(r"(?<![\w'])'(?=[^\s'])((?:[^'\n]|'(?=\w))+?)(?<=[^\s'])'(?![\w'])"),
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


_DETERMINERS = {"a", "an", "the", "his", "her", "their", "its", "our", "my"}
_NP_STOP = _DETERMINERS | {"and", "or", "but", "that", "who", "in", "at", "on", "by", "for", "from", "with",
                           "to", "as", "while", "when", "after", "before"}  # fmt: skip


def source_kind(speaker: str) -> str | None:
    """The participant kind of an unnamed source found by `_speaker`: 'Afghan officials' -> group."""
    head = speaker.split()[-1].lower() if speaker.split() else ""
    if head not in SPEAKER_NOUNS:
        return None
    if head in INSTITUTION_SPEAKERS:
        return "organisation"
    return "group" if head.endswith("s") else "person"


def _source_noun_phrase(phrase: str) -> str | None:
    """'... a senior Conservative official' -> 'senior Conservative official' (at most 5 words)."""
    words = re.findall(r"[^\s,;:()]+", phrase)
    if not words or words[-1].lower() not in SPEAKER_NOUNS:
        return None
    np: list[str] = []
    for w in reversed(words):
        if w.lower() in _NP_STOP or len(np) == 5 or w in _PRONOUNS:
            break
        np.insert(0, w)
    return " ".join(np)


def _speaker(phrase: str) -> str | None:
    """The name in an attribution phrase: the last capitalised run, titles stripped, or an
    unnamed source's noun phrase when the phrase ends with one ("Afghan officials")."""
    if source := _source_noun_phrase(phrase):
        return source
    runs = _capital_runs(phrase)
    if not runs:
        return None
    run = runs[-1]
    while run and run[0] in STARTERS - {"Mr", "Mrs", "Ms"}:
        run = run[1:]
    if not run or (len(run) == 1 and run[0] in _PRONOUNS):
        return None
    return " ".join(_strip_titles(run))


def _sentence_for(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    hits = [s for s in spans if s[0] < end and start < s[1]] or [(start, end)]
    return hits[0][0], max(e for _, e in hits)


_ABBREV_DOT = re.compile(rf"\b(?:{'|'.join(TITLE_ABBREVIATIONS)}|[A-Z])\.")


def _mask_abbreviations(s: str) -> str:
    """'Mr. Trump' -> 'Mr_ Trump' (same length), so a split on '.' keeps the name whole."""
    return _ABBREV_DOT.sub(lambda m: m.group()[:-1] + "_", s)


def _pure_name(phrase: str) -> bool:
    words = phrase.split()
    return 1 <= len(words) <= 4 and all(w[0].isupper() for w in words)


def _subject(head: str) -> str | None:
    """The speaker named in the words before a cue: 'Kremlin aide Yuri Ushakov', 'Last week,
    the ministry', or an apposition, 'John Williams, the president of the New York Fed,'."""
    parts = [p.strip() for p in re.split(r"[,;:]", head) if p.strip()]
    if not parts:
        return None
    last = parts[-1]
    if len(parts) >= 2 and _pure_name(parts[-2]) and last.split()[0].lower() in _DETERMINERS:
        return _speaker(parts[-2])
    return _speaker(last) if len(last.split()) <= 8 else None


def _object(tail: str) -> str | None:
    """The speaker after an inverted cue: 'said Phil Levy, the chief economist', or
    'said her son, Luis González Añez, 23'."""
    parts = [p.strip() for p in tail.split(",")]
    first = _speaker(parts[0]) if parts and len(parts[0].split()) <= 6 else None
    if first or len(parts) < 2 or not parts[0] or parts[0].split()[0].lower() not in _DETERMINERS:
        return first
    return _speaker(parts[1]) if _pure_name(parts[1]) else None


def _attribution_after(text: str, close: int, sent_end: int) -> tuple[str | None, str] | None:
    """“...,” Kremlin aide Yuri Ushakov said. / “...,” said Mr. Ushakov. / “...” she said."""
    tail = text[close:sent_end]
    m = re.match(r"[\s,”\"’'—–-]*", tail)
    rest = tail[m.end() if m else 0 :]  # the pattern may be empty, so it always matches
    clause = rest[: len(re.split(r"[.;:!?“\"\n]", _mask_abbreviations(rest), maxsplit=1)[0])]
    cue = _CUE.search(clause)
    if not cue:
        return None
    before = clause[: cue.start()]
    if before.strip():
        return (_subject(before), cue["cue"]) if len(before.split()) <= 20 else None
    return _object(clause[cue.end() :]), cue["cue"]


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


_PRONOUN_SUBJECTS = {"he", "she", "they", "it", "we"}
_LEAD = re.compile(rf"\s+(?P<cue>{_CUES})\b(?:\s+\w+){{0,3}}?\s+that\s+|\s+(?P<bare>{_BARE_CUES})\s+(?=[a-z“\"])")


# Verbs whose object is itself the stance: "Saab rejected and condemned the leak", "Guevara
# denied reports that...". The quote keeps the verb, as a labeller would.
_STANCE_VERBS = "|".join(STANCE_VERBS)
_STANCE = re.compile(rf"\s+(?P<verb>(?:{_STANCE_VERBS})\b)")


def _stance(body: str, masked: str, start: int) -> tuple[int, int, str | None, str] | None:
    """'X denied reports that ...' -> the verb phrase to the clause's end, and X."""
    m = _STANCE.search(masked)
    if not m:
        return None
    head = body[: m.start()]
    if re.search(r"\b(?:be|been|being|was|were|is|are)$", head.rstrip()):
        return None  # passive: "China has been criticised" names the target, not the holder
    if re.search(r"[“”\"]", head) or len(head.split()) > 12:
        return None
    speaker = _subject(head)
    if speaker is None:
        return None
    acc = _ACCORDING.search(body, m.end())
    end = acc.start() if acc else len(body)
    return start + m.start("verb"), start + len(body[:end].rstrip(" ,–—-")), speaker, m["verb"]


def _reported(text: str, start: int, end: int) -> tuple[int, int, str | None, str] | None:
    """Reported speech in one sentence -> (clause start, clause end, speaker, cue); the speaker
    is None when only a pronoun names it ("she said")."""
    body = text[start:end].rstrip(" .!?")
    acc = _ACCORDING.search(body)
    masked = _mask_abbreviations(body)
    for lead in _LEAD.finditer(masked):  # "X said (that) CLAUSE[, according to Y]"
        head = body[: lead.start()]
        if re.search(r"[“”\"]", head) or len(head.split()) > 25:
            break
        speaker, last = _subject(head), (head.split() or [""])[-1].lower()
        if speaker or last in _PRONOUN_SUBJECTS:
            clause_end = acc.start() if acc and acc.start() > lead.end() else len(body)
            stop = start + len(body[:clause_end].rstrip(" ,–—-"))
            return start + lead.end(), stop, speaker, lead["cue"] or lead["bare"]
    stance = _stance(body, masked, start)
    if stance:
        return stance
    tail = re.search(rf",\s*(?P<np>[^,“”\"]{{1,80}}?)\s+(?P<cue>{_CUES})\b(?P<rest>[^,“”\"]*)$", masked)
    if tail and len(tail["np"].split()) <= 8 and len(tail["rest"].split()) <= 6:  # "CLAUSE, the Kremlin said"
        np = body[tail.start("np") : tail.end("np")]
        return start, start + tail.start(), _subject(np), tail["cue"]
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
