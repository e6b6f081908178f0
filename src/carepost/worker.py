"""The worker: relays the outbox to its topics' handlers, sends webhooks, and forgets what the
retention periods say, every CAREPOST_RETENTION_SWEEP_SECONDS (an hour; core/retention).

Run many of them against PostgreSQL; claims never overlap (SKIP LOCKED).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import Awaitable, Callable, Mapping

from carepost import flows
from carepost.adapters.webhooks.http import HttpSender
from carepost.config import Settings
from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database
from carepost.core.notifications.mail import MailPort
from carepost.core.outbox.relay import Handler, Relay
from carepost.core.outbox.repository import OutboxRepository
from carepost.core.retention import service as retention
from carepost.core.retention.policies import RetentionPeriods
from carepost.core.sandbox import autopilot
from carepost.core.webhooks.dispatch import Dispatcher
from carepost.fhir_api import worker as fhir_worker
from carepost.health.worker_metrics import WorkerMetrics
from carepost.http.dialect import WorkerContext

log = logging.getLogger("carepost.worker")

IDLE_POLL_SECONDS = 0.5
FIRST_IDLE_POLL_SECONDS = 0.02
DISPATCH_BATCHES_IN_FLIGHT = 2
GAUGES_EVERY_SECONDS = 15  # the outbox's depth and oldest age, for the worker's own /metrics


def handlers(context: WorkerContext) -> Mapping[str, Handler]:
    """Outbox topics and who handles them: the sandbox's autopilot, FHIR's bulk exports, and what each registered
    dialect declares (carepost/flows.py): the pharmacy's invoices, the cases pipeline. Webhooks have their own outbox, their
    deliveries (core/webhooks/dispatch.py)."""
    found: dict[str, Handler] = {**autopilot.handlers(context.db), **fhir_worker.handlers(context)}
    for dialect in flows.dialects():
        for topic, handler in (dialect.worker_handlers(context) if dialect.worker_handlers else {}).items():
            if topic in found:
                raise ValueError(f"Two dialects handle outbox topic {topic!r}.")
            found[topic] = handler
    return found


def idle_wait(idle_polls: int) -> float:
    """How long a loop that found nothing waits before it polls again, after `idle_polls` empty
    polls in a row: soon at first, since events come in streams and a worker keeping up with
    one would otherwise leave each event waiting up to a whole idle poll (the webhook lag's p99,
    docs/performance.md), doubling to IDLE_POLL_SECONDS, so an idle worker asks the database
    little."""
    return min(FIRST_IDLE_POLL_SECONDS * 2 ** min(idle_polls, 16), IDLE_POLL_SECONDS)  # capped: a float overflows


class Worker:
    def __init__(
        self, db: Database, topic_handlers: Mapping[str, Handler], dispatcher: Dispatcher | None = None, *,
        retention: RetentionPeriods | None = None, metrics: WorkerMetrics | None = None,
    ) -> None:
        self.db = db
        self.retention = retention or RetentionPeriods()
        self.metrics = metrics
        self.relay = Relay(db, topic_handlers, observe=metrics.message_handled if metrics else None)
        self.dispatcher = dispatcher
        if dispatcher is not None and metrics is not None:
            dispatcher.observe = metrics.webhook_attempted
        self.stopping = asyncio.Event()
        # The monotonic clock counts from boot: a start of 0.0 would put the first sweep off
        # until the host has been up for a sweep's period. Never yet: at once.
        self._last_housekeeping = -math.inf
        self._last_gauges = -math.inf

    @classmethod
    def for_settings(
        cls, db: Database, settings: Settings, *, mail: Callable[[str], MailPort] | None = None, metrics: WorkerMetrics | None = None,
    ) -> Worker:
        policy = settings.webhook_policy
        dispatcher = Dispatcher(db, HttpSender(policy), policy, secret_key=settings.resolved_secret_key)
        return cls(db, handlers(WorkerContext(db, settings, mail)), dispatcher, retention=settings.retention_periods, metrics=metrics)

    def stop(self) -> None:
        """Finish what is in hand and return from run_forever (SIGTERM): the outbox message being
        handled and the webhooks being sent (each bounded by its timeout) are settled; the rest
        of the claimed batch is released at once for another worker."""
        self.stopping.set()

    async def run_once(self) -> int:
        """Relay one batch of the outbox, then send one batch of webhooks."""
        claimed = await self.relay.run_once(self.stopping.is_set)
        if self.dispatcher is not None and not self.stopping.is_set():
            claimed += await self.dispatcher.run_once()
        return claimed

    async def run_forever(self) -> None:
        """The outbox, the webhooks and the housekeeping, each in a loop of its own: a slow outbox
        handler (an invoice stamped and drawn, a second or so) never holds webhooks back."""
        loops = [self._loop("outbox relay", lambda: self.relay.run_once(self.stopping.is_set)), self._loop("housekeeping", self._housekeeping)]
        if self.dispatcher is not None:
            # Batches in flight side by side, as two workers' would be (their claims never overlap): while
            # one batch waits on the database to claim or settle, the other's requests are out.
            loops += [self._loop("webhook dispatch", self.dispatcher.run_once) for _ in range(DISPATCH_BATCHES_IN_FLIGHT)]
        try:
            await asyncio.gather(*loops)
        finally:
            await self.close()
        log.info("worker stopped")

    async def close(self) -> None:
        """What the worker keeps open between batches closed: the webhook sender's connections."""
        if self.dispatcher is not None:
            await self.dispatcher.sender.close()

    async def _loop(self, name: str, step: Callable[[], Awaitable[int | None]]) -> None:
        idle_polls = 0
        while not self.stopping.is_set():
            try:
                busy = await step()
            except Exception:  # a database blip must not end the worker
                log.exception("worker %s failed", name)
                busy = 0
            if busy:
                idle_polls = 0
                continue
            with contextlib.suppress(TimeoutError):  # idle: poll again soon, or stop at once
                await asyncio.wait_for(self.stopping.wait(), idle_wait(idle_polls))
            idle_polls += 1

    async def _housekeeping(self) -> None:
        now = time.monotonic()
        if self.metrics is not None and now - self._last_gauges >= GAUGES_EVERY_SECONDS:
            self._last_gauges = now
            async with self.db.read() as session:
                backlog, oldest = await OutboxRepository(session).backlog()
            self.metrics.backlog.set(backlog)
            self.metrics.oldest_age.set((utcnow() - oldest).total_seconds() if oldest else 0)
        if now - self._last_housekeeping < self.retention.sweep_every_seconds:
            return
        self._last_housekeeping = now
        forgotten = await retention.sweep(self.db, self.retention)
        if self.metrics is not None:
            self.metrics.swept(forgotten)
        log.info("retention forgot %s", ", ".join(f"{count} {name}" for name, count in forgotten.items()))
