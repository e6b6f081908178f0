"""The worker side of the outbox: claim due messages, hand each to its topic's
handler outside any transaction, then settle it.

Delivery is at least once. A claim is a short lease (LEASE), renewed while the
worker is still delivering its batch, so a worker that dies or loses its
database connection holds nothing for longer than that: another worker claims
the message again. A worker that is stopped hands back what it has not
delivered at once. A settle that fails because the database is briefly away is
retried, so a message that was delivered is not delivered again for that
alone. What remains — a worker killed between its handler's effect and the
settle — means a handler may see one message twice: every handler must be
safe to run twice, keyed on `Delivery.id` (the same for every attempt).

Topics are events (`order.placed`); a topic nobody subscribes to is settled as
delivered, as on any event bus. A failing handler is retried with exponential
backoff, capped at an hour.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import structlog

from carepost.core.kit import trace_context
from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database, is_database_unavailable
from carepost.core.outbox.repository import OutboxRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Delivery:
    id: int  # the same on every attempt: a handler's idempotency key
    topic: str
    payload: dict[str, Any]
    account_id: int | None
    attempt: int
    trace_context: str | None = None  # the request's that wrote it (core/kit/trace_context.py)


Handler = Callable[[Delivery], Awaitable[None]]

LEASE = timedelta(seconds=15)
MAX_BACKOFF = timedelta(hours=1)
# How long a settle waits for a database that went away before the lease decides instead.
SETTLE_RETRY_SECONDS = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0)


def backoff(attempt: int) -> timedelta:
    return min(timedelta(seconds=2 ** min(attempt, 20)), MAX_BACKOFF)


class Relay:
    def __init__(
        self, db: Database, handlers: Mapping[str, Handler], *, batch_size: int = 50, lease: timedelta = LEASE,
        observe: Callable[[str, bool, float], None] | None = None,
    ) -> None:
        self.db = db
        self.observe = observe  # told each handled message's topic, success and seconds: the worker's metrics
        self.handlers = dict(handlers)
        self.batch_size = batch_size
        self.lease = lease
        self.worker_id = f"{socket.gethostname()[:40]}-{uuid.uuid4().hex[:8]}"

    async def run_once(self, stopping: Callable[[], bool] = lambda: False) -> int:
        """Deliver one batch; returns how many messages it claimed. Once `stopping()` says so (the
        worker was asked to stop), the messages not yet begun are released for another worker now,
        not when their lease runs out."""
        async with self.db.transaction() as session:
            outbox, now = OutboxRepository(session), utcnow()
            claimed = await outbox.claim(worker_id=self.worker_id, now=now, lease_until=now + self.lease, limit=self.batch_size)
            # A topic no handler subscribes to is delivered by being claimed: settled here,
            # in the claim's transaction, not one transaction each.
            unsubscribed = [m.id for m in claimed if m.topic not in self.handlers]
            if unsubscribed:
                await outbox.mark_delivered(unsubscribed, worker_id=self.worker_id, now=now)
            deliveries = [Delivery(m.id, m.topic, m.payload, m.account_id, m.attempts, m.trace_context) for m in claimed if m.topic in self.handlers]
        renewed_at = utcnow()
        for position, delivery in enumerate(deliveries):
            if stopping():
                await self._release([d.id for d in deliveries[position:]])
                break
            try:
                if utcnow() - renewed_at > self.lease / 2:
                    await self._renew([d.id for d in deliveries[position:]])
                    renewed_at = utcnow()
                await self._deliver(delivery)
            except BaseException:
                with contextlib.suppress(Exception):  # the database may be the reason: then the lease decides
                    await self._release([d.id for d in deliveries[position:]])
                raise
        return len(claimed)

    async def _deliver(self, delivery: Delivery) -> None:
        handler = self.handlers.get(delivery.topic)
        error: str | None = None
        span: dict[str, str | int] = {
            "carepost.outbox.message_id": delivery.id, "carepost.outbox.topic": delivery.topic, "carepost.outbox.attempt": delivery.attempt,
        }
        with structlog.contextvars.bound_contextvars(outbox_message_id=delivery.id, topic=delivery.topic), \
                trace_context.continued(delivery.trace_context, f"outbox {delivery.topic}", span):
            if handler is not None:
                started = time.perf_counter()
                try:
                    await handler(delivery)
                    log.info("outbox message handled", extra={"attempt": delivery.attempt})
                except Exception as exc:  # a handler's failure must not stop the relay
                    error = f"{type(exc).__name__}: {exc}"  # kept on the row; the log names the type alone
                    log.warning("outbox delivery failed: %s (attempt %s)", type(exc).__name__, delivery.attempt)
                if self.observe is not None:
                    self.observe(delivery.topic, error is None, time.perf_counter() - started)
            await self._settle(delivery, error)

    async def _settle(self, delivery: Delivery, error: str | None) -> None:
        """Record the outcome, waiting out a short database outage rather than leaving it to the lease."""
        for pause in (*SETTLE_RETRY_SECONDS, None):
            try:
                async with self.db.transaction() as session:
                    outbox = OutboxRepository(session)
                    if error is None:
                        await outbox.mark_delivered([delivery.id], worker_id=self.worker_id, now=utcnow())
                    else:
                        retry_at = utcnow() + backoff(delivery.attempt)
                        await outbox.mark_failed(delivery.id, worker_id=self.worker_id, retry_at=retry_at, error=error)
                return
            except Exception as exc:
                if pause is None or not is_database_unavailable(exc):
                    raise
                await asyncio.sleep(pause)

    async def _renew(self, message_ids: list[int]) -> None:
        async with self.db.transaction() as session:
            await OutboxRepository(session).extend_lease(message_ids, worker_id=self.worker_id, lease_until=utcnow() + self.lease)

    async def _release(self, message_ids: list[int]) -> None:
        async with self.db.transaction() as session:
            await OutboxRepository(session).release(message_ids, worker_id=self.worker_id, now=utcnow())
