"""`summarizer batch`: input forms, the output file's guarantees, concurrency, limits and faults."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarizer.cli.batch  # noqa: F401  registers `batch`
from summarizer.backends import FakeBackend
from summarizer.batch import (
    Item,
    Record,
    TokenBucket,
    open_output,
    pace,
    read_items,
    run_batch,
    summarize_item,
)
from summarizer.cli import app
from summarizer.config import Settings
from summarizer.errors import InputError, PermanentBackendError, TransientBackendError
from summarizer.testing import FakeOpenAIServer, empty_choices, malformed, reset, status

ROOT = Path(__file__).resolve().parents[1]
DRAFT = {"headline": "h", "summary": "s", "event": {"what": "w", "type": "t", "where": None},
         "participants": [], "positions": [], "figures": []}
FAKE = Settings(backend="fake", cache=False, log=False)
runner = CliRunner()


def article(n: int) -> str:
    return f"Article {n}. The council met on Monday and approved the plan for district {n}."


def write_jsonl(path: Path, ids, extra: list[str] = ()) -> Path:
    lines = [json.dumps({"id": i, "text": article(n)}) for n, i in enumerate(ids)]
    path.write_text("\n".join([*lines, *extra]) + "\n")
    return path


def read_out(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def by_id(path: Path) -> dict[str, dict]:
    lines = read_out(path)
    ids = [line["id"] for line in lines]
    assert len(ids) == len(set(ids)), "an id was written twice"
    return {line["id"]: line for line in lines}


def batch(*args: str, env: dict | None = None):
    return runner.invoke(app, ["batch", *args, "--no-cache", "--no-log", "-q"], env=env)


# --- input ------------------------------------------------------------------------------------


def test_directory_glob_and_jsonl_inputs(tmp_path):
    (tmp_path / "a.txt").write_text(article(1))
    (tmp_path / "b.html").write_text(f"<html><body><p>{article(2)}</p></body></html>")
    (tmp_path / "notes.csv").write_text("x,y")
    items = read_items(tmp_path)
    assert [(i.id, Path(i.path).name) for i in items] == [("a", "a.txt"), ("b", "b.html")]
    assert [i.id for i in read_items(str(tmp_path / "*.html"))] == ["b"]
    assert [i.id for i in read_items(tmp_path / "b.html", tmp_path / "a.txt")] == ["b", "a"]  # a shell-expanded glob

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "x", "text": "t", "published": "2024-02-08"}),
        json.dumps({"id": 7, "html": "<p>h</p>"}),
        "{not json",
        "",
        json.dumps({"id": "no-body"}),
        json.dumps({"id": "bad-date", "text": "t", "published": "8 Feb"}),
        json.dumps(["a list"]),
    ]) + "\n")
    items = {i.id: i for i in read_items(src)}
    assert items["x"].kind == "text" and items["x"].published == "2024-02-08" and items["x"].error is None
    assert items["7"].kind == "html" and items["7"].text == "<p>h</p>"
    assert set(items) == {"x", "7", "line-3", "no-body", "bad-date", "line-7"}
    assert items["line-3"].error["type"] == "InputError" and "line 3" in items["line-3"].error["message"]
    assert '"text" or "html"' in items["no-body"].error["message"]
    assert "YYYY-MM-DD" in items["bad-date"].error["message"]


def test_cli_on_a_directory(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(article(1))
    (tmp_path / "in" / "b.html").write_text(f"<html><body><article><p>{article(2)}</p></article></body></html>")
    result = batch(str(tmp_path / "in"), "--out", str(tmp_path / "o.jsonl"), "--backend", "fake")
    assert result.exit_code == 0, result.output
    lines = by_id(tmp_path / "o.jsonl")
    assert set(lines) == {"a", "b"} and "district 2" in lines["b"]["summary"]["summary"]


def test_duplicate_ids_are_refused_up_front(tmp_path):
    with pytest.raises(InputError, match="duplicate ids.*'a' \\(x2\\)"):
        read_items(write_jsonl(tmp_path / "in.jsonl", ["a", "b", "a"]))
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "same.txt").write_text("x")
    (tmp_path / "d" / "same.html").write_text("<p>x</p>")
    with pytest.raises(InputError, match="duplicate ids"):
        read_items(tmp_path / "d")
    with pytest.raises(InputError, match="no such file"):
        read_items(tmp_path / "missing")
    result = batch(str(tmp_path / "d"), "--out", str(tmp_path / "o.jsonl"), "--backend", "fake")
    assert result.exit_code == 2 and "duplicate ids" in result.output
    assert not (tmp_path / "o.jsonl").exists()  # refused before anything was written


# --- output -----------------------------------------------------------------------------------


def test_unusable_out_fails_before_any_work(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", ["a"])
    for out, why in [(tmp_path / "nope" / "o.jsonl", "does not exist"), (tmp_path, "is a directory")]:
        result = batch(str(src), "--out", str(out), "--backend", "fake")
        assert result.exit_code == 2 and "--out" in result.output and why in result.output
    if os.geteuid() != 0:  # root can write anywhere
        (tmp_path / "ro").mkdir(mode=0o500)
        result = batch(str(src), "--out", str(tmp_path / "ro" / "o.jsonl"), "--backend", "fake")
        assert result.exit_code == 2 and "not writable" in result.output


def test_existing_out_needs_resume_or_overwrite_and_one_writer(tmp_path):
    out = tmp_path / "o.jsonl"
    out.write_text(json.dumps({"id": "a", "summary": {}}) + "\n")
    with pytest.raises(InputError, match="--resume"):
        open_output(out)
    with open_output(out, resume=True) as first:
        assert first.done == {"a": "ok"}
        with pytest.raises(InputError, match="another batch run"):
            open_output(out, resume=True)
    with open_output(out, overwrite=True) as fresh:
        assert fresh.done == {}
    assert out.read_text() == ""


def test_resume_cuts_a_partial_last_line_and_completes_without_duplicates(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [f"a{i}" for i in range(6)])
    out = tmp_path / "o.jsonl"
    with open_output(out) as w:
        run_batch(read_items(src)[:3], w, settings=FAKE, backend=FakeBackend())
    with out.open("a") as f:
        f.write('{"id":"a3","summ')  # what a hard kill mid-write could leave
    with open_output(out, resume=True) as w:
        assert set(w.done) == {"a0", "a1", "a2"}
        stats = run_batch(read_items(src), w, settings=FAKE, backend=FakeBackend())
    assert (stats.skipped, stats.ok, stats.failed) == (3, 3, 0)
    assert set(by_id(out)) == {f"a{i}" for i in range(6)}


def test_interrupt_keeps_every_finished_article(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [f"a{i}" for i in range(40)])
    out = tmp_path / "o.jsonl"
    seen: list[str] = []

    def ctrl_c(record: Record, stats) -> None:
        seen.append(record.id)
        if len(seen) == 10:
            raise KeyboardInterrupt

    with open_output(out) as w, pytest.raises(KeyboardInterrupt):
        run_batch(read_items(src), w, settings=FAKE, backend=FakeBackend(delay_s=0.01), concurrency=4,
                  on_record=ctrl_c)
    written = by_id(out)
    assert set(seen) == set(written) and 10 <= len(written) < 40  # finished ones drained, none lost
    result = batch(str(src), "--out", str(out), "--backend", "fake", "--resume")
    assert result.exit_code == 0, result.output
    assert len(by_id(out)) == 40


def test_hard_kill_loses_nothing(tmp_path):
    """SIGKILL a real `summarizer batch` process mid-run; --resume finishes with no duplicates."""
    ids = [f"a{i}" for i in range(120)]
    src = write_jsonl(tmp_path / "in.jsonl", ids)
    out = tmp_path / "o.jsonl"
    with FakeOpenAIServer(lambda body: DRAFT, latency_s=0.05) as srv:
        args = [str(src), "--out", str(out), "--backend", "openai", "--base-url", srv.base_url, "-c", "4"]
        proc = subprocess.Popen([sys.executable, "-m", "summarizer", "batch", *args, "--no-cache", "--no-log", "-q"],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < 10):
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # The kill may land inside a write: count the whole lines only (--resume drops a torn one).
        whole = out.read_text().rsplit("\n", 1)[0].splitlines()
        before = {json.loads(line)["id"] for line in whole}
        assert 10 <= len(before) < len(ids) and len(before) == len(whole)
        result = batch(*args, "--resume", "-c", "16")
    assert result.exit_code == 0, result.output
    after = by_id(out)
    assert set(after) == set(ids) and all("summary" in line for line in after.values())


# --- running ----------------------------------------------------------------------------------


def test_cli_writes_one_line_per_article_and_exit_1_on_failures(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", ["ok1", "ok2", "boom"], extra=["{broken"])

    def answer(request):
        if "district 2" in request.context.get("article", ""):
            return TransientBackendError("the API kept failing with 503")
        return DRAFT

    out = tmp_path / "o.jsonl"
    with open_output(out) as w:
        stats = run_batch(read_items(src), w, settings=FAKE, backend=FakeBackend(answer))
    lines = by_id(out)
    assert set(lines) == {"ok1", "ok2", "boom", "line-4"} and (stats.ok, stats.failed) == (2, 2)
    assert lines["ok1"]["summary"]["headline"] == "h" and lines["ok1"]["summary"]["meta"]["backend"] == "fake"
    assert lines["boom"]["error"] == {"type": "TransientBackendError", "message": "the API kept failing with 503",
                                      "attempts": 1}
    assert lines["line-4"]["error"]["type"] == "InputError"

    out2 = tmp_path / "o2.jsonl"
    result = batch(str(src), "--out", str(out2), "--backend", "fake")
    assert result.exit_code == 1 and "1 article(s) failed" in result.output  # only the broken line
    assert batch(str(src), "--out", str(out2), "--backend", "fake", "--resume").exit_code == 1
    assert len(by_id(out2)) == 4


def test_threads_run_concurrently(tmp_path):
    items = [Item(f"a{i}", text=article(i), kind="text") for i in range(16)]
    lock, active = threading.Lock(), {"now": 0, "max": 0}

    def slow(_request):
        with lock:
            active["now"] += 1
            active["max"] = max(active["max"], active["now"])
        time.sleep(0.05)
        with lock:
            active["now"] -= 1
        return DRAFT

    with open_output(tmp_path / "o.jsonl") as w:
        stats = run_batch(items, w, settings=FAKE, backend=FakeBackend(slow), concurrency=8)
    assert stats.ok == 16 and active["max"] > 1


def test_rpm_token_bucket_paces_every_request():
    bucket = TokenBucket(rpm=600)  # 10 per second, burst 1
    backend = pace(FakeBackend(lambda r: DRAFT), bucket)
    started = time.perf_counter()
    threads = [threading.Thread(target=summarize_item, args=(Item(f"a{i}", text=article(i)),),
                                kwargs={"settings": FAKE, "backend": backend}) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    calls = len(backend.calls)
    assert calls >= 6 and calls % 6 == 0, "every article makes the same calls"
    assert time.perf_counter() - started >= (calls - 1) / 10 * 0.9  # paced: a lower bound only


def test_a_run_that_cannot_succeed_stops_early(tmp_path):
    refused = FakeBackend(lambda r: PermanentBackendError("the API refused the key (401)"), delay_s=0.02)
    items = [Item(f"a{i}", text=article(i)) for i in range(50)]
    with open_output(tmp_path / "o.jsonl") as w, pytest.raises(PermanentBackendError, match="stopping"):
        run_batch(items, w, settings=FAKE, backend=refused, concurrency=2)
    assert len(by_id(tmp_path / "o.jsonl")) < 20


def test_fault_injection_1000_articles_loses_none_and_resume_completes(tmp_path, monkeypatch):
    """10% of API requests fail (5xx, 429, resets, malformed JSON, empty choices, 400)."""
    ids = [f"a{i}" for i in range(1000)]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"Story {i} happened."}) + "\n" for i in ids))
    out = tmp_path / "o.jsonl"
    rng, lock, faulty = random.Random(7), threading.Lock(), [True]
    faults = [status(500), status(503), status(429, retry_after=0.001), reset(), malformed(), empty_choices(),
              status(400)]

    def responder(body):
        with lock:
            roll, fault = rng.random(), rng.choice(faults)
        return fault if faulty[0] and roll < 0.10 else DRAFT

    for name, value in {"TRANSPORT_RETRIES": "1", "RETRY_MAX_WAIT_S": "0.001", "MAX_REASKS": "1",
                        "TIMEOUT_S": "5", "CACHE_DIR": str(tmp_path)}.items():
        monkeypatch.setenv(f"SUMMARIZER_{name}", value)
    with FakeOpenAIServer(responder) as srv:
        args = [str(src), "--out", str(out), "--backend", "openai", "--base-url", srv.base_url, "-c", "16"]
        first = batch(*args)
        lines = by_id(out)
        assert set(lines) == set(ids)  # every id: a summary or a recorded error
        failed = {i for i, line in lines.items() if "error" in line}
        assert first.exit_code == (1 if failed else 0), first.output
        assert 0 < len(failed) < 100
        assert all(lines[i]["error"]["type"] for i in failed)
        faulty[0] = False
        second = batch(*args, "--resume", "--retry-failed")
    assert second.exit_code == 0, second.output
    lines = by_id(out)
    assert set(lines) == set(ids) and all("summary" in line for line in lines.values())
