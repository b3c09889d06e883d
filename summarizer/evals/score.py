"""Scoring predictions against gold. Pure functions; every rule and threshold is in evals/README.md.

    score_article(gold, prediction) -> ArticleScore     one article
    score_suite([(gold, prediction_or_error), ...]) -> SuiteScore   micro + macro + run statistics

Items are paired one-to-one, greedily, best pair first, so a duplicated prediction is a false
positive rather than a second hit.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import ValidationError
from rapidfuzz import fuzz, utils

from summarizer.align import align, fold
from summarizer.candidates.lexicon import LEADING_TITLES, SHORT_TIME_UNITS, singular
from summarizer.evals.gold import Gold, GoldParticipant
from summarizer.merge import normalise_name
from summarizer.schema import ArticleSummary, Evidence, Participant

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
    "rupee": "INR", "a$": "AUD", "c$": "CAD",
}
_ISO_CODES = frozenset("USD EUR GBP JPY CNY SGD HKD AUD CAD INR CHF RUB KRW BRL TWD NZD ZAR AED SAR".split())
# Head nouns that count the same thing. Gold counts humans as "people" and planes as "aircraft".
_HEAD_SYNONYMS = {
    **dict.fromkeys(["person", "individual", "civilian", "soldier", "troop", "militant", "fighter", "worker",
                     "employee", "member", "official", "victim", "death", "casualty", "protester", "demonstrator",
                     "student", "patient", "resident", "insurgent", "passenger", "staff", "staffer"], "people"),
    **dict.fromkeys(["jet", "plane", "airplane", "airliner"], "aircraft"),
    **SHORT_TIME_UNITS,
    "km": "kilometer", "kilometre": "kilometer", "mi": "mile", "tonne": "ton", "metre": "meter", "m": "meter",
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


# --- per field ------------------------------------------------------------------------------

def name_forms(p: GoldParticipant | Participant) -> list[str]:
    """A participant's name and aliases: every form the name rule may match."""
    return [p.name, *p.aliases]


def participant_pairs(gold: Gold, pred: ArticleSummary) -> list[tuple[int, int, tuple]]:
    """(gold index, predicted index, key) pairs by the name rule."""
    def key(g: GoldParticipant, p: Participant) -> tuple | None:
        s = name_similarity(name_forms(g), name_forms(p))
        # Ties (token_set_ratio gives 100 for any subset) go to the closer full name.
        return (s, fuzz.ratio(canonical_name(g.name), canonical_name(p.name))) if s >= NAME_THRESHOLD else None

    return greedy_pairs(gold.participants, pred.participants, key)


def score_participants(gold: Gold, pred: ArticleSummary) -> tuple[FieldScore, Mean]:
    """Participants F1 and kind accuracy over the matched pairs."""
    pairs = participant_pairs(gold, pred)
    kinds = Mean.of(float(gold.participants[i].kind == pred.participants[j].kind) for i, j, _ in pairs)
    return _counts(len(gold.participants), len(pred.participants), len(pairs)), kinds


def position_match(gold: Gold, pred: ArticleSummary, text: str) -> Callable[[int, int], tuple[float, float]]:
    """(holder similarity, best quote-span IoU) of gold position i and predicted position j."""
    gold_forms = {p.name: name_forms(p) for p in gold.participants}
    pred_forms = {p.name: name_forms(p) for p in pred.participants}
    gold_spans = [quote_spans(p.quote, text) for p in gold.positions]
    pred_spans = [quote_spans(p.quote, text) for p in pred.positions]

    def match(i: int, j: int) -> tuple[float, float]:
        g, p = gold.positions[i], pred.positions[j]
        holder = name_similarity(gold_forms.get(g.holder, [g.holder]), pred_forms.get(p.holder, [p.holder]))
        return holder, max((span_iou(a, b) for a in gold_spans[i] for b in pred_spans[j]), default=0.0)

    return match


def position_pairs(gold: Gold, pred: ArticleSummary, text: str) -> list[tuple[int, int, tuple]]:
    """(gold index, predicted index, (IoU,)) pairs: holders match and quote spans overlap enough."""
    match = position_match(gold, pred, text)

    def key(i: int, j: int) -> tuple | None:
        holder, iou = match(i, j)
        return (iou,) if holder >= NAME_THRESHOLD and iou >= SPAN_IOU_MIN else None

    return greedy_pairs(range(len(gold.positions)), range(len(pred.positions)), key)


def score_positions(gold: Gold, pred: ArticleSummary, text: str) -> tuple[FieldScore, Mean]:
    """Positions F1 (holder matches and quote spans overlap) and stance similarity over pairs."""
    pairs = position_pairs(gold, pred, text)
    stances = Mean.of(text_similarity(gold.positions[i].stance, pred.positions[j].stance) for i, j, _ in pairs)
    return _counts(len(gold.positions), len(pred.positions), len(pairs)), stances


def figure_pairs(gold: Gold, pred: ArticleSummary) -> list[tuple[int, int, tuple]]:
    """(gold index, predicted index, (measures similarity,)) pairs: same magnitude and unit."""
    def key(g: Any, p: Any) -> tuple | None:
        if not (values_match(g.value, p.value) and canonical_unit(g.unit) == canonical_unit(p.unit) != ""):
            return None
        # Two gold "15 percent" figures go to the predictions that describe them best.
        return (text_similarity(g.measures, p.measures),)

    return greedy_pairs(gold.figures, pred.figures, key)


def score_figures(gold: Gold, pred: ArticleSummary) -> tuple[FieldScore, Mean]:
    """Figures F1 (value and unit) and `measures` similarity over pairs."""
    pairs = figure_pairs(gold, pred)
    measures = Mean.of(key[0] for _, _, key in pairs)
    return _counts(len(gold.figures), len(pred.figures), len(pairs)), measures


def evidence_holds(ev: Evidence, text: str) -> bool:
    """Offsets hold, and for normalised/fuzzy matches the span really reads like the quote."""
    if not ev.holds_in(text):
        return False
    if ev.match == "exact":
        return True
    span, quote = fold(text[ev.start : ev.end])[0], fold(ev.quote)[0]
    if fuzz.ratio(span, quote) >= GROUNDING_THRESHOLD:
        return True
    # A quote with "..." spans the omitted words: accept it when every quoted word is in the
    # span and the span is not much longer than the quote (the aligner's own limit).
    words = set(utils.default_process(quote).split())
    return bool(words) and words <= set(utils.default_process(span).split()) and len(span) <= 3 * len(quote) + 40


# --- article and suite ----------------------------------------------------------------------

@dataclass(frozen=True)
class ArticleScore:
    id: str
    valid: bool  # False when the run produced no schema-valid summary (scored as empty)
    participants: FieldScore = FieldScore()
    kinds: Mean = Mean()
    positions: FieldScore = FieldScore()
    stances: Mean = Mean()
    figures: FieldScore = FieldScore()
    measures: Mean = Mean()
    date: Mean = Mean()  # 1 correct / 0 wrong, one per article
    location: Mean = Mean()
    description: Mean = Mean()
    grounding: Mean = Mean()  # 1 per evidence that holds, 0 per one that does not
    gold_dated: bool = False  # the gold pins an event date: counted in date_accuracy_dated

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "valid": self.valid,
            "participants": self.participants.to_dict(), "kind_accuracy": _r(self.kinds.value),
            "positions": self.positions.to_dict(), "stance_similarity": _r(self.stances.value),
            "figures": self.figures.to_dict(), "measures_similarity": _r(self.measures.value),
            "date_correct": _r(self.date.value), "location_correct": _r(self.location.value),
            "description_similarity": _r(self.description.value), "grounding_rate": _r(self.grounding.value),
            "gold_dated": self.gold_dated,
        }


def _event_scores(gold: Gold, pred: ArticleSummary | None) -> tuple[Mean, Mean, Mean]:
    """Date, location and description; a failed run (None) scores 0 on all three."""
    if pred is None:
        return Mean(0.0, 1), Mean(0.0, 1), Mean(0.0, 1)
    event = pred.event
    date_ok = gold.event.date == (event.date if event else None)  # null == null counts as correct
    g_loc, p_loc = gold.event.location, event.location if event else None
    loc_ok = g_loc == p_loc if g_loc is None or p_loc is None else name_similarity([g_loc], [p_loc]) >= NAME_THRESHOLD
    desc = text_similarity(gold.event.description, event.description if event else None)
    return Mean(float(date_ok), 1), Mean(float(loc_ok), 1), Mean(desc, 1)


def score_article(gold: Gold, pred: ArticleSummary | None, text: str | None = None) -> ArticleScore:
    """Score one prediction; None (no valid summary) scores as an empty summary."""
    text = gold.text if text is None else text
    date, location, description = _event_scores(gold, pred)
    summary = pred if pred is not None else ArticleSummary(headline="", summary="")
    participants, kinds = score_participants(gold, summary)
    positions, stances = score_positions(gold, summary, text)
    figures, measures = score_figures(gold, summary)
    grounding = Mean.of(float(evidence_holds(e, text)) for e in summary.evidence())
    return ArticleScore(gold.id, pred is not None, participants, kinds, positions, stances, figures, measures,
                        date, location, description, grounding, gold_dated=gold.event.date is not None)


Outcome = ArticleSummary | dict | BaseException | None


def as_summary(outcome: Outcome) -> ArticleSummary | None:
    """The schema-valid summary in a run's outcome, or None (an error, or JSON that fails the schema)."""
    if isinstance(outcome, ArticleSummary):
        return outcome
    if isinstance(outcome, dict):
        try:
            return ArticleSummary.model_validate(outcome)
        except ValidationError:
            return None
    return None


@dataclass(frozen=True)
class RunStats:
    """What the runs cost, from `meta` of the valid summaries and the types of the errors."""

    n: int
    valid: int
    errors: dict[str, int]
    attempts: Mean
    reasks: Mean
    prompt_tokens: int
    completion_tokens: int
    latencies: tuple[float, ...]

    def to_dict(self) -> dict[str, Any]:
        lat, tokens = self.latencies, self.prompt_tokens + self.completion_tokens
        return {
            "articles": self.n,
            "schema_valid": self.valid,
            "schema_valid_rate": _r(self.valid / self.n if self.n else None),
            "errors": dict(self.errors),
            "attempts_mean": _r(self.attempts.value),
            "reasks_total": int(self.reasks.total),
            "reasks_mean": _r(self.reasks.value),
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "tokens_per_article": _r(tokens / self.valid if self.valid else None),
            "latency_s_mean": _r(statistics.fmean(lat) if lat else None),
            "latency_s_p50": _r(statistics.median(lat) if lat else None),
            "latency_s_max": _r(max(lat) if lat else None),
        }


def run_stats(outcomes: Sequence[Outcome]) -> RunStats:
    summaries = [s for s in map(as_summary, outcomes) if s is not None]
    errors = Counter(type(o).__name__ for o in outcomes if isinstance(o, BaseException))
    invalid_json = sum(1 for o in outcomes if isinstance(o, dict) and as_summary(o) is None)
    if invalid_json:
        errors["SchemaInvalid"] = invalid_json
    missing = sum(1 for o in outcomes if o is None)
    if missing:
        errors["Missing"] = missing
    return RunStats(
        n=len(outcomes), valid=len(summaries), errors=dict(sorted(errors.items())),
        attempts=Mean.of(s.meta.attempts for s in summaries), reasks=Mean.of(s.meta.reasks for s in summaries),
        prompt_tokens=sum(s.meta.tokens.prompt for s in summaries),
        completion_tokens=sum(s.meta.tokens.completion for s in summaries),
        latencies=tuple(s.meta.latency_s for s in summaries),
    )


_FIELDS = ("participants", "positions", "figures")
_MEANS = {"kind_accuracy": "kinds", "stance_similarity": "stances", "measures_similarity": "measures",
          "date_accuracy": "date", "location_accuracy": "location", "description_similarity": "description",
          "grounding_rate": "grounding"}


@dataclass(frozen=True)
class SuiteScore:
    articles: list[ArticleScore]
    run: RunStats

    @property
    def micro(self) -> dict[str, FieldScore]:
        """Counts summed over the suite, so long articles weigh more."""
        return {f: sum((getattr(a, f) for a in self.articles), FieldScore()) for f in _FIELDS}

    def macro(self, name: str) -> dict[str, float | None]:
        """Mean over articles of per-article precision, recall and F1."""
        scores = [getattr(a, name) for a in self.articles]
        return {m: _r(statistics.fmean(getattr(s, m) for s in scores) if scores else None)
                for m in ("precision", "recall", "f1")}

    def mean(self, name: str) -> float | None:
        return sum((getattr(a, _MEANS[name]) for a in self.articles), Mean()).value

    @property
    def dated_date_accuracy(self) -> float | None:
        """Date accuracy over the articles whose gold pins a date: null = null cannot score here."""
        return sum((a.date for a in self.articles if a.gold_dated), Mean()).value

    def to_dict(self) -> dict[str, Any]:
        return {
            "micro": {f: s.to_dict() for f, s in self.micro.items()},
            "macro": {f: self.macro(f) for f in _FIELDS},
            **{name: _r(self.mean(name)) for name in _MEANS},
            "date_accuracy_dated": _r(self.dated_date_accuracy),
            "gold_dated": sum(a.gold_dated for a in self.articles),
            "run": self.run.to_dict(),
            "articles": [a.to_dict() for a in self.articles],
        }


def score_suite(records: Iterable[tuple[Gold, Outcome]]) -> SuiteScore:
    """Score (gold, outcome) records; an outcome is a summary, its JSON, an exception or None."""
    records = list(records)
    articles = [score_article(gold, as_summary(outcome)) for gold, outcome in records]
    return SuiteScore(articles, run_stats([outcome for _, outcome in records]))
