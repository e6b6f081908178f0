"""The worker: relays the outbox to its topics' handlers, sends webhooks, and runs the
periodic clean-ups.

Run many of them against PostgreSQL; claims never overlap (SKIP LOCKED).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping

from carepost import flows
from carepost.adapters.webhooks.http import HttpSender
from carepost.config import Settings
from carepost.core.idempotency import service as idempotency
from carepost.core.kit.db import Database
from carepost.core.notifications.mail import MailPort
from carepost.core.outbox.relay import Handler, Relay
from carepost.core.sandbox import autopilot
from carepost.core.webhooks import event_log
from carepost.core.webhooks.dispatch import Dispatcher
from carepost.http.dialect import WorkerContext

log = logging.getLogger("carepost.worker")

IDLE_POLL_SECONDS = 0.5
HOUSEKEEPING_EVERY_SECONDS = 3600


def handlers(context: WorkerContext) -> Mapping[str, Handler]:
    """Outbox topics and who handles them: the sandbox's autopilot, and what each registered
    dialect declares (carepost/flows.py): the pharmacy's invoices, the cases pipeline. Webhooks have their own outbox, their
    deliveries (core/webhooks/dispatch.py)."""
    found: dict[str, Handler] = dict(autopilot.handlers(context.db))
    for dialect in flows.dialects():
        for topic, handler in (dialect.worker_handlers(context) if dialect.worker_handlers else {}).items():
            if topic in found:
                raise ValueError(f"Two dialects handle outbox topic {topic!r}.")
            found[topic] = handler
    return found


class Worker:
    def __init__(
        self, db: Database, topic_handlers: Mapping[str, Handler], dispatcher: Dispatcher | None = None, *, event_retention_days: float = 30.0
    ) -> None:
        self.db = db
        self.event_retention_days = event_retention_days
        self.relay = Relay(db, topic_handlers)
        self.dispatcher = dispatcher
        self._last_housekeeping = 0.0

    @classmethod
    def for_settings(cls, db: Database, settings: Settings, *, mail: Callable[[str], MailPort] | None = None) -> Worker:
        policy = settings.webhook_policy
        dispatcher = Dispatcher(db, HttpSender(policy), policy, secret_key=settings.resolved_secret_key)
        return cls(db, handlers(WorkerContext(db, settings, mail)), dispatcher, event_retention_days=settings.webhook_event_retention_days)

    async def run_once(self) -> int:
        """Relay one batch of the outbox, then send one batch of webhooks."""
        claimed = await self.relay.run_once()
        if self.dispatcher is not None:
            claimed += await self.dispatcher.run_once()
        return claimed

    async def run_forever(self) -> None:
        while True:
            try:
                claimed = await self.run_once()
                await self._housekeeping()
            except Exception:  # a database blip must not end the worker
                log.exception("worker iteration failed")
                claimed = 0
            if not claimed:
                await asyncio.sleep(IDLE_POLL_SECONDS)

    async def _housekeeping(self) -> None:
        if time.monotonic() - self._last_housekeeping < HOUSEKEEPING_EVERY_SECONDS:
            return
        self._last_housekeeping = time.monotonic()
        async with self.db.transaction() as session:
            purged = await idempotency.purge_expired(session)
        log.info("purged %d expired idempotency keys", purged)
        await self.forget_old_events()

    async def forget_old_events(self) -> int:
        """The events API's retention: a batch per transaction, so no lock is held for long."""
        forgotten = 0
        while True:
            async with self.db.transaction() as session:
                batch = await event_log.prune(session, keep_days=self.event_retention_days)
            forgotten += batch
            if batch < event_log.PRUNE_BATCH:
                break
        log.info("forgot %d webhook events past their retention", forgotten)
        return forgotten
