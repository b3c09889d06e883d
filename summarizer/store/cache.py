"""The summary cache: keyed by a hash of everything that shapes the output."""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath
from typing import Any

from pydantic import ValidationError

from summarizer.schema import ArticleSummary
from summarizer.store.db import Database, now


def _canonical(value: Any) -> Any:
    # temperature=0 from the CLI and 0.0 from a config file mean the same call; hash them alike.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, PurePath):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    # A repr with a memory address would silently never hit; refuse instead.
    raise TypeError(f"cache_key: option value of type {type(value).__name__} is not hashable as JSON")


def cache_key(
    clean_text: str, *, backend: str, model: str, prompt_version: str, schema_version: str, options: dict
) -> str:
    """sha256 hex of a canonical JSON (sorted keys, no whitespace) of everything that shapes the output."""
    payload = {
        "text": clean_text,
        "backend": backend,
        "model": model,
        "prompt_version": prompt_version,
        "schema_version": schema_version,
        "options": _canonical(options),
    }
    blob = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class SummaryCache(Database):
    """Summaries by cache key; a row the current schema rejects reads as a miss."""

    def get_summary(self, key: str) -> ArticleSummary | None:
        with self._read() as db:
            row = db.execute("SELECT summary FROM cache WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return ArticleSummary.model_validate_json(row["summary"])
        except ValidationError:
            return None  # a row the current schema rejects is a miss; the next put overwrites it

    def put_summary(self, key: str, summary: ArticleSummary) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO cache (key, summary, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET summary = excluded.summary, created_at = excluded.created_at",
                (key, summary.model_dump_json(), now()),
            )

    def cache_stats(self) -> dict:
        """entries, bytes (stored summary JSON), oldest/newest (ISO UTC or None), path."""
        with self._read() as db:
            row = db.execute(
                "SELECT count(*), coalesce(sum(length(CAST(summary AS BLOB))), 0), min(created_at), "
                "max(created_at) FROM cache"
            ).fetchone()
        return {"entries": row[0], "bytes": row[1], "oldest": row[2], "newest": row[3], "path": str(self.path)}

    def clear_cache(self) -> int:
        with self._write() as db:
            return db.execute("DELETE FROM cache").rowcount
