"""The scorer's matching rules: counters, names, units, values, quote spans, one-to-one pairing.

The yardstick is its own: nothing here reads the pipeline's parser, so that changing how the
pipeline finds names or numbers can never move the rule it is scored by. Every threshold is in
evals/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rapidfuzz import fuzz, utils

from summarizer.align import align
from summarizer.candidates.lexicon import LEADING_TITLES, SHORT_TIME_UNITS, singular
from summarizer.merge import normalise_name

NAME_THRESHOLD = 85.0  # token_set_ratio of canonical names, 0-100
QUOTE_THRESHOLD = 85.0  # align() fuzzy floor when a quote is not verbatim
SPAN_IOU_MIN = 0.5
VALUE_TOLERANCE = 0.005  # relative, on magnitudes
GROUNDING_THRESHOLD = 85.0

# Leading titles only: "President Xi" ~ "Xi", but "Kremlin" or "Chinese Customs" stay whole.
_TITLES = tuple(t.split() for t in LEADING_TITLES)


# --- counters -------------------------------------------------------------------------------

def precision_recall_f1(pred_hits: int, pred_total: int, gold_hits: int, gold_total: int) -> tuple[float, float, float]:
    """The 0/0 convention lives here: precision with nothing predicted is 1 only when nothing was
    to be found either (likewise recall with an empty gold), so an empty prediction of an empty
    gold scores 1 and anything else with an empty side scores 0."""
    precision = pred_hits / pred_total if pred_total else float(gold_hits == gold_total)
    recall = gold_hits / gold_total if gold_total else float(pred_total == 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(frozen=True)
class FieldScore:
    """Counts for one field (precision/recall conventions: `precision_recall_f1`)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def _prf(self) -> tuple[float, float, float]:
        return precision_recall_f1(self.tp, self.tp + self.fp, self.tp, self.tp + self.fn)

    @property
    def precision(self) -> float:
        return self._prf[0]

    @property
    def recall(self) -> float:
        return self._prf[1]

    @property
    def f1(self) -> float:
        return self._prf[2]

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Mean:
    """A running mean that sums across articles; None when there is nothing to average."""

    total: float = 0.0
    n: int = 0

    @property
    def value(self) -> float | None:
        return self.total / self.n if self.n else None

    def __add__(self, other: Mean) -> Mean:
        return Mean(self.total + other.total, self.n + other.n)

    @classmethod
    def of(cls, values: Iterable[float]) -> Mean:
        values = list(values)
        return cls(float(sum(values)), len(values))


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# --- matching primitives --------------------------------------------------------------------

def canonical_name(name: str) -> str:
    """Case, diacritics and punctuation folded; leading titles and "the" dropped."""
    tokens = normalise_name(name).split()
    stripped = True
    while stripped:
        stripped = False
        for title in _TITLES:
            if len(tokens) > len(title) and tokens[: len(title)] == title:
                tokens, stripped = tokens[len(title):], True
                break
    return " ".join(tokens)


def name_similarity(forms_a: Sequence[str], forms_b: Sequence[str]) -> float:
    """Best token_set_ratio between any form of one side and any form of the other (0-100)."""
    a = [c for c in map(canonical_name, forms_a) if c]
    b = [c for c in map(canonical_name, forms_b) if c]
    return max((fuzz.token_set_ratio(x, y) for x in a for y in b), default=0.0)


def text_similarity(a: str | None, b: str | None) -> float:
    """token_set_ratio / 100 with case and punctuation ignored; 0 when either side is empty."""
    return fuzz.token_set_ratio(a or "", b or "", processor=utils.default_process) / 100 if a and b else 0.0


_UNIT_WORDS = {
    "%": "percent", "per cent": "percent", "pct": "percent", "percentage": "percent",
    "percentage point": "percentage_point", "pp": "percentage_point", "ppt": "percentage_point",
    "$": "USD", "us$": "USD", "dollar": "USD", "us dollar": "USD", "£": "GBP", "pound": "GBP",
    "pound sterling": "GBP", "€": "EUR", "euro": "EUR", "s$": "SGD", "singapore dollar": "SGD",
    "hk$": "HKD", "hong kong dollar": "HKD", "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "yen": "JPY",
    "rupee": "INR", "a$": "AUD", "c$": "CAD", "ringgit": "MYR", "malaysian ringgit": "MYR", "rm": "MYR",
    "shekel": "ILS", "new shekel": "ILS", "won": "KRW", "rouble": "RUB", "ruble": "RUB", "swiss franc": "CHF",
    # A currency named with its country is that currency ("Indian rupees" as "rupees"); only the
    # country tells "Australian dollars" from dollars, so each is listed rather than cut to its head.
    "indian rupee": "INR", "japanese yen": "JPY", "chinese yuan": "CNY", "russian rouble": "RUB",
    "russian ruble": "RUB", "south korean won": "KRW", "israeli shekel": "ILS", "british pound": "GBP",
    "australian dollar": "AUD", "canadian dollar": "CAD", "new zealand dollar": "NZD",
}
_ISO_CODES = frozenset("USD EUR GBP JPY CNY SGD HKD AUD CAD INR CHF RUB KRW BRL TWD NZD ZAR AED SAR MYR ILS".split())
# Head nouns that count the same thing. Gold counts humans as "people" and planes as "aircraft".
_HEAD_SYNONYMS = {
    **dict.fromkeys(["person", "individual", "civilian", "soldier", "troop", "militant", "fighter", "worker",
                     "employee", "member", "official", "victim", "death", "casualty", "protester", "demonstrator",
                     "student", "patient", "resident", "insurgent", "passenger", "staff", "staffer",
                     "child", "children", "adult", "man", "men", "woman", "women", "kid", "boy", "girl"], "people"),
    **dict.fromkeys(["jet", "plane", "airplane", "airliner"], "aircraft"),
    **SHORT_TIME_UNITS,
    "km": "kilometer", "kilometre": "kilometer", "mi": "mile", "tonne": "ton", "metre": "meter", "m": "meter",
    "feet": "foot", "ft": "foot",  # singular() leaves irregular plurals alone (irregular=False)
}


# The scorer's own unit rule, not figures' canonical_unit, which spells out abbreviations and
# irregular plurals ("mph", "feet"): read through that one, NewsQuant's figures score moves (P
# 0.892 -> 0.905), so switching the yardstick is a change of its own, not part of a refactor.
def canonical_unit(unit: str | None) -> str:
    """ISO code, "percent", "percentage_point", or a singular head noun; "" for no unit."""
    raw = (unit or "").strip()
    if raw.upper() in _ISO_CODES or re.fullmatch(r"[A-Z]{3}", raw):
        return raw.upper()
    words = [singular(w, irregular=False, shortest=3) for w in raw.lower().replace("_", " ").replace("-", " ").split()]
    phrase = " ".join(words)
    if phrase in _UNIT_WORDS:
        return _UNIT_WORDS[phrase]
    if "of" in words[1:]:  # "barrels of oil" counts barrels, "cups of coffee" cups: the head is before "of"
        words = words[: words.index("of", 1)]
    rate = next((i for i, w in enumerate(words) if i and w in ("per", "a", "an")), None)
    if rate is not None:  # a rate counts what is before "per": "hours per week" is hours (LABELLING: a plain noun)
        words = words[:rate]
        phrase = " ".join(words)
        if phrase.upper() in _ISO_CODES:  # "usd per month" is money: USD
            return phrase.upper()
        if phrase in _UNIT_WORDS:  # and so are "$ a month" and "dollars per share", as "$" and "dollars" are
            return _UNIT_WORDS[phrase]
    head = words[-1] if words else ""  # "arrest warrants" -> "warrant", "metric tons" -> "ton"
    return _HEAD_SYNONYMS.get(head, head)


def values_match(gold: float, pred: float) -> bool:
    """Magnitudes within VALUE_TOLERANCE of gold: direction lives in the wording ("fell 5%")."""
    if gold == 0:
        return abs(pred) < 1e-9
    return abs(abs(pred) - abs(gold)) <= VALUE_TOLERANCE * abs(gold)


def quote_spans(quote: str, text: str) -> list[tuple[int, int]]:
    """Every verbatim occurrence of `quote`; else align()'s single normalised/fuzzy hit; else []."""
    spans, pos = [], text.find(quote) if quote else -1
    while pos != -1:
        spans.append((pos, pos + len(quote)))
        pos = text.find(quote, pos + 1)
    if spans:
        return spans
    hit = align(quote, text, threshold=QUOTE_THRESHOLD)
    return [(hit.start, hit.end)] if hit and hit.start is not None and hit.end is not None else []


def span_iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union > 0 else 0.0


T = TypeVar("T")
U = TypeVar("U")


def greedy_pairs(
    gold: Sequence[T], pred: Sequence[U], score: Callable[[T, U], tuple | None]
) -> list[tuple[int, int, tuple]]:
    """One-to-one (gold index, pred index, key) pairs, best key first; `score` is None for no match."""
    cands = [(key, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if (key := score(g, p)) is not None]
    cands.sort(key=lambda c: (c[0], -c[1], -c[2]), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int, tuple]] = []
    for key, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j, key))
    return sorted(pairs)


def _counts(n_gold: int, n_pred: int, n_pairs: int) -> FieldScore:
    return FieldScore(tp=n_pairs, fp=n_pred - n_pairs, fn=n_gold - n_pairs)
