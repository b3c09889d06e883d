"""What a corpus run records and how a system is scored on one corpus's items.

    score_system(system, items, predict, scorer)  -> SystemScore   micro P/R/F1, errors, 95% interval
    memoised(fn)                                   one run per distinct text (PolNeAR's two annotators)
    CorpusRun, SystemScore                         the records `summarizer corpora` prints and writes

Split from corpora.py, which says what each corpus is and runs the systems on it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from summarizer.errors import PermanentBackendError
from summarizer.evals.adapters import HitScore
from summarizer.evals.stats import interval

__all__ = ["CorpusRun", "OnItem", "OnStart", "SystemScore", "failure", "memoised", "micro", "score_system"]

# on_start(label, total) when a system starts on a corpus; on_item() after each item.
OnStart = Callable[[str, int], None]
OnItem = Callable[[], None]


@dataclass
class SystemScore:
    """One system on one corpus."""

    system: str  # pipeline | naive | trafilatura
    items: int
    precision: float
    recall: float
    f1: float
    counts: HitScore | None = None  # None for the cleaning benchmark (macro over pages)
    errors: dict[str, int] = field(default_factory=dict)  # exception class -> items
    seconds: float = 0.0
    failures: list[dict[str, str]] = field(default_factory=list)  # {item, type, message} per failed item
    f1_interval: tuple[float, float] | None = None  # bootstrap 95% over items

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"system": self.system, "items": self.items, "precision": self.precision,
                                "recall": self.recall, "f1": self.f1, "errors": dict(self.errors),
                                "seconds": round(self.seconds, 3), "failures": self.failures,
                                "f1_interval": self.f1_interval}
        if self.counts is not None:
            data.update(vars(self.counts))
        return data


@dataclass
class CorpusRun:
    corpus: str
    scored: str  # what is compared: participants, positions, figures, article body
    path: str
    items: int = 0  # items scored (after --limit)
    available: int = 0  # items in the corpus
    unit: str = "documents"
    scores: list[SystemScore] = field(default_factory=list)
    note: str | None = None  # why it was skipped, or what a subset means
    split: str = "all"  # tune | check | all (summarizer.evals.splits)

    @property
    def skipped(self) -> bool:
        return not self.scores

    def to_dict(self) -> dict[str, Any]:
        return {"corpus": self.corpus, "scored": self.scored, "path": self.path, "split": self.split,
                "items": self.items,
                "available": self.available, "unit": self.unit, "note": self.note,
                "systems": [s.to_dict() for s in self.scores]}


# --- the aggregation ------------------------------------------------------------------------

def micro(scores: Iterable[HitScore]) -> HitScore:
    """The corpus-level score: every item's hits and totals summed."""
    return sum(scores, HitScore())


def failure(item: str, exc: BaseException) -> dict[str, str]:
    message = getattr(exc, "message", None) or str(exc)
    return {"item": item, "type": type(exc).__name__, "message": " ".join(message.split())[:300]}


def score_system(system: str, items: Sequence[Any], predict: Callable[[Any], list],
                 scorer: Callable[[Any, list], HitScore], on_item: OnItem | None = None,
                 item_id: Callable[[int, Any], str] = lambda i, _: str(i)) -> SystemScore:
    """Predict and score every item; a failed item counts as an error and is scored as predicting nothing.

    A `PermanentBackendError` (wrong key, unknown model) is raised: it would fail every item the same way.
    """
    started = time.perf_counter()
    scores: list[HitScore] = []
    errors: Counter[str] = Counter()
    failures = []
    for i, item in enumerate(items):
        try:
            scores.append(scorer(item, predict(item)))
        except PermanentBackendError:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad item must not end a long run
            errors[type(exc).__name__] += 1
            failures.append(failure(item_id(i, item), exc))
            scores.append(scorer(item, []))
        if on_item:
            on_item()
    total = micro(scores)
    ci = interval(scores, lambda picked: micro(picked).f1)
    return SystemScore(system, len(items), total.precision, total.recall, total.f1, total, dict(errors),
                       time.perf_counter() - started, failures, ci)


def memoised(fn: Callable[[str], list]) -> Callable[[str], list]:
    """The same text is run once (PolNeAR's doubly-annotated articles); a failure is re-raised each time."""
    done: dict[str, list | BaseException] = {}

    def run(text: str) -> list:
        if text not in done:
            try:
                done[text] = fn(text)
            except PermanentBackendError:
                raise
            except Exception as exc:  # noqa: BLE001 - recorded, raised again for each item with this text
                done[text] = exc
        result = done[text]
        if isinstance(result, BaseException):
            raise result
        return result

    return run
