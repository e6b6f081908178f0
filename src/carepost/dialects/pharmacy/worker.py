"""The pharmacy's work after the request: its orders' CFDI invoices stamped at the PAC,
e-mailed, and cancelled (core/retail/invoice_issuing.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from carepost.adapters.documents import document_store
from carepost.adapters.mail import mail_for
from carepost.adapters.pac import pac_resolver
from carepost.config import Settings
from carepost.core.notifications.mail import MailPort
from carepost.core.outbox.relay import Delivery, Handler
from carepost.core.retail import invoice_issuing
from carepost.core.retail.invoice_issuing import InvoicingPorts
from carepost.http.dialect import WorkerContext


def invoicing_ports(settings: Settings, *, mail: Callable[[str], MailPort] | None = None) -> InvoicingPorts:
    return InvoicingPorts(
        pac_for=pac_resolver(settings.resolved_secret_key, timeout_seconds=settings.pac_timeout_seconds),
        documents=document_store(settings),
        mail_for=mail or (lambda mode: mail_for(settings, mode)),
        secret_key=settings.resolved_secret_key,
    )


def handlers(context: WorkerContext) -> Mapping[str, Handler]:
    db, ports = context.db, invoicing_ports(context.settings, mail=context.mail)

    async def issue(delivery: Delivery) -> None:
        await invoice_issuing.issue(db, delivery.payload["invoice_id"], ports, attempt=delivery.attempt)

    async def email(delivery: Delivery) -> None:
        await invoice_issuing.email(db, delivery.payload["invoice_id"], ports)

    async def cancel(delivery: Delivery) -> None:
        await invoice_issuing.cancel(db, delivery.payload["invoice_id"], ports, attempt=delivery.attempt)

    return {
        "order.invoice_requested": issue,
        "order.invoice_stamped": email,
        "order.invoice_cancellation_requested": cancel,
    }
