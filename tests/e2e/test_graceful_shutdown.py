"""Restarts lose nothing: a SIGTERM to `carepost serve` while 20 requests are in flight answers
all 20, then the process exits; a SIGTERM to `carepost worker` finishes the work in hand and
releases the rest of its batch at once, for the next worker (no wait for a lease to run out)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import time

import httpx

from carepost.core.kit.db import Database
from tests.dialects.masks.helpers import ORDERS
from tests.factories import create_clinic, mask_order
from tests.system import System, database_kind, own_database, running

IN_FLIGHT = 20


async def test_sigterm_answers_the_20_requests_in_flight_then_exits(database_url, tmp_path):
    async with own_database(database_kind(database_url), tmp_path) as url:
        db = Database(url)
        clinic = await create_clinic(db)
        await db.dispose()
        with running(System(tmp_path, {"CAREPOST_DATABASE_URL": url, "CAREPOST_SECRET_KEY": "sigterm"})) as system:
            api = system.serve("api")
            release = asyncio.Event()
            started = 0

            async def slow_body(body: bytes):  # the request is in flight: its headers and half its body are in
                nonlocal started
                yield body[: len(body) // 2]
                started += 1
                await release.wait()
                yield body[len(body) // 2:]

            async def create(http: httpx.AsyncClient) -> httpx.Response:
                body = json.dumps(mask_order()).encode()
                return await http.post(
                    ORDERS, content=slow_body(body),
                    headers={"X-Api-Key": clinic.live_key, "Content-Type": "application/json", "Content-Length": str(len(body))},
                )

            limits = httpx.Limits(max_connections=IN_FLIGHT)
            async with httpx.AsyncClient(base_url=api.base_url, timeout=60, limits=limits) as http:
                answers = [asyncio.create_task(create(http)) for _ in range(IN_FLIGHT)]
                deadline = time.monotonic() + 30
                while started < IN_FLIGHT:
                    assert time.monotonic() < deadline, f"only {started} requests began"
                    await asyncio.sleep(0.05)
                await asyncio.sleep(0.2)  # the last halves reach the server
                api.signal(signal.SIGTERM)
                while not any("Shutting down" in line for line in api.lines()):
                    assert time.monotonic() < deadline + 30, "serve did not begin to shut down"
                    await asyncio.sleep(0.05)
                with contextlib.suppress(httpx.TransportError):  # a new connection is no longer taken
                    refused = httpx.get(f"{api.base_url}/healthz", timeout=2)
                    raise AssertionError(f"a new request was answered during the shutdown: {refused.status_code}")
                release.set()
                done = await asyncio.gather(*answers)
            exit_code = await asyncio.to_thread(api.wait, 30)

    assert [answer.status_code for answer in done] == [201] * IN_FLIGHT
    # uvicorn raises the signal again once it has shut down, so the process ends "by SIGTERM",
    # as a supervisor expects (systemd counts it a clean stop), after the app's own shutdown.
    assert exit_code == -signal.SIGTERM
    events = [json.loads(line)["event"] for line in api.lines()]
    assert events.index("Application shutdown complete.") > max(i for i, line in enumerate(api.lines()) if '"carepost.access"' in line)


async def test_sigterm_stops_the_worker_at_once_when_idle(database_url, tmp_path):
    async with own_database(database_kind(database_url), tmp_path) as url:
        with running(System(tmp_path, {"CAREPOST_DATABASE_URL": url, "CAREPOST_SECRET_KEY": "sigterm"})) as system:
            worker = system.worker("worker")
            deadline = time.monotonic() + 30
            while not any("retention forgot" in line for line in worker.lines()):  # it has begun its loop
                assert time.monotonic() < deadline, worker.lines()
                await asyncio.sleep(0.05)
            worker.signal(signal.SIGTERM)
            exit_code = await asyncio.to_thread(worker.wait, 10)
    assert exit_code == 0
    assert json.loads(worker.lines()[-1])["event"] == "worker stopped"
