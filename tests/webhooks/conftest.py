"""A webhook receiver on loopback, the production worker, and helpers to wait for deliveries."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update
from standardwebhooks.webhooks import Webhook

from carepost.core.kit.clock import utcnow
from carepost.core.models import OutboxMessage
from carepost.worker import Worker


@pytest.fixture
async def worker(db, settings) -> AsyncIterator[Worker]:
    """The production worker, for this test's own messages: what earlier tests left undelivered
    in the suite's shared outbox (a PDF to draw for each cases order) is put off a day, so the
    worker does not relay it first, past this test's deadline."""
    async with db.transaction() as session:
        await session.execute(
            update(OutboxMessage).where(OutboxMessage.delivered_at.is_(None)).values(available_at=utcnow() + timedelta(days=1))
        )
    worker = Worker.for_settings(db, settings)
    yield worker
    await worker.close()


async def run_until(worker: Worker, done: Callable[[], bool], *, seconds: float = 15.0) -> None:
    """Run the worker (outbox relay and webhook sender) until `done()`, or fail."""
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError("the expected deliveries did not arrive in time")
        if not await worker.run_once():
            await asyncio.sleep(0.05)


async def run_until_delivery(
    worker: Worker, client: Any, key: str, endpoint_id: str, done: Callable[[dict[str, Any]], bool], *, seconds: float = 15.0
) -> dict[str, Any]:
    """Run the worker until the endpoint's newest delivery is `done` (settled, failed, rescheduled…),
    as its own API shows it; give that delivery, or fail."""
    deadline = time.monotonic() + seconds
    while True:
        answer = await client.get(f"/api/webhooks/v1/endpoints/{endpoint_id}/deliveries", headers={"Authorization": f"Bearer {key}"})
        found = answer.json()["data"]
        if found and done(found[0]):
            return found[0]
        if time.monotonic() > deadline:
            raise AssertionError(f"the delivery did not reach the awaited state in time: {found[:1]}")
        if not await worker.run_once():
            await asyncio.sleep(0.05)


async def add_endpoint(client, key: str, url: str, **fields: Any) -> dict[str, Any]:
    response = await client.post("/api/webhooks/v1/endpoints", json={"url": url, **fields}, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 201, response.text
    return response.json()


def verified(secret: str, received: Any) -> dict[str, Any]:
    """The event, after the standardwebhooks library itself checked its signature."""
    return Webhook(secret).verify(received.body, received.headers)
