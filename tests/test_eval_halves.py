"""Tune/check halves, bootstrap intervals, item-level errors and run comparison. Offline, fast."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.backends import FakeBackend
from summarizer.backends.fake_answers import plausible_answer
from summarizer.cli import app
from summarizer.cli import eval as cli_eval
from summarizer.errors import InputError
from summarizer.evals.gold import Gold, load_suite
from summarizer.evals.item_errors import article_errors, describe
from summarizer.evals.splits import checked_split, half_of, select
from summarizer.evals.stats import interval, micro_f1, paired_interval
from summarizer.schema import ArticleSummary

GOLD = Path(__file__).resolve().parent.parent / "evals" / "gold"


# --- halves -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("item_id", "half"),
    [  # fixed forever: a change here would move items between tune and check
        ("xi-putin-call", half_of("xi-putin-call")),
        ("road_ied_8", half_of("road_ied_8")),
    ],
)
def test_half_is_a_pure_function_of_the_id(item_id: str, half: str):
    assert half_of(item_id) == half in ("tune", "check")


def test_halves_partition_the_suite_and_both_are_sizeable():
    golds = load_suite(GOLD)
    tune, check = (select(golds, s, lambda g: g.id) for s in ("tune", "check"))
    assert {g.id for g in tune}.isdisjoint(g.id for g in check)
    assert len(tune) + len(check) == len(golds) == len(select(golds, "all", lambda g: g.id))
    assert min(len(tune), len(check)) >= len(golds) // 3


def test_half_does_not_depend_on_order_or_neighbours():
    ids = [f"doc-{i}" for i in range(50)]
    forward = select(ids, "tune", str)
    backward = select(list(reversed(ids)), "tune", str)
    assert set(forward) == set(backward) and select(ids[:10], "tune", str) == [i for i in forward if i in ids[:10]]


@pytest.mark.parametrize(("value", "ok"), [("tune", True), ("check", True), ("all", True), ("dev", False),
                                           ("", False), ("Tune", False)])
def test_checked_split(value: str, ok: bool):
    if ok:
        assert checked_split(value) == value
    else:
        with pytest.raises(InputError, match="--split must be one of tune, check, all"):
            checked_split(value)


# --- intervals ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("counts", "f1"),
    [([(1, 0, 0)], 1.0), ([(0, 1, 1)], 0.0), ([(2, 1, 1), (0, 0, 0)], 2 / 3), ([], 0.0)],
)
def test_micro_f1(counts, f1):
    assert micro_f1(counts) == pytest.approx(f1)


def test_interval_is_deterministic_and_brackets_the_estimate():
    items = [(1, 0, 0)] * 10 + [(0, 1, 1)] * 10
    ci = interval(items, micro_f1)
    assert ci == interval(items, micro_f1)
    assert ci is not None and ci[0] < micro_f1(items) < ci[1]
    assert interval(items[:1], micro_f1) is None  # one item has no spread to resample


def test_interval_narrows_with_more_items():
    small = [(1, 0, 0), (0, 1, 1)] * 5
    ci_small, ci_large = interval(small, micro_f1), interval(small * 20, micro_f1)
    assert ci_small and ci_large and (ci_large[1] - ci_large[0]) < (ci_small[1] - ci_small[0])


def test_paired_interval_of_identical_runs_is_zero_and_of_a_real_gain_excludes_zero():
    a = [(1, 0, 0), (0, 1, 1)] * 10
    assert paired_interval(a, a, micro_f1) == (0.0, 0.0)
    b = [(1, 0, 0)] * 20
    ci = paired_interval(a, b, micro_f1)
    assert ci is not None and ci[0] > 0
    with pytest.raises(ValueError):
        paired_interval(a, b[:3], micro_f1)


# --- item-level errors --------------------------------------------------------------------------

def _gold() -> Gold:
    return Gold.model_validate({
        "id": "a", "article": "a.txt", "event": {"description": "d"},
        "participants": [{"name": "Xi Jinping", "kind": "person", "aliases": ["Xi"]},
                         {"name": "Kremlin", "kind": "organisation"}],
        "positions": [{"holder": "Xi Jinping", "stance": "s", "quote": "oppose interference"}],
        "figures": [{"value": 26, "unit": "percent", "text": "26 per cent", "measures": "rise"}],
    }).with_text("Xi Jinping said they oppose interference. The Kremlin said trade rose 26 per cent.")


def _summary(**fields) -> ArticleSummary:
    return ArticleSummary.model_validate({"headline": "h", "summary": "s", **fields})


@pytest.mark.parametrize(
    ("pred", "missed", "unmatched"),
    [
        ({}, {"participants": 2, "positions": 1, "figures": 1}, {}),
        ({"participants": [{"name": "Xi", "kind": "person"}, {"name": "Moscow", "kind": "other"}]},
         {"participants": 1, "positions": 1, "figures": 1}, {"participants": 1}),
        ({"figures": [{"value": 26, "unit": "people", "text": "26 per cent", "measures": "m"}]},
         {"participants": 2, "positions": 1, "figures": 1}, {"figures": 1}),
    ],
)
def test_article_errors_lists_misses_and_unmatched(pred, missed, unmatched):
    gold = _gold()
    errors = article_errors(gold, _summary(**pred), gold.text)
    for field in ("participants", "positions", "figures"):
        assert len(errors[field]["missed"]) == missed.get(field, 0), field
        assert len(errors[field]["unmatched"]) == unmatched.get(field, 0), field


def test_a_miss_names_its_closest_prediction_and_why():
    gold = _gold()
    pred = _summary(participants=[{"name": "Xi Jinping", "kind": "person"}],
                    positions=[{"holder": "Xi Jinping", "stance": "s", "quote": "Xi Jinping said they"}],
                    figures=[{"value": 26, "unit": "people", "text": "26", "measures": "m"}])
    errors = article_errors(gold, pred, gold.text)
    position = errors["positions"]["missed"][0]
    assert "IoU 0.00" in position["closest"] and "holder similarity 100" in position["closest"]
    assert "unit 'people'" in errors["figures"]["missed"][0]["closest"]
    assert describe(errors["participants"]["missed"][0]).startswith("Kremlin [organisation]")


def test_no_prediction_counts_every_gold_item_as_missed():
    gold = _gold()
    errors = article_errors(gold, None, gold.text)
    assert [len(errors[f]["missed"]) for f in ("participants", "positions", "figures")] == [2, 1, 1]


# --- the command ------------------------------------------------------------------------------

@pytest.fixture
def fake(monkeypatch):
    made = FakeBackend(plausible_answer)
    monkeypatch.setattr(cli_eval, "make_backend", lambda settings, progress=None: made)
    return made


def invoke(*args: str):
    return CliRunner().invoke(app, ["eval", *map(str, args)], catch_exceptions=False)


def _ids(golds, split):
    return [g.id for g in select(golds, split, lambda g: g.id)]


def test_split_runs_only_that_half_and_says_so(fake, tmp_path: Path):
    result = invoke(GOLD, "--backend", "fake", "--split", "check", "--limit", "2", "--errors",
                    "--runs-dir", tmp_path / "run", "--json", tmp_path / "r.json", "--csv", tmp_path / "r.csv")
    assert result.exit_code == 0, result.output
    assert "split check" in result.output and "item error(s)" in result.output
    report = json.loads((tmp_path / "r.json").read_text())
    check_ids = _ids(load_suite(GOLD), "check")
    assert report["run"]["split"] == "check" and set(report["run"]["ids"]) <= set(check_ids)
    article = report["systems"]["pipeline"]["articles"][0]
    assert set(article["item_errors"]) == {"participants", "positions", "figures"}
    assert report["systems"]["pipeline"]["intervals"]["participants_f1"] is not None
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text())))
    assert len(rows) == 2 and {r["split"] for r in rows} == {"check"} and "figures_f1" in rows[0]


def test_unknown_split_is_one_error_line(fake):
    result = CliRunner().invoke(app, ["eval", str(GOLD), "--backend", "fake", "--split", "dev"])
    assert result.exit_code == 2 and "error: --split must be one of tune, check, all" in result.output


def test_check_and_update_need_the_whole_suite(fake, tmp_path: Path):
    result = invoke(GOLD, "--backend", "fake", "--split", "tune", "--check", "--runs-dir", tmp_path / "r")
    assert result.exit_code == 3 and "whole suite" in result.output


def _run(tmp_path: Path, name: str) -> Path:
    result = invoke(GOLD, "--backend", "fake", "--limit", "3", "--runs-dir", tmp_path / name)
    assert result.exit_code == 0, result.output
    return tmp_path / name


def test_compare_two_runs_with_paired_intervals_and_csv(fake, tmp_path: Path):
    a, b = _run(tmp_path, "a"), _run(tmp_path, "b")
    result = invoke(GOLD, "--compare", a, b, "--csv", tmp_path / "c.csv")
    assert result.exit_code == 0, result.output
    assert "3 shared articles" in result.output and "participants F1" in result.output
    assert "+0.000" in result.output  # the fake backend is deterministic: no difference
    rows = list(csv.DictReader(io.StringIO((tmp_path / "c.csv").read_text())))
    assert {r["run"] for r in rows} == {"A", "B"} and len(rows) == 6


def test_compare_refuses_runs_on_different_gold(fake, tmp_path: Path):
    a, b = _run(tmp_path, "a"), _run(tmp_path, "b")
    info = json.loads((b / "run.json").read_text())
    info["gold_sha256"] = "f" * 64
    (b / "run.json").write_text(json.dumps(info))
    result = CliRunner().invoke(app, ["eval", str(GOLD), "--compare", str(a), str(b)])
    assert result.exit_code == 2
    assert "different gold" in result.output and "ffffffffffff" in result.output


def test_gold_whose_page_is_missing_fails_with_the_path(tmp_path: Path):
    from summarizer.evals.gold import GoldError, load_gold

    (tmp_path / "a.txt").write_text("Alice said hello.", encoding="utf-8")
    (tmp_path / "a.yaml").write_text("id: a\narticle: a.txt\nhtml: pages/a.html.gz\nevent: {description: d}\n"
                                     "participants: [{name: Alice, kind: person}]\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"html: cannot read .*pages/a\.html\.gz"):
        load_gold(tmp_path / "a.yaml")
