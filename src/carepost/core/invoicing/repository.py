"""SQL for invoices and invoice issuers."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import Invoice, InvoiceIssuer, Order


class InvoiceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def issuer(self, account_id: int) -> InvoiceIssuer | None:
        return await self.session.get(InvoiceIssuer, account_id)

    async def save_issuer(self, issuer: InvoiceIssuer) -> InvoiceIssuer:
        return await self.session.merge(issuer)

    async def add(self, invoice: Invoice) -> Invoice:
        self.session.add(invoice)
        await self.session.flush()
        return invoice

    async def one(self, invoice_id: int, *, lock: bool = False) -> Invoice | None:
        query = select(Invoice).where(Invoice.id == invoice_id)
        return await self.session.scalar(query.with_for_update() if lock else query)

    async def of_patient(self, invoice_id: int, *, account_id: int, mode: str, patient_id: int) -> Invoice | None:
        """An invoice of one of this patient's orders, in this account and mode."""
        return await self.session.scalar(
            select(Invoice)
            .join(Order, Order.id == Invoice.order_id)
            .where(Invoice.id == invoice_id, Invoice.account_id == account_id, Order.mode == mode, Order.patient_id == patient_id)
        )

    async def for_order(self, order_id: int, *, lock: bool = False) -> Invoice | None:
        query = select(Invoice).where(Invoice.order_id == order_id)
        return await self.session.scalar(query.with_for_update() if lock else query)

    async def for_orders(self, order_ids: Iterable[int]) -> dict[int, Invoice]:
        rows = await self.session.scalars(select(Invoice).where(Invoice.order_id.in_(list(order_ids))))
        return {invoice.order_id: invoice for invoice in rows}
