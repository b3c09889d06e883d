"""`summarizer batch --engine ray`: the same batch on Ray Data, across a cluster.

    pip install 'summarizer[ray]'
    RAY_ADDRESS=ray://head:10001 summarizer batch in.jsonl --out out.jsonl --engine ray \\
        --backend openai --base-url http://vllm-lb:8000/v1 --concurrency 64

The articles are sharded with `ray.data.from_items`; `map_batches` runs them through a fixed
pool of actors, each holding one backend, built once (a local model loads once per actor, an
API client keeps its connection pool). `--concurrency` is the total of articles in flight:
a local-model actor runs one at a time (so actors = concurrency), an API actor runs up to 8 on
threads over its batch (so --concurrency 64 -> 8 actors x 8 threads). Results stream back to
this process, where the same `JsonlWriter` as the thread engine appends them: the output
format, resume and loss-free semantics are identical. `ray.init()` joins the cluster named by
RAY_ADDRESS when it is set, and starts a local Ray otherwise.

On a cluster every node needs this package installed (same version), and file inputs must be
on a filesystem all nodes see; JSONL input carries the text itself and has no such need.
`--rpm` is split evenly over the actors.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict
from typing import Any

from summarizer.batch.io import Item, JsonlWriter
from summarizer.batch.runner import BatchStats, Record, TokenBucket, emit, pace, summarize_item
from summarizer.config import Settings
from summarizer.errors import ConfigError
from summarizer.schema import Tokens

API_ACTOR_CPUS = 0.5  # an API client mostly waits on the network; a full CPU each would idle
API_ACTOR_THREADS = 8  # concurrent calls per API actor: --concurrency 64 -> 8 actors x 8 threads


class SummarizeActor:
    """One per Ray actor: builds its backend once, then summarises each batch on its threads."""

    def __init__(self, settings: Settings, threads: int = 1, rpm: float | None = None,
                 use_store: bool = False) -> None:
        from concurrent.futures import ThreadPoolExecutor

        from summarizer.backends import make_backend

        self.settings = settings
        self.backend = make_backend(settings)
        if rpm:
            pace(self.backend, TokenBucket(rpm))
        self.store = None
        if use_store and (settings.cache or settings.log):
            from summarizer.store import Store

            self.store = Store(settings.database)
        self.pool = ThreadPoolExecutor(threads)  # an API client waits on the network: one actor, many calls

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        items = [Item(**json.loads(raw)) for raw in batch["item"]]
        records = self.pool.map(self._one, items)
        out: dict[str, list[Any]] = {"id": [], "line": [], "prompt": [], "completion": [], "fatal": []}
        for record in records:
            out["id"].append(record.id)
            out["line"].append(json.dumps(record.line(), ensure_ascii=False))
            out["prompt"].append(record.tokens.prompt)
            out["completion"].append(record.tokens.completion)
            out["fatal"].append(record.fatal)
        return out

    def _one(self, item: Item) -> Record:
        return summarize_item(item, settings=self.settings, backend=self.backend, store=self.store)


def run_ray(
    items: Iterable[Item],
    writer: JsonlWriter,
    *,
    settings: Settings,
    concurrency: int,
    rpm: float | None = None,
    use_store: bool = False,
    threads_per_actor: int | None = None,
    num_cpus: float | None = None,
    on_record: Callable[[Record, BatchStats], None] | None = None,
) -> BatchStats:
    """Summarise the items not yet in the output on Ray Data; the same contract as run_batch."""
    try:
        import ray
        from ray.data import ActorPoolStrategy
    except ImportError:
        raise ConfigError("--engine ray needs Ray: pip install 'summarizer[ray]' (or ray[data]>=2.9)") from None
    items = list(items)
    todo = [item for item in items if item.id not in writer.done]
    stats = BatchStats(total=len(items), skipped=len(items) - len(todo))
    bad = [item for item in todo if item.error is not None]
    good = [item for item in todo if item.error is None]
    for item in bad:  # bad input lines need no model: recorded here, never shipped
        emit(Record(item.id, error=item.error), writer, stats, on_record, len(todo))
    if not good:
        return stats
    if not ray.is_initialized():
        ray.init(log_to_driver=False)  # RAY_ADDRESS set: join that cluster; unset: start a local one
    ray.data.DataContext.get_current().enable_progress_bars = False  # ours is on stderr already
    threads, actors, num_cpus = _pool_shape(settings, concurrency, len(good), threads_per_actor, num_cpus)
    dataset = ray.data.from_items([{"item": json.dumps(asdict(item))} for item in good])
    results = dataset.map_batches(
        SummarizeActor,
        fn_constructor_kwargs={"settings": settings, "threads": threads, "use_store": use_store,
                               "rpm": rpm / actors if rpm else None},
        compute=ActorPoolStrategy(size=actors),
        batch_size=threads,  # an actor's threads share a batch; results stream back batch by batch
        num_cpus=num_cpus,
    )
    for row in results.iter_rows():
        emit(_record(row), writer, stats, on_record, len(todo))
    return stats


def _pool_shape(settings: Settings, concurrency: int, n_items: int, threads_per_actor: int | None,
                num_cpus: float | None) -> tuple[int, int, float]:
    """Threads per actor, actors, and CPUs reserved per actor."""
    if threads_per_actor is None:  # llama.cpp: one model per actor, one call at a time
        threads_per_actor = 1 if settings.backend == "local" else API_ACTOR_THREADS
    threads = max(1, min(threads_per_actor, concurrency))
    actors = max(1, min(-(-concurrency // threads), n_items))
    if num_cpus is None:
        num_cpus = float(settings.threads) if settings.backend == "local" else API_ACTOR_CPUS
    return threads, actors, num_cpus


def _record(row: dict[str, Any]) -> Record:
    """An actor's output row back as the Record it was made from."""
    tokens = Tokens(prompt=int(row["prompt"]), completion=int(row["completion"]))
    line = json.loads(row["line"])
    return Record(str(row["id"]), summary=line.get("summary"), error=line.get("error"), tokens=tokens,
                  fatal=bool(row["fatal"]))
