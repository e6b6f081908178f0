"""A pharmacy order's documents: its prescriptions, and its invoice's XML and PDF once stamped."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.flows.documents import FlowDocuments, OrderDocument
from carepost.core.invoicing.requesting import ISSUED
from carepost.core.models import Order
from carepost.core.retail.reading import get_order


async def _listed(session: AsyncSession, order: Order) -> list[OrderDocument]:
    view = await get_order(session, scope=Scope(order.account_id, order.mode), order_id=order.id)
    found = [
        OrderDocument(
            f"prescription-{p.id}", f"Prescription {p.document_name or p.id} (issued {p.issue_date.isoformat()})", p.content_type,
            p.document_name or f"{order.id}-prescription-{p.id}", p.storage_key,
        )
        for p in view.prescriptions
    ]
    invoice = view.invoice
    if invoice is not None and invoice.status in ISSUED:  # stamped: it has its XML and PDF
        found.append(OrderDocument("invoice-xml", f"Invoice CFDI {invoice.uuid} (XML)", "application/xml", f"{order.id}_{invoice.uuid}.xml", invoice.xml_key))
        found.append(OrderDocument("invoice-pdf", f"Invoice {invoice.uuid} (PDF)", "application/pdf", f"{order.id}_{invoice.uuid}.pdf", invoice.pdf_key))
    return found


DOCUMENTS = FlowDocuments(listed=_listed)
