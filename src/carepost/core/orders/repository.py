"""SQL for orders and their timeline."""

from __future__ import annotations

from sqlalchemy import bindparam, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.db import upsert_insert
from carepost.core.kit.ids import order_public_id
from carepost.core.kit.lean import LeanStatement
from carepost.core.models import Order, OrderEvent

_PUBLIC_ID_ATTEMPTS = 5


_EVENT_COLUMNS = ("account_id", "order_id", "name", "actor", "data", "occurred_at")
_ADD_EVENT = LeanStatement(insert(OrderEvent).values({name: bindparam(name) for name in _EVENT_COLUMNS}).returning(OrderEvent.id))


class OrderRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, order: Order) -> Order:
        """Insert with a fresh random public id, drawing again on the rare collision;
        returns the stored order (use it, not the one passed in).

        ON CONFLICT DO NOTHING rather than a savepoint around a plain INSERT: a
        savepoint cost two more round trips on every order, to guard a collision
        that almost never happens."""
        values = {
            column.key: value
            for column in Order.__table__.columns
            if column.key not in ("id", "public_id") and (value := getattr(order, column.key)) is not None
        }
        for _ in range(_PUBLIC_ID_ATTEMPTS):
            statement = (
                upsert_insert(self.session, Order)
                .values(public_id=order_public_id(), **values)
                .on_conflict_do_nothing(index_elements=["public_id"])
                .returning(Order)
            )
            stored = (await self.session.scalars(statement)).first()
            if stored is not None:
                return stored
        raise RuntimeError(f"no free order public id in {_PUBLIC_ID_ATTEMPTS} draws")

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
        (event.id,) = (await _ADD_EVENT.rows(self.session, **{name: getattr(event, name) for name in _EVENT_COLUMNS}))[0]

    async def events(self, *, account_id: int, order_id: int) -> list[OrderEvent]:
        return list(
            await self.session.scalars(
                select(OrderEvent)
                .where(OrderEvent.account_id == account_id, OrderEvent.order_id == order_id)
                .order_by(OrderEvent.id)
            )
        )
