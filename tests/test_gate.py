"""The regression gate's rules, one table of cases each; the committed baseline file's shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.errors import EXIT_CODES
from summarizer.evals.gate import (
    DEFAULT_MARGIN,
    GATE_EXIT_CODE,
    GATED,
    Baseline,
    GateError,
    check,
    update,
)
from summarizer.evals.gold import load_suite
from summarizer.evals.run import gold_sha256

GOLD = Path(__file__).resolve().parent.parent / "evals" / "gold"
KEY = "pipeline/local/qwen"
SHA = "a" * 64


def baseline(floors: dict[str, float] | None = None, sha: str = SHA, key: str = KEY) -> Baseline:
    entry = {key: {"metrics": floors, "gold_sha256": sha, "run": "r", "updated": "t"}} if floors is not None else {}
    return Baseline(gold_sha256=sha, margin=0.03, floors=entry)


@pytest.mark.parametrize(
    "floor, value, status, passed",
    [
        (0.60, 0.70, "ok", True),  # above the floor
        (0.60, 0.60, "ok", True),  # at the floor
        (0.60, 0.58, "within margin", True),  # noise
        (0.60, 0.57, "within margin", True),  # exactly the margin below: still noise
        (0.60, 0.5699, "FAIL", False),  # more than the margin below
        (0.60, 0.20, "FAIL", False),
        (0.60, None, "FAIL", False),  # the metric is gone (nothing matched at all)
        (0.0, 0.0, "ok", True),
    ],
)
def test_check_compares_each_metric_with_floor_minus_margin(floor, value, status, passed):
    result = check(baseline({"positions_f1": floor}), KEY, {"positions_f1": value}, SHA)
    assert [r.status for r in result.rows] == [status]
    assert result.passed is passed
    if not passed:
        assert "positions_f1" in result.failures[0]


@pytest.mark.parametrize(
    "floors, sha, key, passed, message",
    [
        ({"positions_f1": 0.5}, "b" * 64, KEY, False, "the gold changed"),  # floors set on other gold
        ({}, SHA, KEY, True, "no floor yet for positions_f1"),  # an empty floor set for the key
        (None, SHA, KEY, True, f"no floors for {KEY}"),  # nothing pinned yet: pass with a note
        (None, "b" * 64, KEY, True, "gold differs"),  # ... and say the gold moved
        ({"positions_f1": 0.9}, SHA, "pipeline/openai/gpt", True, "floors exist for pipeline/openai/gpt"),
    ],
)
def test_check_gold_sha_and_missing_floors(floors, sha, key, passed, message):
    result = check(baseline(floors, key=key), KEY, {"positions_f1": 0.6}, sha)
    assert result.passed is passed
    assert any(message in line for line in result.failures + result.notes), result


@pytest.mark.parametrize(
    "old, new, allow, refused, lowered",
    [
        (None, {"positions_f1": 0.5}, False, False, []),  # first floors
        ({"positions_f1": 0.5}, {"positions_f1": 0.6}, False, False, []),  # raising is always fine
        ({"positions_f1": 0.5}, {"positions_f1": 0.5}, False, False, []),
        ({"positions_f1": 0.5}, {"positions_f1": 0.49}, False, True, []),  # any drop, even within the margin
        ({"positions_f1": 0.5}, {"positions_f1": 0.49}, True, False, ["positions_f1: 0.5000 -> 0.4900"]),
        ({"stance_similarity": 0.5}, {"stance_similarity": None}, False, True, []),  # a floor dropped
    ],
)
def test_update_refuses_to_lower_floors(old, new, allow, refused, lowered):
    base = baseline(old)
    if refused:
        with pytest.raises(GateError) as info:
            update(base, KEY, new, SHA, run="r2", allow_regression=allow)
        assert info.value.exit_code == GATE_EXIT_CODE and "--allow-regression" in info.value.message
        return
    result, went_down = update(base, KEY, new, SHA, run="r2", allow_regression=allow)
    assert went_down == lowered
    assert result.floors[KEY]["metrics"] == {k: v for k, v in new.items() if v is not None}
    assert result.floors[KEY]["run"] == "r2" and result.margin == base.margin


def test_update_keeps_only_gated_metrics_and_other_systems():
    base = baseline({"positions_f1": 0.5}, key="pipeline/openai/gpt")
    metrics = {"positions_f1": 0.4, "latency_s_mean": 20.0, "prompt_tokens": 9000, "grounding_rate": None}
    result, _ = update(base, KEY, metrics, "c" * 64, run="r")
    assert result.floors[KEY]["metrics"] == {"positions_f1": 0.4}  # latency and tokens are not gated
    assert result.floors["pipeline/openai/gpt"] == base.floors["pipeline/openai/gpt"]
    assert result.floors[KEY]["gold_sha256"] == result.gold_sha256 == "c" * 64


def test_gate_exit_code_is_not_an_error_code():
    assert GATE_EXIT_CODE not in EXIT_CODES.values()


def test_baseline_round_trip_and_bad_files(tmp_path):
    path = tmp_path / "b.json"
    base, _ = update(baseline(None), KEY, {"figures_f1": 0.7}, SHA, run="r")
    base.save(path)
    assert Baseline.load(path) == base
    path.write_text(json.dumps({"margin": 2, "floors": {}}))
    with pytest.raises(Exception, match="margin"):
        Baseline.load(path)
    path.write_text("{not json")
    with pytest.raises(Exception, match="cannot read the baseline file"):
        Baseline.load(path)


def test_gold_sha_covers_yaml_and_article_text():
    golds = load_suite(GOLD)
    sha = gold_sha256(golds, GOLD)
    assert sha == gold_sha256(list(reversed(golds)), GOLD)  # order-independent
    edited = [golds[0].with_text(golds[0].text + " "), *golds[1:]]
    assert gold_sha256(edited, GOLD) != sha


def test_committed_baseline_file_is_well_formed():
    base = Baseline.load(Path(__file__).resolve().parent.parent / "evals" / "baseline.json")
    assert base.margin == DEFAULT_MARGIN and len(base.gold_sha256 or "") == 64
    current = gold_sha256(load_suite(GOLD), GOLD)
    for entry in base.floors.values():  # set from a full embedded-model run
        assert set(entry["metrics"]) <= set(GATED)
        # relabelling the gold means re-setting the floors (evals/README.md, "The regression gate")
        assert entry["gold_sha256"] == base.gold_sha256 == current
