"""A cases order's document: its prescription PDF, once the pipeline has stored it."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.cases.repository import CaseRepository
from carepost.core.flows.documents import FlowDocuments, OrderDocument
from carepost.core.models import Order


async def _listed(session: AsyncSession, order: Order) -> list[OrderDocument]:
    found = await CaseRepository(session).order_with_parts(order.public_id)
    if found is None or found[1].prescription_key is None:
        return []
    return [OrderDocument("prescription", "Prescription (PDF)", "application/pdf", f"{order.public_id}-prescription.pdf", found[1].prescription_key)]


DOCUMENTS = FlowDocuments(listed=_listed)
