"""Batch runs: many articles in, one JSONL line per article out; resumable and loss-free.

    items = read_items("articles/")          # a directory, a glob, or a JSONL file
    with open_output(Path("out.jsonl"), resume=True) as out:
        stats = run_batch(items, out, settings=settings, backend=backend, concurrency=8)

Each output line is `{"id": ..., "summary": {...}}` or `{"id": ..., "error": {"type",
"message", "attempts"}}`; a crash or Ctrl-C loses no finished article.

    io       the input (directories, globs, JSONL) and the output: `JsonlWriter`, its only
             writer, and `open_output`, which checks it and cuts a partial last line on resume
    runner   worker threads around the pipeline, request pacing, the stop on fatal errors
    ray      the same run spread over a Ray cluster
"""

from __future__ import annotations

from summarizer.batch.io import ARTICLE_SUFFIXES, JSONL_SUFFIXES, Item, JsonlWriter, open_output, read_items
from summarizer.batch.runner import (
    ABORT_AFTER,
    BatchStats,
    Record,
    TokenBucket,
    default_concurrency,
    emit,
    pace,
    run_batch,
    run_threads,
    summarize_item,
)

__all__ = [
    "ABORT_AFTER", "ARTICLE_SUFFIXES", "JSONL_SUFFIXES", "BatchStats", "Item", "JsonlWriter", "Record",
    "TokenBucket", "default_concurrency", "emit", "open_output", "pace", "read_items", "run_batch",
    "run_threads", "summarize_item",
]
