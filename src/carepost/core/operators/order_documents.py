"""An order's documents, whatever its flow: a masks order's scan files and UDI label, a
pharmacy order's prescriptions and stamped invoice, a cases order's prescription PDF.
Each has an id stable for the order (`scan-video_front`, `invoice-pdf`, …), for a link."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.cases.repository import CaseRepository
from carepost.core.documents.port import DocumentStore
from carepost.core.invoicing.requesting import ISSUED
from carepost.core.kit.errors import NotFound
from carepost.core.manufacturing.repository import MaskProductRepository, ProductionRepository, ScanFileRepository
from carepost.core.manufacturing.udi_label import label_svg
from carepost.core.models import Order
from carepost.core.orders.lifecycle import Flow
from carepost.core.retail.reading import get_order as retail_order

_UDI_LABEL = "udi-label"
_SCAN_FILES = {"video_front": "Scan video, front", "video_side": "Scan video, side", "calibration_photo": "Calibration photo"}


@dataclass(frozen=True)
class OrderDocument:
    id: str
    label: str
    content_type: str
    filename: str
    storage_key: str | None = None  # in the document store; the UDI label is drawn when asked for


@dataclass(frozen=True)
class DocumentFile:
    document: OrderDocument
    content: bytes


async def documents_of(session: AsyncSession, order: Order) -> list[OrderDocument]:
    flow = Flow(order.flow)
    if flow == Flow.MADE_TO_MEASURE:
        return await _mask_documents(session, order)
    if flow == Flow.RETAIL:
        return await _pharmacy_documents(session, order)
    if flow == Flow.PRESCRIPTION:
        return await _case_documents(session, order)
    return []


async def document_file(session: AsyncSession, order: Order, document_id: str, store: DocumentStore) -> DocumentFile:
    found = next((d for d in await documents_of(session, order) if d.id == document_id), None)
    if found is None:
        raise NotFound("This order has no such document.", code="document_not_found")
    if found.id == _UDI_LABEL:
        return DocumentFile(found, await _udi_label(session, order))
    assert found.storage_key is not None
    return DocumentFile(found, await store.get(found.storage_key))


async def _mask_documents(session: AsyncSession, order: Order) -> list[OrderDocument]:
    found = [
        OrderDocument(f"scan-{f.kind}", _SCAN_FILES.get(f.kind, f.kind), f.content_type, f"{order.public_id}-{f.kind}", f.storage_key)
        for f in await ScanFileRepository(session).files(order.id)
    ]
    production = await ProductionRepository(session).production(order.id)
    if production is not None and production.label_printed_at is not None and production.fupc is not None:
        found.append(OrderDocument(_UDI_LABEL, f"UDI label ({production.fupc})", "image/svg+xml", f"{order.public_id}-udi-label.svg"))
    return found


async def _udi_label(session: AsyncSession, order: Order) -> bytes:
    production = await ProductionRepository(session).production(order.id)
    product = await MaskProductRepository(session).get(order.attributes["mask_type"])
    assert production is not None and production.fupc and production.gtin and production.production_date and product is not None
    return label_svg(product_name=product.name, gtin=production.gtin, production_date=production.production_date, fupc=production.fupc)


async def _pharmacy_documents(session: AsyncSession, order: Order) -> list[OrderDocument]:
    view = await retail_order(session, scope=Scope(order.account_id, order.mode), order_id=order.id)
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


async def _case_documents(session: AsyncSession, order: Order) -> list[OrderDocument]:
    found = await CaseRepository(session).order_with_parts(order.public_id)
    if found is None or found[1].prescription_key is None:
        return []
    return [OrderDocument("prescription", "Prescription (PDF)", "application/pdf", f"{order.public_id}-prescription.pdf", found[1].prescription_key)]
