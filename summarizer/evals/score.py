"""Scoring predictions against gold. Pure functions; every rule and threshold is in evals/README.md.

    score_article(gold, prediction) -> ArticleScore     one article
    score_suite([(gold, prediction_or_error), ...]) -> SuiteScore   micro + macro + run statistics

Items are paired one-to-one, greedily, best pair first, so a duplicated prediction is a false
positive rather than a second hit.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, utils

from summarizer.align import fold
from summarizer.evals.gold import Gold, GoldParticipant
from summarizer.evals.match import (
    GROUNDING_THRESHOLD,
    NAME_THRESHOLD,
    QUOTE_THRESHOLD,
    SPAN_IOU_MIN,
    VALUE_TOLERANCE,
    FieldScore,
    Mean,
    _counts,
    _r,
    canonical_name,
    canonical_unit,
    greedy_pairs,
    name_similarity,
    precision_recall_f1,
    quote_spans,
    span_iou,
    text_similarity,
    values_match,
)
from summarizer.evals.outcomes import Outcome, RunStats, as_summary, run_stats
from summarizer.schema import ArticleSummary, Evidence, Participant

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


__all__ = [
    "FieldScore",
    "GROUNDING_THRESHOLD",
    "Mean",
    "NAME_THRESHOLD",
    "QUOTE_THRESHOLD",
    "SPAN_IOU_MIN",
    "VALUE_TOLERANCE",
    "canonical_name",
    "canonical_unit",
    "greedy_pairs",
    "name_similarity",
    "precision_recall_f1",
    "quote_spans",
    "span_iou",
    "text_similarity",
    "values_match",
    "ArticleScore",
    "Outcome",
    "RunStats",
    "SuiteScore",
    "as_summary",
    "evidence_holds",
    "figure_pairs",
    "name_forms",
    "participant_pairs",
    "position_match",
    "position_pairs",
    "run_stats",
    "score_article",
    "score_figures",
    "score_participants",
    "score_positions",
    "score_suite",
]
