"""A masks order's documents: the patient's scan files, and the UDI label once printed."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.flows.documents import FlowDocuments, OrderDocument
from carepost.core.manufacturing.repository import MaskProductRepository, ProductionRepository, ScanFileRepository
from carepost.core.manufacturing.udi_label import label_svg
from carepost.core.models import Order

_UDI_LABEL = "udi-label"
_SCAN_FILES = {"video_front": "Scan video, front", "video_side": "Scan video, side", "calibration_photo": "Calibration photo"}


async def _listed(session: AsyncSession, order: Order) -> list[OrderDocument]:
    found = [
        OrderDocument(f"scan-{f.kind}", _SCAN_FILES.get(f.kind, f.kind), f.content_type, f"{order.public_id}-{f.kind}", f.storage_key)
        for f in await ScanFileRepository(session).files(order.id)
    ]
    production = await ProductionRepository(session).production(order.id)
    if production is not None and production.label_printed_at is not None and production.fupc is not None:
        found.append(OrderDocument(_UDI_LABEL, f"UDI label ({production.fupc})", "image/svg+xml", f"{order.public_id}-udi-label.svg"))
    return found


async def _udi_label(session: AsyncSession, order: Order, _: OrderDocument) -> bytes:
    production = await ProductionRepository(session).production(order.id)
    product = await MaskProductRepository(session).get(order.attributes["mask_type"])
    assert production is not None and production.fupc and production.gtin and production.production_date and product is not None
    return label_svg(product_name=product.name, gtin=production.gtin, production_date=production.production_date, fupc=production.fupc)


DOCUMENTS = FlowDocuments(listed=_listed, drawn=_udi_label)
