"""Quote -> evidence span in the cleaned text. Pure and deterministic.

The model copies a passage; it often changes typography (curly vs straight quotes, dashes,
spacing, case) or a word or two. `align` finds where the passage stands, trying the cheap,
certain strategies first:

1. exact      `text.find(quote)`; several hits -> the one nearest `near`.
2. normalised both sides folded (case, accents, compatibility forms, quote marks, dashes,
              ellipsis, whitespace runs, invisible characters); a model "..." that marks
              omitted words is honoured by matching the pieces in order.
3. fuzzy      rapidfuzz partial alignment, snapped to word boundaries, score >= threshold.

Offsets are always ORIGINAL text offsets (Python code points). Folding can change length
('ß' -> 'ss', 'ﬁ' -> 'fi', '…' -> '...', 'é' -> 'e' + dropped mark), so the folded string
keeps, for every character, the index of the original character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from summarizer.candidates.lexicon import INVISIBLE, JOINERS
from summarizer.schema import Evidence

__all__ = ["align", "fold", "nearest_passages"]

# Typographic variants a model (or a CMS) swaps freely. Mapped before case folding.
_CHAR_MAP = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u300c\u300d\u300e\u300f", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    "\u2026": "...",
}
# Characters that carry no content (soft hyphen, zero-width space, BOM), and the zero-width
# joiners, which a model copying a passage drops freely.
_INVISIBLE = INVISIBLE | JOINERS
_ELLIPSIS = re.compile(r"\s*(?:\.\s*){3,}\s*|\s*\u2026\s*|\s*\[\s*\.\.\.\s*\]\s*")
_MIN_FUZZY_CHARS = 6  # below this a "fuzzy" hit is noise, not evidence


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """The folded form of one character: may be empty (marks, invisibles) or several chars."""
    if ch in _INVISIBLE or unicodedata.combining(ch):
        return ""
    if ch in _CHAR_MAP:
        return _CHAR_MAP[ch]
    if ch.isspace():
        return " "
    # NFKD splits accents off and turns compatibility forms (fullwidth, ligatures) into
    # plain ones; the marks are dropped so "Sao Paulo" finds "São Paulo".
    # Case folding can add marks too ('İ' -> 'i' + dot above), hence the second pass.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", ch).casefold())
    return "".join(_CHAR_MAP.get(part, part) for part in decomposed if not unicodedata.combining(part))


def fold(text: str) -> tuple[str, list[int]]:
    """Fold `text` for comparison; return (folded, origin) with origin[j] = index in `text`.

    Whitespace runs become one space; leading/trailing space is kept out so a folded
    quote never starts or ends with it.
    """
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        for out in folded:
            if out == " " and (not chars or chars[-1] == " "):
                continue  # collapse runs, drop leading space
            chars.append(out)
            origin.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), origin


def _to_original(origin: list[int], text: str, a: int, b: int) -> tuple[int, int]:
    """Map a folded span [a, b) back to original [start, end)."""
    start = origin[a]
    end = origin[b - 1] + 1
    # Combining marks were dropped from the folded text; keep them with their base letter.
    while end < len(text) and (unicodedata.combining(text[end]) or text[end] in _INVISIBLE):
        end += 1
    return start, end


def _all_hits(hay: str, needle: str) -> list[int]:
    hits, pos = [], hay.find(needle)
    while pos != -1:
        hits.append(pos)
        pos = hay.find(needle, pos + 1)
    return hits


def _nearest(positions: list[int], near: int | None) -> int:
    if near is None:
        return positions[0]
    return min(positions, key=lambda p: (abs(p - near), p))


def _exact(quote: str, text: str, near: int | None) -> Evidence | None:
    hits = _all_hits(text, quote)
    if not hits:
        return None
    start = _nearest(hits, near)
    return Evidence(quote=quote, start=start, end=start + len(quote), match="exact", score=100.0)


def _normalised(quote: str, text: str, folded: str, origin: list[int], near: int | None) -> Evidence | None:
    fq, _ = fold(quote)
    if not fq:
        return None
    hits = _all_hits(folded, fq)
    if hits:
        a = _nearest(hits, None if near is None else _folded_index(origin, near))
        start, end = _to_original(origin, text, a, a + len(fq))
        return Evidence(quote=quote, start=start, end=end, match="normalised", score=100.0)
    return _pieces(quote, text, folded, origin)


def _pieces(quote: str, text: str, folded: str, origin: list[int]) -> Evidence | None:
    """A quote with "..." marking omitted words: match each piece, in order, close together."""
    pieces = [fold(p)[0] for p in _ELLIPSIS.split(quote)]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2:
        return None
    total = sum(len(p) for p in pieces)
    first = folded.find(pieces[0])
    while first != -1:
        pos, ok = first + len(pieces[0]), True
        for piece in pieces[1:]:
            nxt = folded.find(piece, pos)
            if nxt == -1:
                ok = False
                break
            pos = nxt + len(piece)
        # The omission may not be longer than what was kept (x3): otherwise it is not
        # one passage but words picked from all over the article.
        if ok and pos - first <= 3 * total + 40:
            start, end = _to_original(origin, text, first, pos)
            return Evidence(quote=quote, start=start, end=end, match="normalised", score=100.0)
        if not ok:
            return None
        first = folded.find(pieces[0], first + 1)
    return None


def _folded_index(origin: list[int], original_index: int) -> int:
    # origin is non-decreasing, so a binary search finds the folded position.
    lo, hi = 0, len(origin)
    while lo < hi:
        mid = (lo + hi) // 2
        if origin[mid] < original_index:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _word_starts(folded: str, a: int, b: int) -> list[int]:
    """Word-start positions in folded[a:b] (plus a itself when it is one)."""
    return [i for i in range(max(a, 0), min(b, len(folded)))
            if folded[i].isalnum() and (i == 0 or not folded[i - 1].isalnum())]


def _word_ends(folded: str, a: int, b: int) -> list[int]:
    n = len(folded)
    return [i for i in range(max(a, 1), min(b, n) + 1)
            if folded[i - 1].isalnum() and (i == n or not folded[i].isalnum())]


def _snap(fq: str, folded: str, a: int, b: int) -> tuple[float, int, int]:
    """Best word-boundary span near [a, b): partial alignments cut words in half."""
    # The alignment window is already the right length; only the few word boundaries
    # closest to each end are worth trying (this keeps long quotes cheap).
    slack = min(40, max(12, len(fq) // 5))
    starts = sorted(_word_starts(folded, a - slack, a + slack), key=lambda i: abs(i - a))[:5] or [a]
    ends = sorted(_word_ends(folded, b - slack, b + slack), key=lambda i: abs(i - b))[:5] or [b]
    best = (-1.0, a, b)
    for s in starts:
        for e in ends:
            if e - s < len(fq) // 2:
                continue
            score = fuzz.ratio(fq, folded[s:e], score_cutoff=best[0] if best[0] > 0 else 0)
            if score > best[0]:
                best = (score, s, e)
    return best


def _fuzzy(quote: str, text: str, folded: str, origin: list[int], threshold: float) -> Evidence | None:
    fq, _ = fold(quote)
    if len(fq) < _MIN_FUZZY_CHARS or not folded:
        return None
    if len(fq) >= len(folded):
        score = fuzz.ratio(fq, folded)
        a, b = 0, len(folded)
    else:
        al = fuzz.partial_ratio_alignment(fq, folded, score_cutoff=threshold * 0.9)
        if al is None:
            return None
        score, a, b = _snap(fq, folded, al.dest_start, al.dest_end)
    if score < threshold or b <= a:
        return None
    start, end = _to_original(origin, text, a, b)
    return Evidence(quote=quote, start=start, end=end, match="fuzzy", score=round(score, 1))


def align(quote: str, text: str, *, threshold: float = 85.0, near: int | None = None) -> Evidence | None:
    """Locate `quote` in `text`; None when nothing clears `threshold` (0-100).

    `near` (an original offset) breaks ties between several exact/normalised hits. Exact and
    normalised hits score 100.
    """
    if not quote or not quote.strip() or not text:
        return None
    hit = _exact(quote, text, near)
    if hit is not None:
        return hit
    folded, origin = _fold_cached(text)
    return _normalised(quote, text, folded, origin, near) or _fuzzy(quote, text, folded, origin, threshold)


@lru_cache(maxsize=8)
def _fold_cached(text: str) -> tuple[str, list[int]]:
    # Aligning 30 quotes against one article folds it once, not 30 times.
    return fold(text)


def _windows(text: str, width: int) -> list[tuple[int, int]]:
    """Overlapping windows of about `width` chars, cut at whitespace, half a window apart."""
    spans, start, n = [], 0, len(text)
    while start < n:
        end = min(n, start + width)
        if end < n:
            cut = text.rfind(" ", start + width // 2, end)
            end = cut if cut != -1 else end
        spans.append((start, end))
        if end >= n:
            break
        nxt = text.find(" ", start + max(1, width // 2))
        start = nxt + 1 if nxt != -1 and nxt + 1 < end else end
    return spans


def nearest_passages(quote: str, text: str, k: int = 2, width: int = 160) -> list[str]:
    """The k windows of `text` most like `quote`, best first, without overlap.

    Meant for a re-ask message ("your quote is not in the text; the closest passages
    are ..."), so windows are whole words of the original text.
    """
    fq, _ = fold(quote)
    if not fq or not text.strip() or k <= 0:
        return []
    scored = []
    for s, e in _windows(text, width):
        window = fold(text[s:e])[0]
        # token_set_ratio rewards windows holding the quote's words in any order;
        # partial_ratio rewards the same characters in sequence. Both matter for a re-ask.
        score = fuzz.token_set_ratio(fq, window) + fuzz.partial_ratio(fq, window)
        scored.append((score, s, e))
    scored.sort(key=lambda t: (-t[0], t[1]))
    chosen: list[tuple[int, int]] = []
    for _, s, e in scored:
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
        if len(chosen) == k:
            break
    return [text[s:e].strip() for s, e in chosen]
