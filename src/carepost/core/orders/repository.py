"""SQL for orders and their timeline."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.db import insert_for
from carepost.core.kit.ids import order_public_id
from carepost.core.kit.lean import LeanInsert, LeanStatement, LeanUpdate, attach, flush_pending
from carepost.core.models import Order, OrderEvent

_PUBLIC_ID_ATTEMPTS = 5


_EVENTS = LeanInsert(OrderEvent)


_ORDERS = LeanInsert(Order)
# Every order placed is written by this (lean.py).
_ADD_ORDER = LeanStatement(
    lambda dialect_name: insert_for(dialect_name, Order)
    .values({name: bindparam(name) for name in _ORDERS.names})
    .on_conflict_do_nothing(index_elements=["public_id"])
    .returning(Order.id)
)
# A new order's columns settled later in the same request (lean.py: no unit of work at the commit).
_STORE_IDS = LeanUpdate(Order, "commerce_order_id", "commerce_order_name")
_ATTRIBUTES = LeanUpdate(Order, "attributes")


class OrderRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, order: Order) -> Order:
        """Insert with a fresh random public id, drawing again on the rare collision;
        the order is then the session's, as if loaded (lean.py: no SELECT back).

        ON CONFLICT DO NOTHING rather than a savepoint around a plain INSERT: a
        savepoint cost two more round trips on every order, to guard a collision
        that almost never happens."""
        await flush_pending(self.session)  # the patient or site it points at
        for _ in range(_PUBLIC_ID_ATTEMPTS):
            order.public_id = order_public_id()
            stored = await _ADD_ORDER.first(self.session, **_ORDERS.values_of(order))
            if stored is not None:
                (order.id,) = stored
                attach(self.session, order)
                return order
        raise RuntimeError(f"no free order public id in {_PUBLIC_ID_ATTEMPTS} draws")

    async def note_store_order(self, order: Order, *, store_order_id: str, store_order_name: str) -> None:
        """The store's ids for an order placed in this request (`add`)."""
        await _STORE_IDS.write(self.session, order, commerce_order_id=store_order_id, commerce_order_name=store_order_name)

    async def replace_attributes(self, order: Order, attributes: dict[str, Any]) -> None:
        """New attributes for an order placed in this request (`add`)."""
        await _ATTRIBUTES.write(self.session, order, attributes=attributes)

    async def for_key(self, *, account_id: int, api_key_id: int, public_id: str, lock: bool = False) -> Order | None:
        """An order placed with this very API key; anything else is not found."""
        query = select(Order).where(
            Order.account_id == account_id, Order.api_key_id == api_key_id, Order.public_id == public_id
        )
        if lock:
            query = query.with_for_update()
        return await self.session.scalar(query)

    async def add_event(self, event: OrderEvent) -> None:
        """Every change writes one (lean.py): its id is read back, the row is not loaded."""
        await _EVENTS.add(self.session, [event])

    async def events(self, *, account_id: int, order_id: int) -> list[OrderEvent]:
        return list(
            await self.session.scalars(
                select(OrderEvent)
                .where(OrderEvent.account_id == account_id, OrderEvent.order_id == order_id)
                .order_by(OrderEvent.id)
            )
        )
