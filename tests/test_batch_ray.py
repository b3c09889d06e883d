"""`--engine ray`: Ray Data in local mode gives the same output as the thread engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Ray's own, at init

from summarizer.backends import make_backend  # noqa: E402
from summarizer.batch import open_output, read_items, run_batch  # noqa: E402
from summarizer.batch.ray import run_ray  # noqa: E402
from summarizer.config import Settings  # noqa: E402

SETTINGS = Settings(backend="fake", cache=False, log=False)
ARTICLES = [
    ("council", ("The city council approved a $2.5 million budget for parks on Monday. \"This is a good day "
                 "for families,\" said Mayor Jane Smith. Opposition leader Tom Brown called it wasteful.")),
    ("storm", "A storm left 40,000 homes without power in Leeds on Tuesday, the utility said."),
    ("rates", "The central bank raised its main rate by 0.25 percentage points to 4.5%, its governor said."),
    ("match", ("<html><body><article><p>Leeds United beat Hull City 3-1 on Saturday in front of 35,000 fans."
               "</p></article></body></html>")),
    ("trade", "Exports fell 3% in March from a year earlier, the statistics office said on Friday."),
    ("talks", "Negotiators from both countries met in Geneva for a second round of talks on Wednesday."),
    ("jobs", "Unemployment fell to 4.1% in May, down from 4.3% in April, the labour ministry said."),
    ("fire", "Firefighters contained a blaze that burned 1,200 hectares near Athens on Thursday."),
]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True,
             address="local")
    yield
    ray.shutdown()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    lines = [json.dumps({"id": i, ("html" if t.startswith("<") else "text"): t, "published": "2024-03-04"})
             for i, t in ARTICLES]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([*lines, "{broken"]) + "\n")
    return path


def comparable(path: Path) -> dict[str, dict]:
    out = {}
    for line in path.read_text().splitlines():
        record = json.loads(line)
        assert record["id"] not in out, "an id was written twice"
        if "summary" in record:
            record["summary"]["meta"].pop("latency_s")
        out[record["id"]] = record
    return out


def test_ray_engine_matches_thread_engine_and_resumes(local_ray, source, tmp_path):
    items = read_items(source)
    with open_output(tmp_path / "threads.jsonl") as out:
        run_batch(items, out, settings=SETTINGS, backend=make_backend(SETTINGS), concurrency=4)
    expected = comparable(tmp_path / "threads.jsonl")
    assert expected["line-9"]["error"]["type"] == "InputError"
    assert expected["council"]["summary"]["figures"], "the fake backend should have found the $2.5 million"

    # A run that was killed after two articles, mid-way through writing a third line:
    ray_out = tmp_path / "ray.jsonl"
    kept = (tmp_path / "threads.jsonl").read_text().splitlines(keepends=True)[:2]
    ray_out.write_text("".join(kept) + kept[0][:25])
    with open_output(ray_out, resume=True) as out:
        stats = run_ray(items, out, settings=SETTINGS, concurrency=4, threads_per_actor=2)
    assert (stats.skipped, stats.ok + stats.failed) == (2, 7)
    assert comparable(ray_out) == expected  # same summaries, each id once, the partial line gone
