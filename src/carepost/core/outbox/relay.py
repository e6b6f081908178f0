"""The worker side of the outbox: claim due messages, hand each to its topic's
handler outside any transaction, then settle it.

Delivery is at least once. A claim is a short lease (LEASE), renewed while the
worker is still delivering its batch, so a worker that dies or loses its
database connection holds nothing for longer than that: another worker claims
the message again. A worker that is stopped hands back what it has not
delivered at once. A settle that fails because the database is briefly away is
retried, so a message that was delivered is not delivered again for that
alone. What remains — a worker killed between its handlers' effects and the
settle, which comes once for a batch's handled messages (one transaction a
batch, not one a message) — means a handler may see a message twice: every
handler must be safe to run twice, keyed on `Delivery.id` (the same for
every attempt).

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
        # Handled messages are settled together: one transaction a batch, not one a message (most
        # handlers are quick, and many do nothing: the autopilot's for every live order placed).
        # Before a lease is renewed or the rest released, what is handled is settled first.
        renewed_at = utcnow()
        handled: list[int] = []
        for position, delivery in enumerate(deliveries):
            try:
                if stopping():
                    await self._settle_delivered(handled)
                    await self._release([d.id for d in deliveries[position:]])
                    break
                if utcnow() - renewed_at > self.lease / 2:
                    await self._settle_delivered(handled)
                    await self._renew([d.id for d in deliveries[position:]])
                    renewed_at = utcnow()
                if await self._deliver(delivery):
                    handled.append(delivery.id)
            except BaseException:
                with contextlib.suppress(Exception):  # the database may be the reason: then the lease decides
                    await self._settle_delivered(handled)
                with contextlib.suppress(Exception):
                    await self._release([d.id for d in deliveries[position:]])
                raise
        await self._settle_delivered(handled)
        return len(claimed)

    async def _deliver(self, delivery: Delivery) -> bool:
        """Hand the message to its topic's handler: True when it was handled (settled with the
        batch); a failure is settled at once, due again after its backoff."""
        handler = self.handlers[delivery.topic]
        span: dict[str, str | int] = {
            "carepost.outbox.message_id": delivery.id, "carepost.outbox.topic": delivery.topic, "carepost.outbox.attempt": delivery.attempt,
        }
        with structlog.contextvars.bound_contextvars(outbox_message_id=delivery.id, topic=delivery.topic), \
                trace_context.continued(delivery.trace_context, f"outbox {delivery.topic}", span):
            started = time.perf_counter()
            error: str | None = None
            try:
                await handler(delivery)
                log.info("outbox message handled", extra={"attempt": delivery.attempt})
            except Exception as exc:  # a handler's failure must not stop the relay
                error = f"{type(exc).__name__}: {exc}"  # kept on the row; the log names the type alone
                log.warning("outbox delivery failed: %s (attempt %s)", type(exc).__name__, delivery.attempt)
            if self.observe is not None:
                self.observe(delivery.topic, error is None, time.perf_counter() - started)
            if error is None:
                return True
            retry_at = utcnow() + backoff(delivery.attempt)
            await self._settle(lambda outbox: outbox.mark_failed(delivery.id, worker_id=self.worker_id, retry_at=retry_at, error=error))
            return False

    async def _settle_delivered(self, message_ids: list[int]) -> None:
        """Mark the handled messages delivered, and empty the list: they are settled."""
        if message_ids:
            await self._settle(lambda outbox: outbox.mark_delivered(message_ids, worker_id=self.worker_id, now=utcnow()))
            message_ids.clear()

    async def _settle(self, record: Callable[[OutboxRepository], Awaitable[None]]) -> None:
        """Record an outcome, waiting out a short database outage rather than leaving it to the lease."""
        for pause in (*SETTLE_RETRY_SECONDS, None):
            try:
                async with self.db.transaction() as session:
                    await record(OutboxRepository(session))
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
