from __future__ import annotations

import json
import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest

from summarizer.schema import ArticleSummary, Meta
from summarizer.store import (
    MIGRATIONS,
    REDACTED,
    Store,
    cache_key,
    connect,
    migrate,
    scrub,
)

KEY_ARGS = dict(backend="openai", model="gpt-4o-mini", prompt_version="p1", schema_version="1.0")


def _summary(headline: str = "Xi and Putin speak") -> ArticleSummary:
    return ArticleSummary(headline=headline, summary="They spoke by phone.", meta=Meta(backend="openai"))


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "nested" / "dir" / "logs.db") as s:
        yield s


# --- cache key ----------------------------------------------------------------------------


def test_cache_key_is_sha256_and_ignores_option_order():
    a = cache_key("text", options={"temperature": 0, "max_tokens": 512}, **KEY_ARGS)
    b = cache_key("text", options={"max_tokens": 512, "temperature": 0.0}, **KEY_ARGS)
    assert a == b and len(a) == 64 and int(a, 16) >= 0


@pytest.mark.parametrize(
    "change",
    [
        {"clean_text": "other text"},
        {"backend": "llama"},
        {"model": "gpt-4o"},
        {"prompt_version": "p2"},
        {"schema_version": "2.0"},
        {"options": {"temperature": 0.7}},
    ],
)
def test_cache_key_changes_with_every_input(change):
    base = dict(clean_text="text", options={"temperature": 0}, **KEY_ARGS)
    assert cache_key(**{**base, **change}) != cache_key(**base)


def test_cache_key_refuses_unhashable_option():
    with pytest.raises(TypeError):
        cache_key("t", options={"client": object()}, **KEY_ARGS)


# --- cache --------------------------------------------------------------------------------


def test_store_creates_parent_dirs_and_uses_wal(tmp_path: Path):
    path = tmp_path / "a" / "b" / "c.db"
    with Store(path) as s:
        assert path.exists()
        with s._read() as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_cache_roundtrip_upsert_stats_clear(store: Store):
    assert store.get_summary("k1") is None
    assert store.cache_stats()["entries"] == 0 and store.cache_stats()["oldest"] is None
    store.put_summary("k1", _summary("first"))
    store.put_summary("k1", _summary("second"))  # upsert, not a second row
    store.put_summary("k2", _summary())
    assert store.get_summary("k1") == _summary("second")
    stats = store.cache_stats()
    assert stats["entries"] == 2 and stats["bytes"] > 0 and stats["path"] == str(store.path)
    assert stats["oldest"] <= stats["newest"]
    assert store.clear_cache() == 2
    assert store.get_summary("k2") is None and store.cache_stats()["entries"] == 0


def test_cache_row_the_schema_rejects_is_a_miss(store: Store):
    with store._write() as db:
        db.execute("INSERT INTO cache VALUES ('bad', '{\"headline\": 1}', '2024-01-01')")
    assert store.get_summary("bad") is None


# --- run log ------------------------------------------------------------------------------


def _log_one_run(store: Store, *, messages=None, response='{"headline": "h"}', detail=None, error=None) -> int:
    run_id = store.start_run(input_hash="abc", backend="openai", model="m", prompt_version="p1", source="a.txt")
    store.log_attempt(
        run_id, stage="extract", messages=messages or [{"role": "user", "content": "hi"}], response=response,
        prompt_tokens=100, completion_tokens=20, latency_s=0.5, outcome="reask", detail=detail,
    )  # fmt: skip
    store.log_attempt(
        run_id, stage="extract", messages=[{"role": "user", "content": "again"}], response=None,
        prompt_tokens=110, completion_tokens=30, latency_s=0.25, outcome="ok",
    )  # fmt: skip
    store.finish_run(
        run_id, outcome="ok", summary=_summary(), error=error, attempts=2, tokens=(210, 50), latency_s=0.8,
        cached=False,
    )  # fmt: skip
    return run_id


def test_run_log_roundtrip(store: Store):
    first = _log_one_run(store)
    second = store.start_run(input_hash="def", backend="llama", model="q", prompt_version="p1", source=None)
    listed = store.runs()
    assert [r["id"] for r in listed] == [second, first]  # newest first
    assert listed[1]["headline"] == "Xi and Putin speak" and listed[1]["cached"] is False
    assert listed[0]["outcome"] is None and listed[0]["finished_at"] is None  # still running
    assert len(store.runs(limit=1)) == 1

    full = store.run(first)
    assert full["attempts"] == 2 and (full["prompt_tokens"], full["completion_tokens"]) == (210, 50)
    assert ArticleSummary.model_validate(full["summary"]) == _summary()
    log = full["attempt_log"]
    assert [a["outcome"] for a in log] == ["reask", "ok"]
    assert log[0]["messages"] == [{"role": "user", "content": "hi"}] and log[0]["response"] == '{"headline": "h"}'
    assert log[1]["response"] is None and log[1]["latency_s"] == 0.25
    assert store.run(999) is None


def test_log_attempt_rejects_unknown_outcome(store: Store):
    run_id = store.start_run(input_hash="x", backend="b", model="m", prompt_version="p", source=None)
    with pytest.raises(ValueError, match="outcome"):
        store.log_attempt(
            run_id, stage="s", messages=[], response=None, prompt_tokens=0, completion_tokens=0,
            latency_s=0, outcome="great",
        )  # fmt: skip


def test_finish_unknown_run_raises(store: Store):
    with pytest.raises(KeyError):
        store.finish_run(42, outcome="ok", summary=None, error=None, attempts=0, tokens=(0, 0), latency_s=0,
                         cached=True)  # fmt: skip


# --- secrets never reach the log ----------------------------------------------------------

OPENAI_KEY = "sk-proj-" + "A1b2C3d4" * 6
BEARER = "Bearer eyJhbGciOiJIUzI1NiJ9.abc.def"


def test_keys_are_scrubbed_from_messages_response_detail_error_and_source(store: Store, tmp_path: Path):
    messages = [
        {"role": "system", "content": f"use key {OPENAI_KEY} please"},
        {"role": "user", "content": "hello", "api_key": "plain-secret-1", "headers": {"Authorization": BEARER}},
    ]
    response = f'{{"api_key": "plain-secret-2", "token": "{OPENAI_KEY}"}}'
    detail = f"Error code: 401 - Incorrect API key provided: {OPENAI_KEY}. headers: Authorization: {BEARER}"
    error = "OpenAI(api_key='plain-secret-3') failed"
    source = "https://x.test/a?api_key=plain-secret-4&b=1"
    run_id = store.start_run(input_hash="h", backend="openai", model="m", prompt_version="p", source=source)
    store.log_attempt(
        run_id, stage="extract", messages=messages, response=response, prompt_tokens=1, completion_tokens=1,
        latency_s=0.1, outcome="transport_error", detail=detail,
    )  # fmt: skip
    store.finish_run(run_id, outcome="error", summary=None, error=error, attempts=1, tokens=(1, 1), latency_s=0.1,
                     cached=False)  # fmt: skip
    store.close()

    raw = (tmp_path / "nested" / "dir" / "logs.db").read_bytes()
    for wal in tmp_path.glob("nested/dir/logs.db-wal"):
        raw += wal.read_bytes()
    for secret in (OPENAI_KEY, "eyJhbGciOiJIUzI1NiJ9", "plain-secret-1", "plain-secret-2", "plain-secret-3",
                   "plain-secret-4"):  # fmt: skip
        assert secret.encode() not in raw, secret
    with Store(tmp_path / "nested" / "dir" / "logs.db") as again:
        full = again.run(run_id)
    assert REDACTED in full["attempt_log"][0]["detail"] and "b=1" in full["source"]
    assert full["attempt_log"][0]["messages"][1]["content"] == "hello"  # the rest survives


@pytest.mark.parametrize(
    "text",
    ["the desk-research-team met", "a bearer of bad news", "prompt_tokens: 12", "task-force"],
)
def test_scrub_leaves_ordinary_text_alone(text):
    assert scrub(text) == text


def test_scrub_does_not_touch_token_counts_in_dicts():
    usage = {"prompt_tokens": 5, "completion_tokens": 7, "api_key": "x", "API-Key": "y"}
    assert scrub(usage) == {"prompt_tokens": 5, "completion_tokens": 7, "api_key": REDACTED, "API-Key": REDACTED}


# --- migrations ---------------------------------------------------------------------------


def test_migrations_run_once(tmp_path: Path):
    db = connect(tmp_path / "m.db")
    assert migrate(db) == [fn.__name__ for fn in MIGRATIONS]
    assert migrate(db) == []
    assert [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY name")] == [f.__name__ for f in MIGRATIONS]
    db.close()
    Store(tmp_path / "m.db").close()  # a Store on a migrated file is a no-op too


def test_db_made_by_m001_alone_upgrades(tmp_path: Path):
    assert MIGRATIONS[0].__name__ == "m001_initial" and len(MIGRATIONS) > 1
    db = connect(tmp_path / "old.db")
    assert migrate(db, MIGRATIONS[:1]) == ["m001_initial"]
    db.execute("INSERT INTO cache VALUES ('k', ?, '2024-01-01T00:00:00+00:00')", (_summary().model_dump_json(),))
    db.close()
    with Store(tmp_path / "old.db") as s:
        assert s.get_summary("k") == _summary()
        with s._read() as conn:
            names = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
            indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert names == {f.__name__ for f in MIGRATIONS} and "attempts_run_id" in indexes


def test_failed_migration_rolls_back(tmp_path: Path):
    def m999_broken(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    db = connect(tmp_path / "f.db")
    with pytest.raises(RuntimeError):
        migrate(db, [*MIGRATIONS, m999_broken])
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE name IN ('half_done', 'cache')").fetchone()[0] == 0
    db.close()


# --- concurrency --------------------------------------------------------------------------


def _hammer(path: str, worker: int, n: int) -> None:
    # Each process opens its own Store on the same fresh file, so migrations race too.
    with Store(Path(path)) as s:
        for i in range(n):
            run_id = s.start_run(input_hash=f"{worker}-{i}", backend="b", model="m", prompt_version="p", source=None)
            s.log_attempt(run_id, stage="extract", messages=[{"role": "user", "content": "x" * 2000}],
                          response="{}", prompt_tokens=1, completion_tokens=1, latency_s=0.0, outcome="ok")  # fmt: skip
            s.put_summary(f"{worker}-{i}", _summary(f"w{worker} #{i}"))
            s.finish_run(run_id, outcome="ok", summary=None, error=None, attempts=1, tokens=(1, 1), latency_s=0.0,
                         cached=False)  # fmt: skip


def test_concurrent_processes_do_not_lock(tmp_path: Path):
    path, workers, n = str(tmp_path / "shared.db"), 4, 40
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_hammer, args=(path, w, n)) for w in range(workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0] * workers  # a "database is locked" would exit 1
    with Store(Path(path)) as s:
        assert s.cache_stats()["entries"] == workers * n
        assert len(s.runs(limit=1000)) == workers * n
        assert all(r["outcome"] == "ok" for r in s.runs(limit=1000))


def test_threads_can_share_one_store(store: Store):
    def work(t: int) -> None:
        for i in range(25):
            store.put_summary(f"{t}-{i}", _summary())
            assert store.get_summary(f"{t}-{i}") is not None

    threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.cache_stats()["entries"] == 200


def test_closed_store_refuses(tmp_path: Path):
    s = Store(tmp_path / "c.db")
    s.close()
    s.close()  # idempotent
    with pytest.raises(RuntimeError, match="closed"):
        s.get_summary("k")


def test_runs_json_is_plain(store: Store):
    _log_one_run(store)
    json.dumps(store.runs())  # the CLI and the HTTP API print these as-is
    json.dumps(store.run(1))
