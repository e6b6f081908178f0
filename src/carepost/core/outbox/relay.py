"""The worker side of the outbox: claim due messages, hand each to its topic's
handler outside any transaction, then settle it.

Topics are events (`order.placed`); a topic nobody subscribes to is settled as
delivered, as on any event bus. A failing handler is retried with exponential
backoff, capped at an hour.
"""

from __future__ import annotations

import logging
import socket
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database
from carepost.core.outbox.repository import OutboxRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Delivery:
    id: int
    topic: str
    payload: dict[str, Any]
    account_id: int | None
    attempt: int


Handler = Callable[[Delivery], Awaitable[None]]

LEASE = timedelta(minutes=2)
MAX_BACKOFF = timedelta(hours=1)


def backoff(attempt: int) -> timedelta:
    return min(timedelta(seconds=2 ** min(attempt, 20)), MAX_BACKOFF)


class Relay:
    def __init__(self, db: Database, handlers: Mapping[str, Handler], *, batch_size: int = 50) -> None:
        self.db = db
        self.handlers = dict(handlers)
        self.batch_size = batch_size
        self.worker_id = f"{socket.gethostname()[:40]}-{uuid.uuid4().hex[:8]}"

    async def run_once(self) -> int:
        """Deliver one batch; returns how many messages it claimed."""
        async with self.db.transaction() as session:
            now = utcnow()
            claimed = await OutboxRepository(session).claim(
                worker_id=self.worker_id, now=now, lease_until=now + LEASE, limit=self.batch_size
            )
            deliveries = [Delivery(m.id, m.topic, m.payload, m.account_id, m.attempts) for m in claimed]
        for delivery in deliveries:
            await self._deliver(delivery)
        return len(deliveries)

    async def _deliver(self, delivery: Delivery) -> None:
        handler = self.handlers.get(delivery.topic)
        error: str | None = None
        if handler is not None:
            try:
                await handler(delivery)
            except Exception as exc:  # a handler's failure must not stop the relay
                error = f"{type(exc).__name__}: {exc}"
                log.warning("outbox delivery %s (%s) failed: %s", delivery.id, delivery.topic, error)
        async with self.db.transaction() as session:
            outbox = OutboxRepository(session)
            if error is None:
                await outbox.mark_delivered(delivery.id, worker_id=self.worker_id, now=utcnow())
            else:
                retry_at = utcnow() + backoff(delivery.attempt)
                await outbox.mark_failed(delivery.id, worker_id=self.worker_id, retry_at=retry_at, error=error)
