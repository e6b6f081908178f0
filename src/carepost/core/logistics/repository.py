"""SQL for logistics orders and what hangs off them. Reads are batched by order
ids, so a page of orders costs the same few queries as one order."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.kit.db import insert_for, run_last
from carepost.core.kit.lean import LeanInsert, LeanStatement, columns_of, detached, flush_pending, is_one_of
from carepost.core.kit.paging import Page, PageRequest
from carepost.core.logistics.devices import DeviceState
from carepost.core.logistics.lifecycle import DeviceStatus
from carepost.core.models import (
    Device,
    DeviceEvent,
    FulfillmentSite,
    Order,
    OrderDevice,
    OrderEvent,
    OrderExternalId,
    OrderLine,
    OrderNote,
    OrderTally,
    PackedKit,
    Patient,
    TrackingNumber,
)

DIALECT = "devices"
TALLY_SLOTS = 16  # rows each status's count is spread over (see _bump)

Child = TypeVar("Child", OrderLine, OrderExternalId, OrderNote, TrackingNumber, PackedKit, OrderDevice, OrderEvent)


@dataclass(frozen=True)
class OrderFilters:
    status: str | None = None
    patient_id: int | None = None
    site_id: int | None = None
    external_order_id: str | None = None


class LogisticsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_all(self, rows: Iterable[Any]) -> None:
        self.session.add_all(list(rows))
        await self.session.flush()

    async def add_contents(self, lines: list[OrderLine], external_ids: list[OrderExternalId], notes: list[OrderNote]) -> None:
        """A new order's lines, external ids and notes, written lean (lean.py): placing reads
        them back from these instances, never from the session."""
        for writer, rows in ((_ADD_LINE, lines), (_ADD_EXTERNAL_ID, external_ids), (_ADD_NOTE, notes)):
            await writer.add(self.session, rows)

    # Orders

    async def order(self, scope: Scope, order_id: int, *, lock: bool = False) -> Order | None:
        query = select(Order).where(*_in_scope(scope), Order.id == order_id)
        if lock:
            query = query.with_for_update()
        return await self.session.scalar(query)

    async def order_page(self, scope: Scope, filters: OrderFilters, request: PageRequest) -> Page[Order]:
        """Newest first: ids only grow, and the listing indexes end in the id."""
        if filters.patient_id is None and filters.site_id is None and filters.external_order_id is None:
            # The common pages, every status or one: lean statements (read-only orders), totals from the tallies.
            page = _PAGE if filters.status is None else _PAGE_IN_STATUS
            rows = await page.rows(
                self.session, account_id=scope.account_id, mode=scope.mode, status=filters.status,
                offset=request.offset, size=request.size,
            )
            return Page(items=[detached(Order, row) for row in rows], request=request, total=await self.tally(scope, filters.status))
        conditions = [*_in_scope(scope)]
        if filters.status is not None:
            conditions.append(Order.status == filters.status)
        if filters.patient_id is not None:
            conditions.append(Order.patient_id == filters.patient_id)
        if filters.site_id is not None:  # the site the order shows: its own, or else its patient's (views.py)
            at_the_sites_patients = Order.patient_id.in_(
                select(Patient.id).where(Patient.account_id == scope.account_id, Patient.mode == scope.mode, Patient.site_id == filters.site_id)
            )
            conditions.append(or_(Order.site_id == filters.site_id, and_(Order.site_id.is_(None), at_the_sites_patients)))
        if filters.external_order_id is not None:
            conditions.append(
                Order.id.in_(
                    select(OrderExternalId.order_id).where(
                        OrderExternalId.account_id == scope.account_id, OrderExternalId.value == filters.external_order_id
                    )
                )
            )
        orders = await self.session.scalars(
            select(Order).where(*conditions).order_by(Order.id.desc()).offset(request.offset).limit(request.size)
        )
        # Narrowed to one patient, site or external id: few rows to count, through their indexes.
        total = await self.session.scalar(select(func.count()).select_from(Order).where(*conditions)) or 0
        return Page(items=list(orders), request=request, total=total)

    # Order tallies: a count per status, kept in step with every order placed or moved

    async def tally(self, scope: Scope, status: str | None) -> int:
        counts = await _TALLIES.rows(self.session, account_id=scope.account_id, mode=scope.mode)
        return sum(count for row_status, count in counts if status is None or row_status == status)

    async def count_placed(self, scope: Scope, status: str) -> None:
        await self._bump(scope, [(status, 1)])

    async def count_moved(self, scope: Scope, *, old: str, new: str) -> None:
        await self._bump(scope, [(old, -1), (new, 1)])

    async def _bump(self, scope: Scope, changes: list[tuple[str, int]]) -> None:
        """Tally rows are hot: every order the account places or moves writes one, and
        holds it locked until the commit. So each change goes to a slot drawn at random
        (models/orders.py), is written last in the transaction (db.run_last), after any
        stock row, and rows are locked in (status, slot) order, so two transactions never
        wait on each other in a cycle."""
        slotted = sorted((status, random.randrange(TALLY_SLOTS), delta) for status, delta in changes)

        async def bump() -> None:
            for status, slot, delta in slotted:
                await _BUMP.rows(self.session, account_id=scope.account_id, mode=scope.mode, status=status, slot=slot, delta=delta)

        await run_last(self.session, bump)

    # What hangs off orders, by order id

    async def lines(self, order_ids: Sequence[int]) -> dict[int, list[OrderLine]]:
        return await self._children(OrderLine, order_ids)

    async def external_ids(self, order_ids: Sequence[int]) -> dict[int, list[OrderExternalId]]:
        return await self._children(OrderExternalId, order_ids)

    async def notes(self, order_ids: Sequence[int]) -> dict[int, list[OrderNote]]:
        return await self._children(OrderNote, order_ids)

    async def tracking(self, order_ids: Sequence[int]) -> dict[int, list[TrackingNumber]]:
        return await self._children(TrackingNumber, order_ids)

    async def packed_kits(self, order_ids: Sequence[int]) -> dict[int, list[PackedKit]]:
        return await self._children(PackedKit, order_ids)

    async def order_devices(self, order_ids: Sequence[int]) -> dict[int, list[OrderDevice]]:
        return await self._children(OrderDevice, order_ids)

    async def events(self, order_ids: Sequence[int]) -> dict[int, list[OrderEvent]]:
        return await self._children(OrderEvent, order_ids)

    async def _children(self, model: type[Child], order_ids: Sequence[int]) -> dict[int, list[Child]]:
        """Read-only rows (lean.py), so what this transaction changed is written first."""
        found: dict[int, list[Child]] = defaultdict(list)
        if order_ids:
            await flush_pending(self.session)
            for row in await _CHILDREN[model].rows(self.session, ids=sorted(set(order_ids))):
                child = detached(model, row)
                found[child.order_id].append(child)
        return found

    async def drop_packing(self, order_id: int) -> None:
        """Unpack a cancelled order: its packed kits and device assignments go."""
        for model in (OrderDevice, PackedKit):
            for row in await self.session.scalars(select(model).where(model.order_id == order_id)):
                await self.session.delete(row)
        await self.session.flush()

    # Devices and packed kits

    async def devices(self, device_ids: Iterable[int], *, lock: bool = False) -> dict[int, Device]:
        wanted = set(device_ids)
        if not wanted:
            return {}
        query = select(Device).where(Device.id.in_(wanted)).order_by(Device.id)
        if lock:
            query = query.with_for_update()
        return {device.id: device for device in await self.session.scalars(query)}

    async def device_events(self, device_ids: Iterable[int]) -> dict[int, list[DeviceEvent]]:
        found: dict[int, list[DeviceEvent]] = defaultdict(list)
        wanted = set(device_ids)
        if wanted:
            for event in await self.session.scalars(
                select(DeviceEvent).where(DeviceEvent.device_id.in_(wanted)).order_by(DeviceEvent.id)
            ):
                found[event.device_id].append(event)
        return found

    async def available_devices(
        self, *, site_id: int, item_id: int, count: int, exclude: Set[int] = frozenset(), lock: bool = True
    ) -> list[Device]:
        """Devices of an item in stock at a site, oldest first, locked for packing (or only shown)."""
        query = (
            select(Device)
            .where(Device.fulfillment_site_id == site_id, Device.item_id == item_id, Device.status == DeviceState.AVAILABLE)
            .order_by(Device.id)
            .limit(count + len(exclude))
        )
        found = await self.session.scalars(query.with_for_update() if lock else query)
        return [device for device in found if device.id not in exclude][:count]

    async def fulfillment_site(self, site_id: int | None) -> FulfillmentSite | None:
        """The named site; with no name, the first one."""
        query = select(FulfillmentSite).order_by(FulfillmentSite.id).limit(1)
        if site_id is not None:
            query = query.where(FulfillmentSite.id == site_id)
        return await self.session.scalar(query)

    async def packed_kits_by_id(
        self, scope: Scope, packed_kit_ids: Iterable[int], *, lock: bool = False
    ) -> dict[int, tuple[PackedKit, Order]]:
        wanted = set(packed_kit_ids)
        if not wanted:
            return {}
        query = (
            select(PackedKit, Order)
            .join(Order, PackedKit.order_id == Order.id)
            .where(PackedKit.id.in_(wanted), *_in_scope(scope))
            .order_by(PackedKit.id)
        )
        if lock:
            query = query.with_for_update(of=PackedKit)
        rows = await self.session.execute(query)
        return {kit.id: (kit, order) for kit, order in rows}

    async def on_open_returns(self, kind: str, ref_ids: Iterable[int]) -> set[int]:
        """Which of these devices or packed kits (`kind` of line) an order not yet received or cancelled takes back."""
        wanted = set(ref_ids)
        if not wanted:
            return set()
        closed = (DeviceStatus.RETURN_RECEIVED, DeviceStatus.CANCELLED)
        rows = await self.session.scalars(
            select(OrderLine.ref_id)
            .join(Order, OrderLine.order_id == Order.id)
            .where(OrderLine.kind == kind, OrderLine.ref_id.in_(wanted), Order.status.not_in(closed))
        )
        return set(rows)

    async def devices_in_packed_kits(self, packed_kit_ids: Iterable[int]) -> dict[int, list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        wanted = set(packed_kit_ids)
        if wanted:
            rows = await self.session.execute(
                select(OrderDevice.packed_kit_id, OrderDevice.device_id).where(OrderDevice.packed_kit_id.in_(wanted))
            )
            for kit_id, device_id in rows:
                if kit_id is not None:  # the query asked for packed kits only
                    found[kit_id].append(device_id)
        return found


def _bump_tally(dialect_name: str) -> Any:
    insert = insert_for(dialect_name, OrderTally).values(
        account_id=bindparam("account_id"), dialect=DIALECT, mode=bindparam("mode"), status=bindparam("status"),
        slot=bindparam("slot"), count=bindparam("delta"),
    )
    return insert.on_conflict_do_update(
        index_elements=["account_id", "dialect", "mode", "status", "slot"], set_={"count": OrderTally.count + insert.excluded.count}
    )


def _scoped(account_id: Any, mode: Any) -> list[ColumnElement[bool]]:
    """This account's devices orders of this mode: values, or a lean statement's parameters."""
    return [Order.account_id == account_id, Order.mode == mode, Order.dialect == DIALECT]


def _children_by_order(model: type[Any], order_by: Any) -> LeanStatement:
    return LeanStatement(
        lambda dialect_name: select(*columns_of(model)).where(is_one_of(dialect_name, model.order_id, "ids")).order_by(order_by)
    )


# Every order shown reads these (lean.py): read-only rows.
_CHILDREN = {
    OrderLine: _children_by_order(OrderLine, OrderLine.id),
    OrderExternalId: _children_by_order(OrderExternalId, OrderExternalId.id),
    OrderNote: _children_by_order(OrderNote, OrderNote.id),
    TrackingNumber: _children_by_order(TrackingNumber, TrackingNumber.id),
    PackedKit: _children_by_order(PackedKit, PackedKit.id),
    OrderDevice: _children_by_order(OrderDevice, OrderDevice.device_id),
    OrderEvent: _children_by_order(OrderEvent, OrderEvent.id),
}


def _page_of(*conditions: ColumnElement[bool]) -> LeanStatement:
    return LeanStatement(
        select(*columns_of(Order))
        .where(*_scoped(bindparam("account_id"), bindparam("mode")), *conditions)
        .order_by(Order.id.desc())
        .offset(bindparam("offset"))
        .limit(bindparam("size"))
    )


_PAGE, _PAGE_IN_STATUS = _page_of(), _page_of(Order.status == bindparam("status"))
_TALLIES = LeanStatement(
    select(OrderTally.status, OrderTally.count).where(
        OrderTally.account_id == bindparam("account_id"), OrderTally.dialect == DIALECT, OrderTally.mode == bindparam("mode")
    )
)

# Every devices order placed writes these (lean.py).
_BUMP = LeanStatement(_bump_tally)
_ADD_LINE, _ADD_EXTERNAL_ID, _ADD_NOTE = LeanInsert(OrderLine), LeanInsert(OrderExternalId), LeanInsert(OrderNote)


def _in_scope(scope: Scope) -> list[ColumnElement[bool]]:
    return _scoped(scope.account_id, scope.mode)

