"""The worker's side of a pharmacy order's invoice, after commit (outbox topics
`order.invoice_requested`, `order.invoice_stamped`, `order.invoice_cancellation_requested`):

- issue: build the CFDI from the order, seal it with the issuer's CSD, stamp it at
  the PAC, keep the XML and PDF, and mark the invoice stamped (its UUID is the
  order's `cfdi`). A refusal, or a provider still unreachable after a few tries,
  is recorded on the invoice and the order's timeline (`invoice_failed`), and an
  operator may retry; the order itself is never touched.
- e-mail: the stamped XML and PDF to the invoicing address, once.
- cancel: a cancelled order's stamped CFDI is cancelled at the PAC (reason 02).

Each is safe to run twice (the outbox delivers at least once): it acts only on an
invoice in the state it expects, and re-reads that state before it writes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.documents.port import DocumentStore
from carepost.core.invoicing import cfdi, issuers
from carepost.core.invoicing.documents import render_pdf, storage_keys
from carepost.core.invoicing.pac import PacFor, PacRefused, PacUnavailable
from carepost.core.invoicing.receiver import Receiver
from carepost.core.invoicing.repository import InvoiceRepository
from carepost.core.invoicing.requesting import CANCELLED, CANCELLING, FAILED, PENDING, STAMPED
from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database
from carepost.core.models import Invoice, InvoiceIssuer, Order
from carepost.core.notifications.mail import Attachment, MailMessage, MailPort
from carepost.core.orders import events
from carepost.core.retail.reading import RetailOrderView, get_order

ACTOR = "worker"
# Tries against an unreachable PAC before the invoice is marked failed (the outbox's backoff: 1+2+4+8+16 s).
UNAVAILABLE_ATTEMPTS = 5


@dataclass(frozen=True)
class InvoicingPorts:
    pac_for: PacFor
    documents: DocumentStore
    mail_for: Callable[[str], MailPort]  # by mode: test-mode mail goes to the sandbox mailbox
    secret_key: str


class TryAgain(Exception):
    """The PAC is unreachable: the outbox delivers this step again later."""


async def issue(db: Database, invoice_id: int, ports: InvoicingPorts, *, attempt: int) -> None:
    if (found := await _load(db, invoice_id, expected=PENDING)) is None:
        return
    invoice, view, issuer = found
    if issuer is None:
        await _fail(db, invoice_id, "The account has no invoice issuer: set `invoicing` in its tenant file.")
        return
    try:
        comprobante = cfdi.build(issuers.emisor(issuer), Receiver(**invoice.receiver), invoiceable(view))
        sealed = await asyncio.to_thread(cfdi.seal, comprobante, issuers.signer(issuer, ports.secret_key))
        stamp = await ports.pac_for(issuer.pac, view.order.mode).stamp(sealed)
    except (PacRefused, cfdi.TotalsMismatch) as refused:
        await _fail(db, invoice_id, str(refused))
        return
    except PacUnavailable as unavailable:
        final = attempt + 1 >= UNAVAILABLE_ATTEMPTS
        await _fail(db, invoice_id, str(unavailable), final=final)
        if not final:
            raise TryAgain(str(unavailable)) from None
        return
    xml_key, pdf_key = storage_keys(invoice.account_id, view.order.public_id, stamp.uuid)
    await ports.documents.put(xml_key, stamp.xml)
    await ports.documents.put(pdf_key, await asyncio.to_thread(render_pdf, stamp.xml, sandbox=stamp.sandbox))
    async with db.transaction() as session:
        current = await InvoiceRepository(session).one(invoice_id, lock=True)  # as it is now, locked
        if current is None or current.status not in (PENDING, CANCELLED):
            return
        cancelled_meanwhile = current.status == CANCELLED
        current.status = CANCELLING if cancelled_meanwhile else STAMPED
        current.uuid, current.xml_key, current.pdf_key, current.error = stamp.uuid, xml_key, pdf_key, None
        current.stamped_at, current.sandbox, current.cancelled_at = utcnow(), stamp.sandbox, None
        order = await _order(session, current)
        data = {"invoice_id": current.id, "cfdi": stamp.uuid}
        await events.record(session, order, name="invoice_stamped", actor=ACTOR, data=data)
        if cancelled_meanwhile:  # the order was cancelled while the PAC stamped: cancel the CFDI too
            await events.record(session, order, name="invoice_cancellation_requested", actor=ACTOR, data=data)


async def email(db: Database, invoice_id: int, ports: InvoicingPorts) -> None:
    if (found := await _load(db, invoice_id, expected=STAMPED)) is None or found[0].emailed_at is not None:
        return
    invoice, view, issuer = found
    assert invoice.xml_key and invoice.pdf_key and invoice.uuid and issuer is not None
    xml, pdf = await ports.documents.get(invoice.xml_key), await ports.documents.get(invoice.pdf_key)
    await ports.mail_for(view.order.mode).send(_message(invoice, view, issuer, xml, pdf))
    async with db.transaction() as session:
        stored = await InvoiceRepository(session).one(invoice_id, lock=True)
        if stored is not None:
            stored.emailed_at = utcnow()


async def cancel(db: Database, invoice_id: int, ports: InvoicingPorts, *, attempt: int) -> None:
    if (found := await _load(db, invoice_id, expected=CANCELLING)) is None:
        return
    invoice, view, issuer = found
    assert issuer is not None and invoice.uuid is not None
    try:
        result = await ports.pac_for(issuer.pac, view.order.mode).cancel(issuers.cancel_request(issuer, invoice.uuid, ports.secret_key))
    except (PacRefused, PacUnavailable) as failure:
        if isinstance(failure, PacUnavailable) and attempt + 1 < UNAVAILABLE_ATTEMPTS:
            raise TryAgain(str(failure)) from None
        await _settle_cancel(db, invoice_id, error=str(failure), outcome=None)
        return
    await _settle_cancel(db, invoice_id, error=None, outcome={"status": result.status, "acknowledgment": result.acknowledgment})


def invoiceable(view: RetailOrderView) -> cfdi.Invoiceable:
    retail = view.retail
    lines = [
        cfdi.InvoiceLine(
            description=line.item.name,
            product_key=line.product.sat_product_key if line.product else "01010101",
            unit_key=line.product.sat_unit_key if line.product else "H87",
            quantity=line.line.quantity,
            unit_price=line.line.unit_price,
            discount=line.line.discount,
            iva_rate=line.line.iva_rate,
            iva=line.line.iva,
            identification=line.item.sku,
        )
        for line in view.lines
    ]
    shipping_iva = retail.iva - sum((line.iva for line in lines), Decimal(0))
    shipping = cfdi.shipping_line(retail.shipping_price, retail.shipping_discount, shipping_iva)
    assert view.payment_method is not None
    return cfdi.Invoiceable(
        folio=str(view.order.id), lines=[*lines, *([shipping] if shipping else [])],
        payment_kind=view.payment_method.kind, total=retail.total,
    )


async def _load(db: Database, invoice_id: int, *, expected: str) -> tuple[Invoice, RetailOrderView, InvoiceIssuer | None] | None:
    """The invoice, its order and its issuer, if the invoice is still `expected`; else
    None: done already, or overtaken (cancelled, retried), so there is nothing to do."""
    async with db.read() as session:
        repository = InvoiceRepository(session)
        invoice = await repository.one(invoice_id)
        if invoice is None or invoice.status != expected:
            return None
        order = await _order(session, invoice)
        view = await get_order(session, scope=Scope(order.account_id, order.mode), order_id=order.id)
        return invoice, view, await repository.issuer(invoice.account_id)


async def _order(session: AsyncSession, invoice: Invoice) -> Order:
    order = await session.get(Order, invoice.order_id)
    assert order is not None  # an invoice is deleted with its order
    return order


async def _fail(db: Database, invoice_id: int, error: str, *, final: bool = True) -> None:
    """Record why the invoice was not issued: on it, and when it is final on the order's
    timeline too; until then it stays pending and the outbox tries again."""
    async with db.transaction() as session:
        invoice = await InvoiceRepository(session).one(invoice_id, lock=True)
        if invoice is None or invoice.status != PENDING:
            return
        invoice.error = error[:1000]
        if final:
            invoice.status = FAILED
            data = {"invoice_id": invoice.id, "error": invoice.error}
            await events.record(session, await _order(session, invoice), name="invoice_failed", actor=ACTOR, data=data)


async def _settle_cancel(db: Database, invoice_id: int, *, error: str | None, outcome: dict[str, str | None] | None) -> None:
    async with db.transaction() as session:
        invoice = await InvoiceRepository(session).one(invoice_id, lock=True)
        if invoice is None or invoice.status != CANCELLING:
            return
        order = await _order(session, invoice)
        if error is not None:  # the CFDI stands: the operator sees why on the timeline
            invoice.status, invoice.error = STAMPED, error[:1000]
            await events.record(session, order, name="invoice_cancellation_failed", actor=ACTOR, data={"invoice_id": invoice.id, "error": error[:1000]})
            return
        invoice.status, invoice.cancelled_at, invoice.cancellation, invoice.error = CANCELLED, utcnow(), outcome, None
        await events.record(session, order, name="invoice_cancelled", actor=ACTOR, data={"invoice_id": invoice.id, "cfdi": invoice.uuid})


def _message(invoice: Invoice, view: RetailOrderView, issuer: InvoiceIssuer, xml: bytes, pdf: bytes) -> MailMessage:
    number = f"{issuer.series}-{view.order.id}"
    sandbox = "\nEsta factura es de prueba (sandbox): no tiene validez fiscal.\n" if invoice.sandbox else ""
    text = (
        f"Hola {invoice.receiver['name']},\n\n"
        f"Adjuntamos la factura {number} de {issuer.legal_name} por su pedido {view.order.id}: "
        f"el CFDI (XML) y su representación impresa (PDF).\n\n"
        f"Folio fiscal (UUID): {invoice.uuid}\nTotal: ${view.retail.total:,.2f} MXN\n{sandbox}"
    )
    return MailMessage(
        to=invoice.email,
        subject=f"Factura {number} — {issuer.legal_name}",
        text=text,
        attachments=(
            Attachment(f"{number}_{invoice.uuid}.xml", "application/xml", xml),
            Attachment(f"{number}_{invoice.uuid}.pdf", "application/pdf", pdf),
        ),
    )
