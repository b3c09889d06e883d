"""Item-level errors: every gold item a prediction missed and every prediction that matched nothing.

Each line carries the fields that decide a match (names, holder and quote, value and unit) and,
for a miss, the closest prediction with the reason it did not count, so a reader sees at once
whether the pipeline found nothing, found the wrong holder, or cut the quote too short.
"""

from __future__ import annotations

from typing import Any

from summarizer.evals.gold import Gold
from summarizer.evals.score import (
    NAME_THRESHOLD,
    SPAN_IOU_MIN,
    canonical_unit,
    figure_pairs,
    name_forms,
    name_similarity,
    participant_pairs,
    position_match,
    position_pairs,
    values_match,
)
from summarizer.schema import ArticleSummary

FIELDS = ("participants", "positions", "figures")


def _unmatched(n: int, taken: set[int]) -> list[int]:
    return [i for i in range(n) if i not in taken]


def _participant_errors(gold: Gold, pred: ArticleSummary) -> dict[str, list[dict[str, Any]]]:
    pairs = participant_pairs(gold, pred)
    missed = []
    for i in _unmatched(len(gold.participants), {p[0] for p in pairs}):
        g = gold.participants[i]
        line: dict[str, Any] = {"name": g.name, "kind": g.kind, "aliases": g.aliases}
        scored = [(name_similarity(name_forms(g), name_forms(p)), p.name) for p in pred.participants]
        if scored:
            best = max(scored)
            line["closest"] = f"{best[1]!r}, name similarity {best[0]:.0f} (needs {NAME_THRESHOLD})"
        missed.append(line)
    extra = [{"name": p.name, "kind": p.kind, "aliases": p.aliases}
             for j, p in enumerate(pred.participants) if j not in {q[1] for q in pairs}]
    return {"missed": missed, "unmatched": extra}


def _position_errors(gold: Gold, pred: ArticleSummary, text: str) -> dict[str, list[dict[str, Any]]]:
    pairs, match = position_pairs(gold, pred, text), position_match(gold, pred, text)
    missed = []
    for i in _unmatched(len(gold.positions), {p[0] for p in pairs}):
        g = gold.positions[i]
        line: dict[str, Any] = {"holder": g.holder, "quote": g.quote}
        scored = [(*match(i, j), j) for j in range(len(pred.positions))]
        if scored:
            # The closest prediction is the one whose quote overlaps most; the holder decides ties.
            holder, iou, j = max(scored, key=lambda s: (s[1], s[0]))
            line["closest"] = (f"{pred.positions[j].holder!r}: IoU {iou:.2f} (needs {SPAN_IOU_MIN}), "
                               f"holder similarity {holder:.0f} (needs {NAME_THRESHOLD})")
        missed.append(line)
    extra = [{"holder": p.holder, "quote": p.quote}
             for j, p in enumerate(pred.positions) if j not in {q[1] for q in pairs}]
    return {"missed": missed, "unmatched": extra}


def _figure_errors(gold: Gold, pred: ArticleSummary) -> dict[str, list[dict[str, Any]]]:
    pairs = figure_pairs(gold, pred)
    taken = {p[1] for p in pairs}
    missed = []
    for i in _unmatched(len(gold.figures), {p[0] for p in pairs}):
        g = gold.figures[i]
        line: dict[str, Any] = {"value": g.value, "unit": canonical_unit(g.unit), "text": g.text,
                                "measures": g.measures}
        same_value = [p for p in pred.figures if values_match(g.value, p.value)]
        if same_value:
            line["closest"] = f"{same_value[0].text!r}: value matches, unit {canonical_unit(same_value[0].unit)!r}"
        missed.append(line)
    extra = [{"value": f.value, "unit": canonical_unit(f.unit), "text": f.text, "measures": f.measures}
             for j, f in enumerate(pred.figures) if j not in taken]
    return {"missed": missed, "unmatched": extra}


def article_errors(gold: Gold, pred: ArticleSummary | None, text: str) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """{field: {"missed": gold items, "unmatched": predictions}} for participants, positions, figures."""
    summary = pred if pred is not None else ArticleSummary(headline="", summary="")
    return {
        "participants": _participant_errors(gold, summary),
        "positions": _position_errors(gold, summary, text),
        "figures": _figure_errors(gold, summary),
    }


def describe(item: dict[str, Any]) -> str:
    """One readable line for an error item, as `eval --errors` prints it."""
    if "quote" in item:
        words = item["quote"].split()
        quote = " ".join(words[:14]) + (" …" if len(words) > 14 else "")
        head = f"{item['holder']}: “{quote}”"
    elif "value" in item:
        head = f"{item['text']!r} = {item['value']:g} {item['unit']} ({item['measures']})"
    else:
        aliases = f" aka {', '.join(item['aliases'])}" if item.get("aliases") else ""
        head = f"{item['name']} [{item['kind']}]{aliases}"
    return head + (f" — closest {item['closest']}" if item.get("closest") else "")
