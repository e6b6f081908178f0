"""SQL for stock and reservations."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.db import upsert_insert
from carepost.core.kit.lean import LeanInsert, LeanStatement, flush_pending, is_one_of
from carepost.core.models import SandboxStock, Stock, StockReservation

# Every live order placed takes its units and records the reservation (lean.py).
_TAKE = LeanStatement(
    update(Stock)
    .where(
        Stock.fulfillment_site_id == bindparam("site_id"),
        Stock.item_id == bindparam("item_id"),
        Stock.on_hand - Stock.reserved >= bindparam("quantity"),
    )
    .values(reserved=Stock.reserved + bindparam("quantity"))
    .returning(Stock.item_id)
)
_ADD_RESERVATION = LeanInsert(StockReservation)
# Every order placed reads its items' free units, on the live shelf or the sandbox's (lean.py).
_LIVE_FREE = LeanStatement(
    lambda dialect_name: select(Stock.fulfillment_site_id, Stock.item_id, Stock.on_hand - Stock.reserved).where(
        is_one_of(dialect_name, Stock.item_id, "item_ids")
    )
)
_SANDBOX_FREE = LeanStatement(
    lambda dialect_name: select(SandboxStock.fulfillment_site_id, SandboxStock.item_id, SandboxStock.on_hand).where(
        is_one_of(dialect_name, SandboxStock.item_id, "item_ids")
    )
)


class StockRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def row(self, *, site_id: int, item_id: int) -> Stock | None:
        return await self.session.scalar(select(Stock).where(Stock.fulfillment_site_id == site_id, Stock.item_id == item_id))

    async def free_units(self, item_ids: list[int], *, sandbox: bool) -> dict[int, dict[int, int]]:
        """Units free to order, per fulfillment site and item: the live shelf less its
        reservations, or the sandbox's shelf (which nothing reserves)."""
        await flush_pending(self.session)
        shelf = _SANDBOX_FREE if sandbox else _LIVE_FREE
        free: dict[int, dict[int, int]] = {}
        for site_id, item_id, units in await shelf.rows(self.session, item_ids=item_ids):
            free.setdefault(site_id, {})[item_id] = units
        return free

    async def sandbox_row(self, *, site_id: int, item_id: int) -> SandboxStock | None:
        return await self.session.get(SandboxStock, (site_id, item_id))

    async def take(self, *, site_id: int, item_id: int, quantity: int) -> bool:
        """Reserve `quantity` if that many are free, atomically; False if not.

        The condition is checked by the UPDATE itself, under the row's lock, so
        two orders racing for the last unit cannot both get it (PostgreSQL
        re-reads the row after waiting for the lock; SQLite writes one at a time).
        """
        return bool(await _TAKE.rows(self.session, site_id=site_id, item_id=item_id, quantity=quantity))

    async def give_back(self, *, site_id: int, item_id: int, quantity: int) -> None:
        await self.session.execute(
            update(Stock)
            .where(Stock.fulfillment_site_id == site_id, Stock.item_id == item_id)
            .values(reserved=Stock.reserved - quantity)
            .execution_options(synchronize_session=False)
        )

    async def consume(self, *, site_id: int, item_id: int, quantity: int) -> None:
        """Reserved units leave the building: off the shelf and out of the reservation."""
        await self.session.execute(
            update(Stock)
            .where(Stock.fulfillment_site_id == site_id, Stock.item_id == item_id)
            .values(on_hand=Stock.on_hand - quantity, reserved=Stock.reserved - quantity)
            .execution_options(synchronize_session=False)
        )

    async def restock(self, *, site_id: int, item_id: int, quantity: int) -> None:
        """Units come back onto the shelf, making the stock row if the site never held the item."""
        insert = upsert_insert(self.session, Stock).values(
            fulfillment_site_id=site_id, item_id=item_id, on_hand=quantity, reserved=0
        )
        await self.session.execute(
            insert.on_conflict_do_update(
                index_elements=[Stock.fulfillment_site_id, Stock.item_id],
                set_={"on_hand": Stock.on_hand + insert.excluded.on_hand},
            )
        )

    async def add_reservations(self, reservations: Iterable[StockReservation]) -> None:
        await _ADD_RESERVATION.add(self.session, reservations)

    async def open_reservations(self, order_id: int) -> list[StockReservation]:
        return list(
            await self.session.scalars(
                select(StockReservation).where(StockReservation.order_id == order_id, StockReservation.released_at.is_(None))
            )
        )

    async def mark_released(self, reservation: StockReservation, *, at: datetime) -> None:
        reservation.released_at = at
        await self.session.flush()
