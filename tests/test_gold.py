"""Every gold file parses, points at its article and is clean by `check_gold`."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.evals.gold import Gold, GoldError, check_gold, load_gold, load_suite

GOLD_DIR = Path(__file__).resolve().parent.parent / "evals" / "gold"
HOLDOUT_DIR = Path(__file__).resolve().parent.parent / "evals" / "holdout" / "gold"  # scored, never tuned on
GOLD_FILES = sorted(GOLD_DIR.glob("*.yaml")) + sorted(HOLDOUT_DIR.glob("*.yaml"))


def test_suite_is_large_enough_and_loads():
    suite = load_suite(GOLD_DIR)
    assert len(suite) >= 15
    assert len({g.id for g in suite}) == len(suite)
    holdout = {g.id for g in load_suite(HOLDOUT_DIR)}
    assert len(holdout) >= 10 and not holdout & {g.id for g in suite}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_valid(path: Path):
    gold = load_gold(path)
    assert gold.text.strip(), "article text is empty"
    assert check_gold(gold) == []


def _write(tmp_path: Path, body: str, article: str = "Alice said hello. 26 per cent rose.") -> Path:
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    path = tmp_path / "a.yaml"
    path.write_text(body, encoding="utf-8")
    return path


_GOOD = """\
id: a
article: a.txt
event: {description: Alice greeted.}
participants: [{name: Alice, kind: person}]
positions: [{holder: Alice, stance: greets, quote: "said hello"}]
figures: [{value: 26, unit: percent, text: "26 per cent", measures: rise}]
"""


def test_valid_minimal_file(tmp_path: Path):
    gold = load_gold(_write(tmp_path, _GOOD))
    assert gold.text.startswith("Alice") and check_gold(gold) == []


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("kind: person", "kind: human"), "participants[0].kind"),
        (("quote:", "qoute:"), "positions[0]"),
        (("id: a", "id: b"), "id: 'b' must equal"),
        (("article: a.txt", "article: missing.txt"), "article: cannot read"),
        (("value: 26", "value: lots"), "figures[0].value"),
    ],
)
def test_invalid_file_names_file_and_field(tmp_path: Path, edit: tuple[str, str], message: str):
    path = _write(tmp_path, _GOOD.replace(*edit))
    with pytest.raises(GoldError) as err:
        load_gold(path)
    assert str(path) in str(err.value) and message in str(err.value)


def _gold(**changes) -> Gold:
    data = {
        "id": "a",
        "article": "a.txt",
        "event": {"description": "d", "date": "2024-02-08", "location": "Beijing"},
        "participants": [{"name": "Xi Jinping", "kind": "person", "aliases": ["Xi"]}],
        "positions": [{"holder": "Xi Jinping", "stance": "s", "quote": "oppose interference"}],
        "figures": [{"value": 240100000000, "unit": "USD", "text": "US$240.1 billion", "measures": "trade"}],
    }
    data.update(changes)
    return Gold.model_validate(data).with_text("Xi Jinping in Beijing said: oppose interference. Trade hit US$240.1 billion.")


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({}, None),
        ({"positions": [{"holder": "Putin", "stance": "s", "quote": "oppose interference"}]}, "is not a participant"),
        ({"positions": [{"holder": "Xi Jinping", "stance": "s", "quote": "oppose  interference"}]}, "quote: not verbatim"),
        ({"figures": [{"value": 240.1, "unit": "USD", "text": "US$240.1 billion", "measures": "m"}]}, "figures[0].value"),
        ({"figures": [{"value": 240100000000, "unit": "USD", "text": "$240.1bn", "measures": "m"}]}, "figures[0].text"),
        ({"figures": [{"value": 1, "unit": "US$", "text": "US$240.1 billion", "measures": "m"}]}, "figures[0].unit"),
        ({"event": {"description": "d", "date": "Feb 8"}}, "event.date"),
        ({"event": {"description": "d", "date": "2024-02-30"}}, "not a real date"),
        ({"published": "2024-13"}, "published"),
        ({"event": {"description": "d", "location": "Moscow"}}, "event.location"),
        ({"participants": [{"name": "Xi Jinping", "kind": "person", "aliases": ["Mr Xi"]}]}, "'Mr Xi' is not in the article"),
    ],
)
def test_check_gold_problems(changes: dict, problem: str | None):
    problems = check_gold(_gold(**changes))
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


@pytest.mark.parametrize(
    ("value", "text", "ok"),
    [
        (2_500_000, "Rs 25 lakh", True),  # South Asian scales: a lakh is 100,000, a crore 10,000,000
        (25, "Rs 25 lakh", False),
        (30_000_000, "Rs 3 crore", True),
        (40_000_000_000, "$40-50 billion", True),  # a range's low end takes the scale after the high end
    ],
)
def test_check_gold_scales(value: int, text: str, ok: bool):
    gold = Gold.model_validate({
        "id": "a", "article": "a.txt", "event": {"description": "d"}, "participants": [], "positions": [],
        "figures": [{"value": value, "unit": "INR", "text": text, "measures": "fee paid"}],
    }).with_text(f"He paid an agent {text} to reach the US.")
    assert (check_gold(gold) == []) is ok
