"""`summarizer eval` end to end with the fake backend: run, store, report, re-score, gate. Offline, fast."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from summarizer.backends import FakeBackend
from summarizer.backends.fake_answers import plausible_answer
from summarizer.cli import app
from summarizer.cli import eval as cli_eval
from summarizer.evals.gate import GATE_EXIT_CODE, Baseline
from summarizer.evals.gold import load_suite
from summarizer.evals.run import gold_sha256, load_run

GOLD = Path(__file__).resolve().parent.parent / "evals" / "gold"
# A quoted position, so the page must show it: its holder and quote carry markup.
HOSTILE = "\n\n“We will not accept <script>alert('x')</script> at all,” said Tom & Jerry, the cartoon duo.\n"


class CountingBackend(FakeBackend):
    """The default fake answer, plus a valid one for the naive baseline's single call."""

    def __init__(self) -> None:
        super().__init__(self._answer)

    @staticmethod
    def _answer(request):
        if request.stage != "naive":
            return plausible_answer(request)
        first = request.context["article"].split()[0]
        return {"headline": "h", "summary": "s", "event": {"description": "something happened"},
                "participants": [{"name": first, "kind": "other"}]}


@pytest.fixture
def backend(monkeypatch) -> CountingBackend:
    made = CountingBackend()
    monkeypatch.setattr(cli_eval, "make_backend", lambda settings, progress=None: made)
    return made


def invoke(*args: str):
    return CliRunner().invoke(app, ["eval", *map(str, args)], catch_exceptions=False)


@pytest.fixture(scope="module")
def smoke(tmp_path_factory) -> dict:
    """One fake run on two real gold articles, shared by the tests that only read its outputs."""
    tmp = tmp_path_factory.mktemp("smoke")
    made = CountingBackend()
    patch = pytest.MonkeyPatch()
    patch.setattr(cli_eval, "make_backend", lambda settings, progress=None: made)
    try:
        result = invoke(GOLD, "--backend", "fake", "--limit", "2", "--json", tmp / "r.json",
                        "--html", tmp / "r.html", "--runs-dir", tmp / "run", "--per-article")
    finally:
        patch.undo()
    return {"result": result, "tmp": tmp, "calls": len(made.calls)}


def test_smoke_run_writes_tables_json_and_stored_predictions(smoke):
    result, tmp = smoke["result"], smoke["tmp"]
    assert result.exit_code == 0, result.output
    assert "participants F1" in result.output and "grounding rate" in result.output
    assert "per article" in result.output
    assert smoke["calls"] >= 2
    report = json.loads((tmp / "r.json").read_text())
    assert list(report["systems"]) == ["pipeline"]
    metrics = report["systems"]["pipeline"]["metrics"]
    assert metrics["articles"] == 2 and metrics["schema_valid_rate"] == 1.0
    assert 0 <= metrics["participants_f1"] <= 1 and metrics["grounding_rate"] == 1.0
    info, records = load_run(tmp / "run")
    assert info.backend == "fake" and not info.full_suite and len(info.ids) == 2
    assert set(records["pipeline"]) == set(info.ids)
    stored = json.loads((tmp / "run" / "pipeline" / f"{info.ids[0]}.json").read_text())
    assert stored["summary"]["headline"] and len(stored["text_sha256"]) == 64


def test_html_is_self_contained_with_marked_evidence(smoke):
    page = (smoke["tmp"] / "r.html").read_text()
    assert '<mark class="pred"' in page and '<mark class="gold"' in page
    assert "<link" not in page and "src=" not in page  # no CDN, nothing fetched
    first = load_suite(GOLD)[0]
    line = next(ln for ln in first.text.splitlines() if "'" in ln or "&" in ln or '"' in ln)
    assert html.escape(line.strip(), quote=True)[:40] in page


def test_html_escapes_hostile_article_text(tmp_path, backend):
    suite = tmp_path / "gold"
    gold = load_suite(GOLD)[-1]
    suite.mkdir()
    (tmp_path / "a.txt").write_text(gold.text + HOSTILE, encoding="utf-8")
    data = yaml.safe_load((GOLD / f"{gold.id}.yaml").read_text(encoding="utf-8"))
    (suite / f"{gold.id}.yaml").write_text(yaml.safe_dump({**data, "article": "../a.txt"}), encoding="utf-8")
    result = invoke(suite, "--backend", "fake", "--html", tmp_path / "r.html", "--runs-dir", tmp_path / "run")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text()
    assert "<script>alert" not in page
    assert "Tom &amp; Jerry" in page
    assert "We will not accept &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; at all" in page


def test_rescore_makes_no_backend_calls_and_matches(smoke, monkeypatch, tmp_path):
    def forbidden(*_a, **_k):
        raise AssertionError("--rescore must not construct a backend")

    monkeypatch.setattr(cli_eval, "make_backend", forbidden)
    run = smoke["tmp"] / "run"
    result = invoke(GOLD, "--rescore", run, "--json", tmp_path / "again.json")
    assert result.exit_code == 0, result.output
    before = json.loads((smoke["tmp"] / "r.json").read_text())["systems"]["pipeline"]["metrics"]
    after = json.loads((tmp_path / "again.json").read_text())["systems"]["pipeline"]["metrics"]
    quality = {k: v for k, v in before.items() if not k.startswith(("latency", "tokens"))}
    assert {k: after[k] for k in quality} == quality


def test_rescore_counts_stored_errors_and_missing_records(smoke, tmp_path):
    run = tmp_path / "run"
    shutil.copytree(smoke["tmp"] / "run", run)
    info, _ = load_run(run)
    failed = run / "pipeline" / f"{info.ids[0]}.json"
    record = json.loads(failed.read_text())
    record.update(summary=None, error={"type": "ExtractionError", "message": "still invalid", "attempts": ["invalid"]})
    failed.write_text(json.dumps(record))
    (run / "pipeline" / f"{info.ids[1]}.json").unlink()  # an interrupted run
    result = invoke(GOLD, "--rescore", run, "--json", tmp_path / "r.json")
    assert result.exit_code == 0, result.output
    metrics = json.loads((tmp_path / "r.json").read_text())["systems"]["pipeline"]["metrics"]
    assert metrics["errors"] == {"ExtractionError": 1, "Missing": 1}
    assert metrics["schema_valid_rate"] == 0.0 and metrics["participants_recall"] == 0.0


def test_baseline_runs_both_systems_side_by_side(tmp_path, backend):
    result = invoke(GOLD, "--backend", "fake", "--limit", "2", "--baseline", "--json", tmp_path / "r.json",
                    "--html", tmp_path / "r.html", "--runs-dir", tmp_path / "run")
    assert result.exit_code == 0, result.output
    header = next(line for line in result.output.splitlines() if "metric" in line)
    assert "pipeline" in header and "naive" in header and "Δ" in header
    assert sum(1 for c in backend.calls if c.stage == "naive") == 2  # one call per article, same backend
    report = json.loads((tmp_path / "r.json").read_text())
    assert set(report["systems"]) == {"pipeline", "naive"}
    assert report["systems"]["naive"]["metrics"]["schema_valid_rate"] == 1.0
    assert report["systems"]["naive"]["key"] == "naive/fake/fake-model"
    assert len(list((tmp_path / "run" / "naive").glob("*.json"))) == 2
    page = (tmp_path / "r.html").read_text()
    assert "<th>naive</th>" in page and "raw text (naive input)" in page


def test_gate_refuses_a_subset(tmp_path, backend):
    result = invoke(GOLD, "--backend", "fake", "--limit", "2", "--check", "--runs-dir", tmp_path / "run")
    assert result.exit_code == 3 and not backend.calls


def _two_article_suite(tmp_path: Path) -> Path:
    suite = tmp_path / "gold"
    suite.mkdir()
    for gold in load_suite(GOLD)[:2]:
        data = yaml.safe_load((GOLD / f"{gold.id}.yaml").read_text(encoding="utf-8"))
        data["article"] = str((GOLD / data["article"]).resolve())
        (suite / f"{gold.id}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    Baseline(gold_sha256=gold_sha256(load_suite(suite), suite)).save(tmp_path / "baseline.json")
    return suite


def test_check_and_update_baseline_through_the_cli(tmp_path, backend):
    suite, floors = _two_article_suite(tmp_path), tmp_path / "baseline.json"
    first = invoke(suite, "--backend", "fake", "--check", "--runs-dir", tmp_path / "r1")
    assert first.exit_code == 0 and "no floors for pipeline/fake/fake-model" in first.output
    update = invoke(suite, "--rescore", tmp_path / "r1", "--update-baseline")
    assert update.exit_code == 0, update.output
    saved = json.loads(floors.read_text())["floors"]["pipeline/fake/fake-model"]
    assert saved["metrics"]["grounding_rate"] == 1.0 and saved["run"].endswith("r1")
    assert invoke(suite, "--rescore", tmp_path / "r1", "--check").exit_code == 0
    data = json.loads(floors.read_text())
    data["floors"]["pipeline/fake/fake-model"]["metrics"]["participants_f1"] = 1.0
    floors.write_text(json.dumps(data))
    failed = invoke(suite, "--rescore", tmp_path / "r1", "--check", "--json", tmp_path / "r.json")
    assert failed.exit_code == GATE_EXIT_CODE and "participants_f1" in failed.output
    assert json.loads((tmp_path / "r.json").read_text())["gate"]["passed"] is False
    refused = invoke(suite, "--rescore", tmp_path / "r1", "--update-baseline")
    assert refused.exit_code == GATE_EXIT_CODE and "--allow-regression" in refused.output
    allowed = invoke(suite, "--rescore", tmp_path / "r1", "--update-baseline", "--allow-regression")
    assert allowed.exit_code == 0 and "lowered: participants_f1" in allowed.output


def test_rescore_refuses_backend_options(smoke):
    result = invoke(GOLD, "--rescore", smoke["tmp"] / "run", "--backend", "fake")
    assert result.exit_code == 3


def test_unknown_only_id_is_an_input_error(backend):
    result = invoke(GOLD, "--backend", "fake", "--only", "no-such-article")
    assert result.exit_code == 2 and "no gold with id no-such-article" in result.output


def test_a_failed_article_keeps_its_attempts_and_the_models_last_answer():
    from summarizer.config import Settings
    from summarizer.evals.run import run_article

    gold = load_suite(GOLD)[0]
    settings = Settings.load(env={}, backend="fake", cache=False, log=False, max_reasks=1)
    record = run_article(gold, "pipeline", FakeBackend(["not json", "still not json"]), settings)
    assert record.error is not None and record.error["type"] == "ExtractionError"
    assert len(record.error["attempts"]) == 2, "every call of the failed article is recorded"
    assert record.error["last_response"] == "still not json"
