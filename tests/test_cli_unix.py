"""The CLI as a Unix user meets it: batch from stdin and to stdout, CSV, logs filters and
search, --version, --help examples, Literal choices, strict booleans. Fake backend, offline."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.batch.io import open_output
from summarizer.cli import app
from summarizer.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "xi-putin-call.txt"
TEXT = EXAMPLE.read_text(encoding="utf-8")
ITEMS = "".join(json.dumps(item) + "\n" for item in [
    {"id": "xi", "text": TEXT, "published": "2024-02-09"},
    {"id": "council", "text": "The city council approved a budget of $4.2 million on Monday, Mayor Ana Ruiz said."},
])


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SUMMARIZER_BACKEND", "fake")
    runner = CliRunner()
    return lambda *args, stdin=None: runner.invoke(app, list(args), input=stdin)


def test_batch_reads_jsonl_on_stdin_and_streams_jsonl_to_stdout(run):
    result = run("batch", "-", "--out", "-", "-q", stdin=ITEMS)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(line["id"] for line in lines) == ["council", "xi"]
    assert all("summary" in line and "text" not in line for line in lines)


def test_batch_reads_paths_on_stdin_and_include_text_keeps_the_text(run, tmp_path):
    result = run("batch", "-", "--out", "-", "-q", "--include-text", stdin=f"{EXAMPLE}\n")
    assert result.exit_code == 0, result.output
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert line["id"] == "xi-putin-call"
    assert all(ev["start"] is None or line["text"][ev["start"]:ev["end"]] for ev in
               [p["evidence"] for p in line["summary"]["participants"]])


@pytest.mark.parametrize("flags", [["--resume"], ["--resume", "--retry-failed"]])
def test_resume_needs_a_file(run, flags):
    result = run("batch", "-", "--out", "-", *flags, stdin=ITEMS)
    assert result.exit_code == 2 and "--resume needs --out to be a file" in result.output


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_pipe_is_written_and_never_read_back(tmp_path, overwrite):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    read_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so opening for writing does not block
    writer = open_output(fifo, overwrite=overwrite)
    writer.write({"id": "a", "summary": {}, "text": "kept out"})
    writer.close()
    assert os.read(read_fd, 1000) == b'{"id":"a","summary":{}}\n'
    os.close(read_fd)
    with pytest.raises(InputError, match="--resume needs"):
        open_output(fifo, resume=True)


def test_batch_csv_has_one_row_per_item(run):
    result = run("batch", "-", "--out", "-", "-q", "--format", "csv", stdin=ITEMS)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    kinds = {row["item"] for row in rows}
    assert {"participant", "figure"} <= kinds and {row["id"] for row in rows} == {"xi", "council"}
    figure = next(row for row in rows if row["item"] == "figure" and row["id"] == "council")
    assert float(figure["value"]) == 4_200_000 and figure["unit"] == "USD"


def test_batch_csv_refuses_resume(run, tmp_path):
    result = run("batch", "-", "--out", str(tmp_path / "s.csv"), "--format", "csv", "--resume", stdin=ITEMS)
    assert result.exit_code == 3 and "jsonl format only" in result.output


def test_resume_table_counts_earlier_failures(run, tmp_path):
    out = tmp_path / "s.jsonl"
    items = ITEMS + json.dumps({"id": "bad", "text": ""}) + "\n"
    assert run("batch", "-", "--out", str(out), stdin=items).exit_code == 1
    result = run("batch", "-", "--out", str(out), "--resume", stdin=items)
    assert result.exit_code == 1
    assert "failed in an earlier run" in result.output and "1 article(s) failed" in result.output


def _summarise(run, *extra):
    result = run("summarize", str(EXAMPLE), *extra)
    assert result.exit_code == 0, result.output
    return result


def test_logs_filters_search_json_and_path(run, tmp_path):
    _summarise(run)
    _summarise(run)  # a cache hit: logged, marked cached
    assert run("summarize", str(tmp_path / "missing.txt")).exit_code == 2  # refused before any run
    logs = lambda *a: json.loads(run("logs", "--json", *a).stdout)  # noqa: E731
    runs = logs()
    assert [r["cached"] for r in runs] == [True, False]
    assert all(r["source"] == str(EXAMPLE) for r in runs)
    cases = [
        ((), 2), (("--outcome", "cached"), 1), (("--outcome", "ok"), 1), (("--outcome", "error"), 0),
        (("--backend", "fake"), 2), (("--backend", "openai"), 0), (("--model", "nope"), 0),
        (("--since", "1d"), 2), (("--since", "2999-01-01"), 0), (("-q", "Ushakov"), 2),
        (("-q", "Ushakov", "--outcome", "ok"), 1), (("-q", "zzzqqq"), 0), (("-q", 'zzzqqq AND "*'), 0), (("-q", "AND"), 2),
    ]
    for args, expected in cases:
        assert len(logs(*args)) == expected, args
    assert run("logs", "path").stdout.strip() == str(tmp_path / "cache" / "summarizer.db")
    assert run("logs", "--since", "yesterday").exit_code == 2
    assert run("logs", "--outcome", "maybe").exit_code == 2  # a choice, checked by the parser


def test_unfinished_run_shows_no_none(run, tmp_path):
    from summarizer.store import Store

    with Store(tmp_path / "cache" / "summarizer.db") as store:
        store.start_run(input_hash="x", backend="fake", model="m", prompt_version="p", source=None)
    result = run("logs")
    assert "unfinished" in result.stdout and "None" not in result.stdout


def test_version_and_help_examples(run):
    assert run("--version").stdout.startswith("summarizer ")
    top = run("--help").stdout
    assert "Example:" in top and "--install-completion" in top and "command line:" not in top
    for command in ("summarize", "clean", "schema", "batch", "render", "logs", "serve", "model", "eval"):
        assert "Example" in run(command, "--help").stdout, command


@pytest.mark.parametrize("command, option, choices", [
    ("summarize", "--format", "json|markdown|table|html"), ("batch", "--format", "jsonl|csv"),
    ("batch", "--engine", "threads|ray"), ("logs", "--outcome", "ok|error|cached|unfinished"),
])
def test_literal_choices_are_shown(run, command, option, choices):
    assert choices in run(command, "--help").stdout


@pytest.mark.parametrize("value, exit_code", [("disabled", 0), ("off", 0), ("on", 0), ("maybe", 3), ("nah", 3)])
def test_strict_booleans(run, monkeypatch, value, exit_code):
    monkeypatch.setenv("SUMMARIZER_CACHE", value)
    result = run("summarize", str(EXAMPLE))
    assert result.exit_code == exit_code, result.output
    if exit_code:
        assert "disabled" in result.output and "enabled" in result.output


def test_summarize_include_text_and_render_html(run, tmp_path):
    data = json.loads(_summarise(run, "--include-text").stdout)
    assert set(data) == {"summary", "text"}
    page = _summarise(run, "--format", "html").stdout
    assert page.startswith("<!doctype html>") and "http://" not in page and "https://" not in page
    lines = tmp_path / "s.jsonl"
    lines.write_text(json.dumps({"id": "a", **data}) + "\nnot json\n", encoding="utf-8")
    result = run("render", str(lines), "--html", str(tmp_path / "b.html"))
    assert result.exit_code == 0 and "line 2 is not a batch result" in result.output
    assert "\\u003c" in (tmp_path / "b.html").read_text() or "<" not in data["text"]
