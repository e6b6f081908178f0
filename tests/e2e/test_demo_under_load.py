"""The embedded SQLite demo keeps answering while its in-process worker writes (issue 24,
item 3): 4 × 10 concurrent readiness probes, liveness probes, reads and creates, in waves,
each answered within 5 s. Readiness takes no write lock, and no SQLite wait holds the loop."""

from __future__ import annotations

import asyncio
import json
import time

import httpx

from tests.e2e.test_demo import _start_demo, _stop
from tests.factories import mask_order

ORDERS = "/api/partner/v1/orders"


async def _timed(call) -> tuple[int, float]:
    started = time.monotonic()
    response = await call
    return response.status_code, time.monotonic() - started


def test_readiness_reads_and_creates_at_once_each_answer_within_5_s(tmp_path):
    process, _ = _start_demo(tmp_path / "demo", tmp_path / "manifest.json")
    try:
        manifest = json.loads((tmp_path / "manifest.json").read_text())
        asyncio.run(_waves(manifest))
    finally:
        _stop(process)


async def _waves(manifest: dict) -> None:
    key = {"X-Api-Key": manifest["accounts"][0]["keys"]["live"]}
    limits = httpx.Limits(max_connections=40, max_keepalive_connections=40)
    async with httpx.AsyncClient(base_url=manifest["base_url"], timeout=5, limits=limits) as http:
        first = await http.post(ORDERS, json=mask_order(), headers=key)
        assert first.status_code == 201, first.text
        status_path = f"{ORDERS}/{first.json()['data']['vitacore_order_id']}/status"
        for _ in range(3):
            calls = []
            for _client in range(4):  # four clients, ten requests each, all at once
                calls += [http.get("/readyz") for _ in range(4)]
                calls += [http.get("/healthz"), http.get(status_path, headers=key), http.get(status_path, headers=key)]
                calls += [http.post(ORDERS, json=mask_order(), headers=key) for _ in range(3)]
            answers = await asyncio.gather(*(_timed(call) for call in calls))  # a timeout past 5 s fails the test
            statuses = sorted({status for status, _ in answers})
            slowest = max(seconds for _, seconds in answers)
            print(f"40 requests at once: statuses {statuses}, slowest {slowest:.2f} s")
            assert statuses == [200, 201]
