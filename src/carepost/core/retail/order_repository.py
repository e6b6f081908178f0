"""SQL for reading retail orders: a filtered, ordered page, one order, and what
hangs off a batch of them (lines, payment methods, shipping methods, stores, prescriptions)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.kit.bounds import start_of_day, start_of_next_day
from carepost.core.kit.paging import PageRequest
from carepost.core.models import Item, Order, Patient, Prescription, RetailOrder, RetailOrderLine, RetailProduct
from carepost.core.retail.filters import RetailFilters

# ids grow with time: created_at's order, and a unique one
DIALECT = "pharmacy"

ORDERINGS = {
    "created_at": Order.id.asc(),
    "-created_at": Order.id.desc(),
    "expected_delivery_date": RetailOrder.expected_delivery_date.asc(),
    "-expected_delivery_date": RetailOrder.expected_delivery_date.desc(),
}


def _order_by(fields: tuple[str, ...]) -> list[Any]:
    """The fields in turn, then the id in the first field's direction, so every page is stable."""
    clauses = [ORDERINGS[field] for field in fields]
    return [*clauses, Order.id.desc() if fields[0].startswith("-") else Order.id.asc()]

OrderRow = tuple[Order, RetailOrder, Patient]


class RetailOrderRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _base(self, scope: Scope) -> Any:
        return (
            select(Order, RetailOrder, Patient)
            .join(RetailOrder, RetailOrder.order_id == Order.id)
            .join(Patient, Patient.id == Order.patient_id)
            .where(Order.account_id == scope.account_id, Order.mode == scope.mode, Order.dialect == DIALECT)
        )

    async def page(self, scope: Scope, filters: RetailFilters, page: PageRequest) -> tuple[list[OrderRow], int]:
        query = self._base(scope).where(*_conditions(filters))
        total = await self.session.scalar(select(func.count()).select_from(query.subquery()))
        rows = await self.session.execute(query.order_by(*_order_by(filters.ordering)).limit(page.size).offset(page.offset))
        return [tuple(row) for row in rows], total or 0

    async def one(self, scope: Scope, order_id: int, *, lock: bool = False) -> OrderRow | None:
        query = self._base(scope).where(Order.id == order_id)
        row = (await self.session.execute(query.with_for_update(of=Order) if lock else query)).first()
        return tuple(row) if row else None

    async def details(self, order_id: int) -> RetailOrder:
        """The retail row of an order the caller has already found in its scope (and locked)."""
        found = await self.session.get(RetailOrder, order_id)
        assert found is not None, "every retail order has its retail row"
        return found

    async def lines(self, order_ids: Iterable[int]) -> dict[int, list[tuple[RetailOrderLine, Item, RetailProduct | None]]]:
        found: dict[int, list[tuple[RetailOrderLine, Item, RetailProduct | None]]] = defaultdict(list)
        rows = await self.session.execute(
            select(RetailOrderLine, Item, RetailProduct)
            .join(Item, Item.id == RetailOrderLine.item_id)
            .outerjoin(RetailProduct, RetailProduct.item_id == Item.id)
            .where(RetailOrderLine.order_id.in_(list(order_ids)))
            .order_by(RetailOrderLine.id)
        )
        for line, item, product in rows:
            found[line.order_id].append((line, item, product))
        return found

    async def prescriptions(self, order_ids: Iterable[int]) -> dict[int, list[Prescription]]:
        found: dict[int, list[Prescription]] = defaultdict(list)
        query = select(Prescription).where(Prescription.order_id.in_(list(order_ids))).order_by(Prescription.id)
        for prescription in await self.session.scalars(query):
            found[prescription.order_id].append(prescription)
        return found

    async def by_id(self, model: Any, ids: set[int | None]) -> dict[int, Any]:
        wanted = {i for i in ids if i is not None}
        if not wanted:
            return {}
        return {row.id: row for row in await self.session.scalars(select(model).where(model.id.in_(wanted)))}

    async def replace_lines(self, order_id: int, lines: list[RetailOrderLine]) -> None:
        await self.session.execute(delete(RetailOrderLine).where(RetailOrderLine.order_id == order_id))
        self.session.add_all(lines)
        await self.session.flush()


def _conditions(filters: RetailFilters) -> list[Any]:
    conditions: list[Any] = []
    for term in (filters.search or "").split():
        like = f"%{term.lower()}%"
        conditions.append(or_(func.lower(Patient.first_name).like(like), func.lower(Patient.last_name).like(like)))
    if filters.patient_id is not None:
        conditions.append(Order.patient_id == filters.patient_id)
    if filters.order_status_in:
        conditions.append(Order.status.in_(filters.order_status_in))
    if filters.exclude_order_status_in:
        conditions.append(Order.status.not_in(filters.exclude_order_status_in))
    if filters.payment_status_in:
        conditions.append(RetailOrder.payment_status.in_(filters.payment_status_in))
    for column, before, after in (
        (RetailOrder.expected_delivery_date, filters.expected_delivery_before, filters.expected_delivery_after),
        (RetailOrder.max_delivery_date, filters.max_delivery_before, filters.max_delivery_after),
    ):
        ends = start_of_next_day(before) if before is not None else None
        if ends is not None:
            conditions.append(column < ends)
        if after is not None:
            conditions.append(column >= start_of_day(after))
    return conditions
