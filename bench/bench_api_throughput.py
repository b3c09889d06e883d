"""Batch throughput against an OpenAI-compatible API with a fixed latency per request.

    python bench/bench_api_throughput.py                     # 500 articles, 200 ms, c = 1, 8, 32
    python bench/bench_api_throughput.py --articles 200 --latency 0.1 --levels 1,16 --asyncio --sdk

It runs the real batch runner (`summarizer.batch.run_batch`: threads, the JSONL writer) and the
real openai backend against FakeOpenAIServer on 127.0.0.1. The server runs in a child process,
so its request handling does not compete with the client for this process's GIL: what is
measured is the client. Concurrency 1 runs on a subset (--sequential, default 50 articles),
because 500 x 200 ms would take 100 s to say the same thing; speed-ups are over its rate.
--asyncio also times asyncio + to_thread around the same pipeline, the alternative to threads.
--sdk times bare chat requests (no pipeline): the sync client in 32 threads against AsyncOpenAI
in one event loop, i.e. what an AsyncOpenAI path could save per call, and against the lean
http.client path the openai backend takes to a plain-http server (summarizer/backends/wire.py).

The pipeline makes one LLM call per article (the overview; code does the rest), so the server
answers with an overview. Every article is distinct and parsed by spaCy each time (no parse is
reused). The last lines print what the parse and candidate finding alone cost per article, from
one thread and from 32 threads at once: concurrent parses share one `nlp.pipe` batch
(`summarizer/candidates/parse.py`, `Batcher`), so a busy process pays less per article than one
thread does. One process cannot go past about 1000 / (client CPU ms per article) articles/s.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.backends.openai import OpenAIBackend  # noqa: E402
from summarizer.backends.wire import Wire  # noqa: E402
from summarizer.batch import Item, open_output, run_batch, summarize_item  # noqa: E402
from summarizer.config import Settings  # noqa: E402

OVERVIEW = {"headline": "Council approves district plan", "summary": "The council approved the plan on Monday.",
            "event": {"what": "the council approved the plan", "type": "decision", "when": None, "where": None}}


def _draft(body: dict) -> dict:
    return OVERVIEW


def serve(latency_s: float, port: Any, stop: Any) -> None:  # a spawn context's Queue and Event
    from summarizer.testing import FakeOpenAIServer

    with FakeOpenAIServer(_draft, latency_s=latency_s) as srv:
        port.put(srv.base_url)
        stop.wait()


def articles(n: int) -> list[Item]:
    return [Item(f"a{i}", text=f"Article {i}. The council met on Monday and approved the plan for "
                 f"district {i}, officials said.", kind="text") for i in range(n)]


def settings_for(base_url: str) -> Settings:
    return Settings(backend="openai", base_url=base_url, api_key="x", cache=False, log=False, timeout_s=30)


def run_threads(base_url: str, n: int, concurrency: int) -> tuple[float, float]:
    """Articles per second, and this process's CPU milliseconds per article."""
    settings = settings_for(base_url)
    with tempfile.TemporaryDirectory() as tmp, open_output(Path(tmp) / "out.jsonl") as out:
        started, cpu = time.perf_counter(), time.process_time()
        stats = run_batch(articles(n), out, settings=settings, backend=OpenAIBackend(settings),
                          concurrency=concurrency)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert stats.ok == n, f"{stats.failed} failed: {dict(stats.errors)}"
    return n / elapsed, cpu / n * 1000


def run_asyncio(base_url: str, n: int, concurrency: int) -> tuple[float, float]:
    settings = settings_for(base_url)
    backend = OpenAIBackend(settings)

    async def main() -> list:
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(concurrency))
        gate = asyncio.Semaphore(concurrency)

        async def one(item: Item):
            async with gate:
                return await asyncio.to_thread(summarize_item, item, settings=settings, backend=backend)

        return await asyncio.gather(*(one(item) for item in articles(n)))

    started, cpu = time.perf_counter(), time.process_time()
    records = asyncio.run(main())
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert all(r.error is None for r in records)
    return n / elapsed, cpu / n * 1000


def parse_ms(n: int, threads: int = 1) -> float:
    """CPU milliseconds per article of the spaCy parse and candidate finding alone, from `threads`
    threads at once (the texts are new ones: no parse is reused)."""
    from summarizer.candidates import find_candidates

    texts = [item.text or "" for item in articles(n + threads)]
    find_candidates(texts[-1])
    with ThreadPoolExecutor(threads) as pool:
        cpu = time.process_time()
        list(pool.map(find_candidates, texts[:n]))
        return (time.process_time() - cpu) / n * 1000


def run_sdk(base_url: str, n: int, concurrency: int) -> None:
    """Bare chat requests: the sync client in threads, then AsyncOpenAI in one event loop."""
    import openai

    messages: list[Any] = [{"role": "user", "content": "x " * 300}]
    client = openai.OpenAI(api_key="x", base_url=base_url, max_retries=0)
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(lambda _: client.chat.completions.create(model="m", messages=messages), range(concurrency)))
        started, cpu = time.perf_counter(), time.process_time()
        list(pool.map(lambda _: client.chat.completions.create(model="m", messages=messages), range(n)))
        report("sdk sync threads", concurrency, n, started, cpu)
        wire = Wire.for_url(client, base_url, "x", 30.0)
        assert wire is not None
        body = {"model": "m", "messages": messages}
        list(pool.map(lambda _: wire.post(body), range(concurrency)))
        started, cpu = time.perf_counter(), time.process_time()
        list(pool.map(lambda _: wire.post(body), range(n)))
        report("wire (http.client)", concurrency, n, started, cpu)

    async def main() -> None:
        aclient = openai.AsyncOpenAI(api_key="x", base_url=base_url, max_retries=0)
        gate = asyncio.Semaphore(concurrency)

        async def one() -> None:
            async with gate:
                await aclient.chat.completions.create(model="m", messages=messages)

        await asyncio.gather(*(one() for _ in range(concurrency)))
        started, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(one() for _ in range(n)))
        report("sdk AsyncOpenAI", concurrency, n, started, cpu)

    asyncio.run(main())


def report(engine: str, level: int, n: int, started: float, cpu: float) -> None:
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"{engine:<20}{level:>12}{n:>10}{n / elapsed:>12.1f}{'':>10}{cpu / n * 1000:>23.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.2, help="seconds the server waits per request")
    parser.add_argument("--sequential", type=int, default=50, help="articles for the concurrency-1 run")
    parser.add_argument("--levels", default="1,8,32")
    parser.add_argument("--asyncio", action="store_true", help="also time asyncio + to_thread")
    parser.add_argument("--sdk", action="store_true", help="also time bare requests: sync threads vs AsyncOpenAI")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]

    ctx = mp.get_context("spawn")
    port, stop = ctx.Queue(), ctx.Event()
    server = ctx.Process(target=serve, args=(args.latency, port, stop), daemon=True)
    server.start()
    base_url = port.get(timeout=30)
    try:
        run_threads(base_url, 16, 8)  # warm-up: imports, connection pool
        print(f"FakeOpenAIServer latency {args.latency * 1000:.0f} ms; {args.articles} articles per run "
              f"(concurrency 1: {args.sequential} articles)")
        print(f"{'engine':<20}{'concurrency':>12}{'articles':>10}{'articles/s':>12}{'speed-up':>10}"
              f"{'client CPU ms/article':>23}")
        base = None
        rows = [("threads", level, args.sequential if level == 1 else args.articles) for level in levels]
        if args.asyncio:
            rows += [("asyncio+to_thread", level, args.articles) for level in levels if level > 1]
        for engine, level, n in rows:
            rate, cpu_ms = (run_threads if engine == "threads" else run_asyncio)(base_url, n, level)
            base = base or rate
            print(f"{engine:<20}{level:>12}{n:>10}{rate:>12.1f}{rate / base:>9.1f}x{cpu_ms:>23.1f}", flush=True)
        if args.sdk:
            run_sdk(base_url, args.articles, max(levels))
        parse, batched = parse_ms(min(args.articles, 100)), parse_ms(min(args.articles, 200), 32)
        print(f"spaCy parse + candidates alone: {parse:.1f} CPU ms/article from one thread, {batched:.1f} from "
              f"32 threads at once (batched parses)")
        print("One process cannot go past about 1000 / (client CPU ms per article) articles/s: the GIL "
              "serialises the pipeline's CPU work, whatever the concurrency.")
    finally:
        stop.set()
        server.join(timeout=5)


if __name__ == "__main__":
    main()
