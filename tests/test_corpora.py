"""`summarizer corpora`: the aggregation, the cleaning metric, and a fake-backend smoke run on the
real corpora in ../shared/corpora (skipped when they are not there). Offline, fast."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import PermanentBackendError
from summarizer.evals.adapters import HitScore
from summarizer.evals.cleaning import cleaning_scores, shingles, tp_fp_fn
from summarizer.evals.corpora import CORPORA, memoised, micro, score_cleaning, score_system

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPORA = REPO.parent / "shared" / "corpora"


def invoke(*args: str):
    return CliRunner().invoke(app, ["corpora", *map(str, args)], catch_exceptions=False)


# --- aggregation ------------------------------------------------------------------------------

def test_micro_sums_hits_and_totals():
    total = micro([HitScore(1, 2, 1, 4), HitScore(3, 3, 2, 2), HitScore()])
    assert total == HitScore(4, 5, 3, 6)
    assert total.precision == pytest.approx(0.8)
    assert total.recall == pytest.approx(0.5)
    assert total.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)
    assert micro([]) == HitScore()


def test_score_system_counts_a_failed_item_as_an_error_scored_empty():
    # items are (gold size, prediction or exception); the scorer: every predicted item is a hit
    items = [(2, ["a", "b"]), (3, ValueError("boom")), (1, ["c", "d"])]

    def predict(item):
        if isinstance(item[1], Exception):
            raise item[1]
        return item[1]

    def scorer(item, pred):
        hits = min(len(pred), item[0])
        return HitScore(hits, len(pred), hits, item[0])

    seen = []
    score = score_system("pipeline", items, predict, scorer, on_item=lambda: seen.append(1),
                         item_id=lambda i, _: f"doc{i}")
    assert score.counts == HitScore(3, 4, 3, 6)  # the failed item adds its 3 gold items and nothing predicted
    assert (score.precision, score.recall) == (pytest.approx(0.75), pytest.approx(0.5))
    assert score.errors == {"ValueError": 1}
    assert score.failures == [{"item": "doc1", "type": "ValueError", "message": "boom"}]
    assert score.items == 3 and len(seen) == 3
    assert 0.0 <= score.f1 <= 1.0


def test_score_system_stops_on_a_permanent_backend_error():
    def predict(item):
        raise PermanentBackendError("401: wrong key")

    with pytest.raises(PermanentBackendError):
        score_system("pipeline", [1, 2], predict, lambda item, pred: HitScore())


def test_memoised_runs_each_text_once_and_reraises_its_failure():
    calls = []

    def run(text):
        calls.append(text)
        if text == "bad":
            raise RuntimeError("no")
        return [text]

    fn = memoised(run)
    assert fn("a") == ["a"] and fn("a") == ["a"]
    for _ in range(2):
        with pytest.raises(RuntimeError):
            fn("bad")
    assert calls == ["a", "bad"]


# --- the cleaning metric ------------------------------------------------------------------------

def test_cleaning_metric_on_known_pages():
    true = "one two three four five six"  # 3 shingles
    assert shingles(true) == {("one", "two", "three", "four"): 1, ("two", "three", "four", "five"): 1,
                              ("three", "four", "five", "six"): 1}
    assert tp_fp_fn(true, true) == (1.0, 0.0, 0.0)
    assert tp_fp_fn(true, "") == (0.0, 0.0, 1.0)
    tp, fp, fn = tp_fp_fn(true, "one two three four five six seven")  # 3 shared, 1 extra
    assert (tp, fp, fn) == (pytest.approx(0.75), pytest.approx(0.25), 0.0)
    p, r, f1 = cleaning_scores([(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)])  # a perfect page and an empty extraction
    assert (p, r) == (1.0, 0.5)  # precision only over pages with something predicted
    assert f1 == pytest.approx(2 / 3)
    assert cleaning_scores([]) == (0.0, 0.0, 0.0)


def test_score_cleaning_counts_a_raising_extractor_as_empty():
    pages = [("k1", "<html>", "alpha beta gamma delta"), ("k2", "<html>", "alpha beta gamma delta")]
    outputs = iter(["alpha beta gamma delta", None])

    def extract(html):
        value = next(outputs)
        if value is None:
            raise ValueError("no body")
        return value

    score = score_cleaning("pipeline", pages, extract)
    assert (score.precision, score.recall) == (1.0, 0.5)
    assert score.errors == {"ValueError": 1} and score.failures[0]["item"] == "k2"


@pytest.mark.parametrize(
    "true, pred, expected",
    [
        ("one two three four five", "one two three four five", (1.0, 0.0, 0.0)),
        ("one two three four five", "", (0.0, 0.0, 1.0)),
        ("", "one two three four", (0.0, 1.0, 0.0)),
        ("a b c d e", "a b c d x", (1 / 3, 1 / 3, 1 / 3)),
    ],
)
def test_cleaning_metric_per_page(true, pred, expected):
    assert tp_fp_fn(true, pred) == pytest.approx(expected)


def test_cleaning_scores_average_over_pages_with_something():
    rows = [(1.0, 0.0, 0.0), (0.0, 0.0, 1.0), (0.5, 0.5, 0.0)]
    p, r, f1 = cleaning_scores(rows)
    assert (p, r) == pytest.approx((0.75, 2 / 3)) and f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


# --- the command ------------------------------------------------------------------------------

def test_missing_corpora_are_skipped_with_a_note(tmp_path):
    (tmp_path / "newsquant").mkdir()
    sentences = [{"text": "The company said sales rose 12 percent last year.",
                  "quantities": [{"value": "12", "unit": "percent", "normalized_unit": "percentage",
                                  "change": "up", "referred_concepts": "sales"}]}]
    (tmp_path / "newsquant" / "dev.json").write_text(json.dumps(sentences), encoding="utf-8")
    result = invoke("--root", tmp_path, "--backend", "fake", "--json", tmp_path / "r.json")
    assert result.exit_code == 0, result.output
    assert "NewsQuant" in result.output and "not found" in result.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    by_name = {c["corpus"]: c for c in report["corpora"]}
    assert set(by_name) == set(CORPORA)
    assert [c for c in CORPORA if by_name[c]["systems"]] == ["newsquant"]
    assert by_name["wikievents"]["note"].startswith("skipped")
    (score,) = by_name["newsquant"]["systems"]
    assert score["system"] == "pipeline" and score["items"] == 1 and score["gold_total"] == 1


def test_bad_root_and_unknown_corpus_exit_2(tmp_path):
    assert invoke("--root", tmp_path / "nope", "--backend", "fake").exit_code == 2
    assert invoke("--root", tmp_path, "--backend", "fake", "--only", "imdb").exit_code == 2


@pytest.mark.skipif(not SHARED_CORPORA.is_dir(), reason=f"no corpora at {SHARED_CORPORA}")
def test_fake_run_on_the_real_corpora(tmp_path):
    result = invoke("--root", SHARED_CORPORA, "--backend", "fake", "--limit", "2", "--baseline",
                    "--json", tmp_path / "r.json")
    assert result.exit_code == 0, result.output
    for title in ("WikiEvents", "PolNeAR", "NewsQuant", "article-extraction"):
        assert title in result.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["backend"] == "fake" and report["limit"] == 2
    assert [c["corpus"] for c in report["corpora"]] == list(CORPORA)
    for corpus in report["corpora"]:
        systems = [s["system"] for s in corpus["systems"]]
        expected = ["pipeline", "trafilatura"] if corpus["corpus"] == "article-extraction-benchmark" \
            else ["pipeline", "naive"]
        assert systems == expected, corpus["corpus"]
        assert corpus["items"] == 2 and "subset" in corpus["note"]
        for s in corpus["systems"]:
            assert all(0.0 <= s[k] <= 1.0 for k in ("precision", "recall", "f1")), (corpus["corpus"], s)
            assert s["items"] == 2
            if "gold_total" in s:
                assert s["gold_total"] > 0 and 0 <= s["gold_hits"] <= s["gold_total"]
                assert 0 <= s["pred_hits"] <= s["pred_total"]
    pipeline = {c["corpus"]: c["systems"][0] for c in report["corpora"]}
    # figures and positions come from code even with the fake backend: something is found
    assert pipeline["newsquant"]["pred_hits"] > 0
    assert pipeline["article-extraction-benchmark"]["f1"] > 0.5
