"""The worker: relays the outbox to its topics' handlers, sends webhooks, and forgets what the
retention periods say, every hour (core/retention).

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
from carepost.core.kit.db import Database
from carepost.core.notifications.mail import MailPort
from carepost.core.outbox.relay import Handler, Relay
from carepost.core.retention import service as retention
from carepost.core.retention.policies import RetentionPeriods
from carepost.core.sandbox import autopilot
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
        self, db: Database, topic_handlers: Mapping[str, Handler], dispatcher: Dispatcher | None = None, *,
        retention: RetentionPeriods | None = None,
    ) -> None:
        self.db = db
        self.retention = retention or RetentionPeriods()
        self.relay = Relay(db, topic_handlers)
        self.dispatcher = dispatcher
        self._last_housekeeping = 0.0

    @classmethod
    def for_settings(cls, db: Database, settings: Settings, *, mail: Callable[[str], MailPort] | None = None) -> Worker:
        policy = settings.webhook_policy
        dispatcher = Dispatcher(db, HttpSender(policy), policy, secret_key=settings.resolved_secret_key)
        return cls(db, handlers(WorkerContext(db, settings, mail)), dispatcher, retention=settings.retention_periods)

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
        forgotten = await retention.sweep(self.db, self.retention)
        log.info("retention forgot %s", ", ".join(f"{count} {name}" for name, count in forgotten.items()))
