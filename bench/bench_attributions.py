"""Code-only scores of the spaCy backbone (issue 13) on the external corpora, per half.

    python bench/bench_attributions.py [--root ../shared/corpora] [--half tune|check|both] [--show N]

PolNeAR positions: `find_attributions` -> Position(holder, quote=content), scored by
`evals.adapters.score_polnear`, twice: every attribution (the stage), and only those that
`find_candidates` keeps as positions (`_position_like`: what the filter costs or gains).
WikiEvents participants: `select_participants` -> Participant, scored by `score_wikievents`.
The half of an item is fixed by a stable hash of its id (PolNeAR: the article file stem;
WikiEvents: doc_id). Also times the parse on the reference article.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from summarizer.candidates import _position_like
from summarizer.candidates.attributions import Attribution, find_attributions
from summarizer.candidates.entities import entity_clusters
from summarizer.candidates.parse import load_pipeline, parse
from summarizer.candidates.participants import select_participants
from summarizer.evals.adapters import HitScore, load_polnear, load_wikievents, score_polnear, score_wikievents
from summarizer.schema import Participant, ParticipantKind, Position

PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "who", "which", "that"}
QUOTE_CHARS = 600  # the schema's bound on Position.quote


def half(item_id: str) -> str:
    return "tune" if int(hashlib.sha256(item_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


def _clip(text: str, limit: int = QUOTE_CHARS) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def holder_of(a: Attribution) -> str | None:
    """The source as the text names it there; for a pronoun, its antecedent's name."""
    if not a.holder:
        return None
    return a.holder if a.cluster and a.source.lower() in PRONOUNS else a.source


def positions(text: str, filtered: bool = False) -> list[Position]:
    doc = parse(text)
    out = []
    for a in find_attributions(doc, entity_clusters(doc)):
        if (holder := holder_of(a)) and (not filtered or _position_like(a)):
            out.append(Position.model_construct(holder=holder, stance="", quote=_clip(a.content)))
    return out


def participants(text: str) -> list[Participant]:
    doc = parse(text)
    kinds: dict[str, ParticipantKind] = {"person": "person", "organisation": "organisation",
                                         "country": "country", "group": "group"}
    return [Participant(name=p.name[:120], kind=kinds.get(p.kind, "other"), aliases=p.aliases[:12])
            for p in select_participants(doc)]


def _line(label: str, s: HitScore) -> str:
    return (f"  {label:6} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}   "
            f"(pred {s.pred_hits}/{s.pred_total}, gold {s.gold_hits}/{s.gold_total})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpora"))
    ap.add_argument("--half", default="both", choices=["tune", "check", "both"])
    args = ap.parse_args(argv)
    halves = ["tune", "check"] if args.half == "both" else [args.half]
    root = Path(args.root)
    load_pipeline()

    polnear = load_polnear(root / "polnear" / "dev")
    for filtered, title in ((False, "every attribution"), (True, "kept as positions by _position_like")):
        cache: dict[str, list[Position]] = {}
        totals = {h: HitScore() for h in halves}
        for doc in polnear:
            h = half(doc.name)
            if h in totals:
                if doc.text not in cache:
                    cache[doc.text] = positions(doc.text, filtered)
                totals[h] = totals[h] + score_polnear(doc, cache[doc.text])
        print(f"PolNeAR positions (code only, {title})")
        for h in halves:
            print(_line(h, totals[h]))

    totals = {h: HitScore() for h in halves}
    for wdoc in load_wikievents(root / "wikievents"):
        h = half(wdoc.doc_id)
        if h in totals:
            totals[h] = totals[h] + score_wikievents(wdoc, participants(wdoc.text))
    print("WikiEvents participants (code only)")
    for h in halves:
        print(_line(h, totals[h]))

    reference = Path(__file__).resolve().parents[2] / "shared" / "articles" / "xi-putin-call.txt"
    if reference.exists():
        text = reference.read_text(encoding="utf-8")
        parse(text)
        runs = []
        for n in range(5):
            started = time.perf_counter()
            parse(text + " " * (n + 1))  # a new string each time: nothing cached
            runs.append(time.perf_counter() - started)
        print(f"parse time, {reference.name} ({len(text)} chars): median {sorted(runs)[2]:.3f} s of 5")
    return 0


if __name__ == "__main__":
    sys.exit(main())
