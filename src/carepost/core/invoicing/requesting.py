"""Asking for an order's invoice, inside the transaction that changes the order: the
receiver is checked, the invoice row is opened (or reopened after a failure) and an
`invoice_requested` event goes on the outbox, so the worker issues it after commit.
A PAC that is down never fails or slows the request."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.invoicing import issuers
from carepost.core.invoicing.receiver import InvoicingIn, Receiver, check_receiver
from carepost.core.invoicing.repository import InvoiceRepository
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Conflict, NotFound
from carepost.core.models import Invoice, Order
from carepost.core.orders import events

PENDING, STAMPED, FAILED, CANCELLING, CANCELLED = "pending", "stamped", "failed", "cancelling", "cancelled"
ISSUED = (STAMPED, CANCELLING, CANCELLED)  # a PAC stamped it: it has a UUID, an XML and a PDF


async def check(session: AsyncSession, *, account_id: int, given: InvoicingIn, field: str = "invoicing") -> Receiver:
    issuer = await InvoiceRepository(session).issuer(account_id)
    return check_receiver(given, issuers.defaults_of(issuer), field=field)


async def open_invoice(session: AsyncSession, order: Order, receiver: Receiver, *, actor: str, existing: Invoice | None = None) -> Invoice:
    now = utcnow()
    invoice = existing or Invoice(account_id=order.account_id, order_id=order.id, sandbox=order.mode == "test")
    invoice.status, invoice.receiver, invoice.email, invoice.error, invoice.requested_at = PENDING, receiver.as_dict(), receiver.email, None, now
    if existing is None:
        await InvoiceRepository(session).add(invoice)
    await events.record(session, order, name="invoice_requested", actor=actor, data={"invoice_id": invoice.id})
    return invoice


async def retry(session: AsyncSession, order: Order, *, actor: str) -> Invoice:
    """An operator's retry of a failed invoice, with the receiver it was asked with."""
    invoice = await InvoiceRepository(session).for_order(order.id, lock=True)
    if invoice is None:
        raise NotFound("This order has no invoice.", code="invoice_not_found")
    if invoice.status != FAILED:
        raise Conflict(f"Only a failed invoice can be retried; this one is {invoice.status}.", code="invoice_not_failed")
    return await open_invoice(session, order, Receiver(**invoice.receiver), actor=actor, existing=invoice)


async def on_order_cancelled(session: AsyncSession, order: Order, *, actor: str) -> None:
    """A stamped invoice is cancelled at the PAC by the worker; one not yet stamped is never issued."""
    invoice = await InvoiceRepository(session).for_order(order.id, lock=True)
    if invoice is None or invoice.status in (CANCELLING, CANCELLED):
        return
    if invoice.status == STAMPED:
        invoice.status = CANCELLING
        await events.record(session, order, name="invoice_cancellation_requested", actor=actor, data={"invoice_id": invoice.id})
    else:
        invoice.status, invoice.cancelled_at = CANCELLED, utcnow()
