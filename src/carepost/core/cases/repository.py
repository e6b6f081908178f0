"""SQL for cases, the pharmacy network and formulary, and prescription orders."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.lean import LeanInsert, LeanStatement, columns_of, detached, flush_pending, is_one_of
from carepost.core.models import Case, CaseOrder, CaseOrderItem, Drug, Order, Pharmacy

# What placing an order reads and writes, lean (core/kit/lean.py): the cases create path.
_CASE = LeanStatement(select(*columns_of(Case)).where(Case.public_id == bindparam("public_id")))
_PHARMACY = LeanStatement(select(*columns_of(Pharmacy)).where(Pharmacy.code == bindparam("code")))
_DRUGS = LeanStatement(lambda dialect_name: select(*columns_of(Drug)).where(is_one_of(dialect_name, Drug.code, "codes")))
_CASE_ORDER = LeanInsert(CaseOrder)
_CASE_ORDER_ITEM = LeanInsert(CaseOrderItem)


class CaseRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, *rows: Any) -> None:
        self.session.add_all(rows)
        await self.session.flush()

    async def add_order_details(self, details: CaseOrder, items: Iterable[CaseOrderItem]) -> None:
        """A new order's prescription and items (lean: written, not held by the session)."""
        await flush_pending(self.session)
        await _CASE_ORDER.add(self.session, [details])
        await _CASE_ORDER_ITEM.add(self.session, items)

    async def case(self, public_id: str) -> Case | None:
        """The case, to read (lean, not held by the session); `case_to_change` to change it."""
        return detached(Case, row) if (row := await _CASE.first(self.session, public_id=public_id)) else None

    async def case_to_change(self, public_id: str) -> Case | None:
        return await self.session.scalar(select(Case).where(Case.public_id == public_id))

    async def pharmacy(self, code: str) -> Pharmacy | None:
        """The pharmacy, to read (lean); `by_code` to change it."""
        return detached(Pharmacy, row) if (row := await _PHARMACY.first(self.session, code=code)) else None

    async def drugs(self, codes: Iterable[str]) -> dict[str, Drug]:
        """The drugs of these codes, to read (lean)."""
        found = [detached(Drug, row) for row in await _DRUGS.rows(self.session, codes=list(codes))]
        return {drug.code: drug for drug in found if drug is not None}

    async def by_code(self, model: Any, code: str) -> Any:
        return await self.session.scalar(select(model).where(model.code == code))

    async def orders_of(self, case: Case) -> list[tuple[Order, CaseOrder]]:
        rows = await self.session.execute(
            select(Order, CaseOrder).join(CaseOrder, CaseOrder.order_id == Order.id).where(CaseOrder.case_id == case.id).order_by(Order.id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]

    async def order(self, case: Case, public_id: str, *, lock: bool = False) -> tuple[Order, CaseOrder] | None:
        query = select(Order, CaseOrder).join(CaseOrder, CaseOrder.order_id == Order.id).where(CaseOrder.case_id == case.id, Order.public_id == public_id)
        row = (await self.session.execute(query.with_for_update(of=Order) if lock else query)).first()
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
