"""50 concurrent requests against a real uvicorn server: each is answered (200, or 429/503 when
the server is saturated) within a bounded client timeout; none hangs or is lost. No timing asserts."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import httpx

from summarizer.backends.fake import FakeBackend
from summarizer.config import Settings
from summarizer.server import create_app
from summarizer.server.background import serve_in_thread

ARTICLE = (Path(__file__).parent.parent / "examples" / "xi-putin-call.txt").read_text(encoding="utf-8")
CONCURRENT = 50


async def burst(url: str, n: int) -> list[httpx.Response]:
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(base_url=url, timeout=30.0, limits=limits) as client:
        return await asyncio.gather(*(client.post("/v1/summaries", json={"text": ARTICLE}) for _ in range(n)))


def test_fifty_concurrent_requests_are_all_answered():
    app = create_app(Settings(backend="fake", cache=False, log=False), backend=FakeBackend(delay_s=0.2),
                     workers=4, queue=8)
    with serve_in_thread(app) as url:
        responses = asyncio.run(burst(url, CONCURRENT))  # a timeout or a dropped connection raises here
        gate = app.state.service.gate
        after = httpx.post(f"{url}/v1/summaries", json={"text": ARTICLE}, timeout=30.0)

    statuses = Counter(r.status_code for r in responses)
    assert sum(statuses.values()) == CONCURRENT
    assert set(statuses) <= {200, 429, 503}, statuses
    assert statuses[200] >= 1
    for r in responses:
        if r.status_code == 200:
            assert r.json()["meta"]["backend"] == "fake"
        else:
            assert r.json()["type"] in ("ServerBusy", "NotReady") and int(r.headers["Retry-After"]) >= 1
    assert after.status_code == 200 and gate.admitted == 0  # nothing left stuck in the gate
