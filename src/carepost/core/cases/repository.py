"""SQL for cases, the pharmacy network and formulary, and prescription orders."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import Case, CaseOrder, CaseOrderItem, Drug, Order, Pharmacy


class CaseRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, *rows: Any) -> None:
        self.session.add_all(rows)
        await self.session.flush()

    async def case(self, public_id: str) -> Case | None:
        return await self.session.scalar(select(Case).where(Case.public_id == public_id))

    async def pharmacy(self, code: str) -> Pharmacy | None:
        return await self.session.scalar(select(Pharmacy).where(Pharmacy.code == code))

    async def drugs(self, codes: Iterable[str]) -> dict[str, Drug]:
        found = await self.session.scalars(select(Drug).where(Drug.code.in_(list(codes))))
        return {drug.code: drug for drug in found}

    async def by_code(self, model: Any, code: str) -> Any:
        return await self.session.scalar(select(model).where(model.code == code))

    async def orders_of(self, case: Case) -> list[tuple[Order, CaseOrder]]:
        rows = await self.session.execute(
            select(Order, CaseOrder).join(CaseOrder, CaseOrder.order_id == Order.id).where(CaseOrder.case_id == case.id).order_by(Order.id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]

    async def order(self, case: Case, public_id: str) -> tuple[Order, CaseOrder] | None:
        row = (
            await self.session.execute(
                select(Order, CaseOrder)
                .join(CaseOrder, CaseOrder.order_id == Order.id)
                .where(CaseOrder.case_id == case.id, Order.public_id == public_id)
            )
        ).first()
        return tuple(row) if row else None  # type: ignore[return-value]

    async def pipeline(self, *, status: str | None, limit: int) -> list[tuple[Order, CaseOrder, Case]]:
        query = select(Order, CaseOrder, Case).join(CaseOrder, CaseOrder.order_id == Order.id).join(Case, Case.id == CaseOrder.case_id)
        if status is not None:
            query = query.where(Order.status == status)
        rows = await self.session.execute(query.order_by(Order.id.desc()).limit(limit))
        return [tuple(row) for row in rows]  # type: ignore[misc]

    async def order_with_parts(self, order_public_id: str) -> tuple[Order, CaseOrder, Case, Pharmacy] | None:
        """An order with its details, case and pharmacy: what a pipeline step works from."""
        row = (
            await self.session.execute(
                select(Order, CaseOrder, Case, Pharmacy)
                .join(CaseOrder, CaseOrder.order_id == Order.id)
                .join(Case, Case.id == CaseOrder.case_id)
                .join(Pharmacy, Pharmacy.id == CaseOrder.pharmacy_id)
                .where(Order.public_id == order_public_id)
            )
        ).first()
        return tuple(row) if row else None  # type: ignore[return-value]

    async def locked_order(self, order_public_id: str) -> tuple[Order, CaseOrder]:
        """The order and its details, the order row locked until the transaction ends."""
        row = (
            await self.session.execute(
                select(Order, CaseOrder)
                .join(CaseOrder, CaseOrder.order_id == Order.id)
                .where(Order.public_id == order_public_id)
                .with_for_update(of=Order)
            )
        ).one()
        return row[0], row[1]

    async def items(self, order_id: int) -> list[tuple[CaseOrderItem, Drug]]:
        rows = await self.session.execute(
            select(CaseOrderItem, Drug).join(Drug, Drug.id == CaseOrderItem.drug_id).where(CaseOrderItem.order_id == order_id).order_by(CaseOrderItem.id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]
