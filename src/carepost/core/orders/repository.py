"""SQL for orders and their timeline."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.ids import order_public_id
from carepost.core.models import Order, OrderEvent

_PUBLIC_ID_ATTEMPTS = 5


class OrderRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, order: Order) -> Order:
        """Insert with a fresh random public id, drawing again on the rare collision."""
        for attempt in range(1, _PUBLIC_ID_ATTEMPTS + 1):
            order.public_id = order_public_id()
            try:
                async with self.session.begin_nested():
                    self.session.add(order)
                    await self.session.flush()
                return order
            except IntegrityError:
                if attempt == _PUBLIC_ID_ATTEMPTS:
                    raise
        return order

    async def for_key(self, *, account_id: int, api_key_id: int, public_id: str, lock: bool = False) -> Order | None:
        """An order placed with this very API key; anything else is not found."""
        query = select(Order).where(
            Order.account_id == account_id, Order.api_key_id == api_key_id, Order.public_id == public_id
        )
        if lock:
            query = query.with_for_update()
        return await self.session.scalar(query)

    async def add_event(self, event: OrderEvent) -> None:
        self.session.add(event)
        await self.session.flush()

    async def events(self, *, account_id: int, order_id: int) -> list[OrderEvent]:
        return list(
            await self.session.scalars(
                select(OrderEvent)
                .where(OrderEvent.account_id == account_id, OrderEvent.order_id == order_id)
                .order_by(OrderEvent.id)
            )
        )
