"""Load benchmark for `summarizer serve`: latency percentiles and status counts under a burst.

    python bench/bench_server_load.py                        # a server subprocess, fake backend
    python bench/bench_server_load.py --requests 500 --concurrency 100 --delay 0.5 --workers 8
    python bench/bench_server_load.py --url http://127.0.0.1:8000 --api-key KEY   # a running server

Each request counts from send to answer, refusals (429/503) included; p50/p95 are shown for
all answers and for the 200s alone, since fast refusals pull the overall numbers down.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


async def run(url: str, body: dict, requests: int, concurrency: int, headers: dict, timeout: float) -> list:
    results: list[tuple[int | str, float]] = []
    todo = iter(range(requests))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        for _ in todo:  # shared iterator: `concurrency` requests in flight until all are sent
            started = time.perf_counter()
            try:
                r = await client.post("/v1/summaries", json=body, headers=headers)
                status: int | str = r.status_code
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            results.append((status, time.perf_counter() - started))

    async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return results


def report(results: list, wall: float, args: argparse.Namespace) -> None:
    counts = Counter(status for status, _ in results)
    every = [s for _, s in results]
    ok = [s for status, s in results if status == 200]
    print(f"requests={len(results)} concurrency={args.concurrency} workers={args.workers} queue={args.queue} "
          f"fake_delay_s={args.delay} wall={wall:.2f}s throughput={len(results) / wall:.1f} req/s")
    print("status counts: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items(), key=str)))
    print(f"latency all : p50={percentile(every, 50) * 1000:.0f} ms  p95={percentile(every, 95) * 1000:.0f} ms  "
          f"max={max(every) * 1000:.0f} ms")
    if ok:
        print(f"latency 200 : p50={percentile(ok, 50) * 1000:.0f} ms  p95={percentile(ok, 95) * 1000:.0f} ms  "
              f"mean={statistics.mean(ok) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="benchmark a running server instead of an in-process one")
    parser.add_argument("--api-key", help="sent as X-API-Key")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.2, help="fake backend delay per LLM call (own server)")
    parser.add_argument("--workers", type=int, default=4, help="server workers (own server)")
    parser.add_argument("--queue", type=int, default=8, help="server queue (own server)")
    parser.add_argument("--timeout", type=float, default=60.0, help="client timeout per request")
    parser.add_argument("--article", type=Path, default=ROOT / "examples" / "xi-putin-call.txt")
    args = parser.parse_args()

    body = {"text": args.article.read_text(encoding="utf-8")}
    headers = {"X-API-Key": args.api_key} if args.api_key else {}
    with contextlib.ExitStack() as stack:
        url = args.url or stack.enter_context(_in_process(args))
        started = time.perf_counter()
        results = asyncio.run(run(url, body, args.requests, args.concurrency, headers, args.timeout))
        report(results, time.perf_counter() - started, args)


_SERVER = """
import sys, uvicorn
from summarizer.backends.fake import FakeBackend
from summarizer.config import Settings
from summarizer.server import create_app
port, delay, workers, queue = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
app = create_app(Settings(backend="fake", cache=False, log=False), backend=FakeBackend(delay_s=delay),
                 workers=workers, queue=queue)
uvicorn.run(app, host="127.0.0.1", port=port, access_log=False, log_level="warning")
"""


@contextlib.contextmanager
def _in_process(args: argparse.Namespace):
    """The server in its own process (as `summarizer serve` runs), so the client does not share its GIL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-c", _SERVER, str(port), str(args.delay), str(args.workers), str(args.queue)]
    server = subprocess.Popen(command, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the benchmark server did not start")
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
