"""The worker: relays the outbox to its topics' handlers, sends webhooks, and runs the
periodic clean-ups.

Run many of them against PostgreSQL; claims never overlap (SKIP LOCKED).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping

from carepost.adapters.documents import document_store
from carepost.adapters.mail import mail_for
from carepost.adapters.pac import pac_resolver
from carepost.config import Settings
from carepost.core.idempotency import service as idempotency
from carepost.core.kit.db import Database
from carepost.core.notifications.mail import MailPort
from carepost.core.outbox.relay import Delivery, Handler, Relay
from carepost.adapters.pharmacies.embedded import EmbeddedPharmacy
from carepost.adapters.pharmacies.http import HttpPharmacy
from carepost.core.cases import pipeline
from carepost.core.cases.access import DIALECT as CASES
from carepost.core.cases.pipeline import PipelinePorts
from carepost.core.retail import invoice_issuing
from carepost.core.retail.invoice_issuing import InvoicingPorts
from carepost.core.webhooks.dispatch import Dispatcher
from carepost.adapters.webhooks.http import HttpSender
from carepost import webhook_data

log = logging.getLogger("carepost.worker")

IDLE_POLL_SECONDS = 0.5
HOUSEKEEPING_EVERY_SECONDS = 3600


def invoicing_ports(settings: Settings, *, mail: Callable[[str], MailPort] | None = None) -> InvoicingPorts:
    return InvoicingPorts(
        pac_for=pac_resolver(settings.resolved_secret_key, timeout_seconds=settings.pac_timeout_seconds),
        documents=document_store(settings),
        mail_for=mail or (lambda mode: mail_for(settings, mode)),
        secret_key=settings.resolved_secret_key,
    )


def pipeline_ports(settings: Settings) -> PipelinePorts:
    http, embedded = HttpPharmacy(), EmbeddedPharmacy()
    return PipelinePorts(
        documents=document_store(settings),
        pharmacy_for=lambda pharmacy: http if pharmacy.adapter == "http" else embedded,
        embedded_pharmacy=embedded,
        embedded_schedule=tuple(float(part) for part in settings.cases_pharmacy_schedule.split(",")),
    )


def handlers(db: Database, ports: InvoicingPorts, cases: PipelinePorts) -> Mapping[str, Handler]:
    """Outbox topics and who handles them: the pharmacy's invoices (core/retail/invoice_issuing.py)
    and the cases pipeline (core/cases/pipeline.py). Webhooks have their own outbox, their
    deliveries (core/webhooks/dispatch.py)."""

    async def issue(delivery: Delivery) -> None:
        await invoice_issuing.issue(db, delivery.payload["invoice_id"], ports, attempt=delivery.attempt)

    async def email(delivery: Delivery) -> None:
        await invoice_issuing.email(db, delivery.payload["invoice_id"], ports)

    async def cancel(delivery: Delivery) -> None:
        await invoice_issuing.cancel(db, delivery.payload["invoice_id"], ports, attempt=delivery.attempt)

    async def prescribe(delivery: Delivery) -> None:
        if delivery.payload.get("dialect") == CASES:
            await pipeline.store_prescription(db, delivery.payload["order_id"], cases, attempt=delivery.attempt)

    async def hand_off(delivery: Delivery) -> None:
        await pipeline.send_to_pharmacy(db, delivery.payload["order_id"], cases, attempt=delivery.attempt)

    async def pharmacy_step(delivery: Delivery) -> None:
        await pipeline.pharmacy_step(db, delivery.payload["order_id"], delivery.payload["step"], cases)

    return {
        "order.received": prescribe,
        "order.retried": prescribe,
        "order.prescription_stored": hand_off,
        pipeline.PHARMACY_STEP: pharmacy_step,
        "order.invoice_requested": issue,
        "order.invoice_stamped": email,
        "order.invoice_cancellation_requested": cancel,
    }


class Worker:
    def __init__(self, db: Database, topic_handlers: Mapping[str, Handler], dispatcher: Dispatcher | None = None) -> None:
        self.db = db
        self.relay = Relay(db, topic_handlers)
        self.dispatcher = dispatcher
        self._last_housekeeping = 0.0

    @classmethod
    def for_settings(cls, db: Database, settings: Settings, *, mail: Callable[[str], MailPort] | None = None) -> Worker:
        webhook_data.install()
        policy = settings.webhook_policy
        dispatcher = Dispatcher(db, HttpSender(policy), policy, secret_key=settings.resolved_secret_key)
        return cls(db, handlers(db, invoicing_ports(settings, mail=mail), pipeline_ports(settings)), dispatcher)

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
