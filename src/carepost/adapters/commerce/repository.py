"""SQL for the built-in commerce ledger."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.db import upsert_insert
from carepost.core.models import CommerceLedgerOrder, Counter


class LedgerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def next_number(self, *, account_id: int, counter: str) -> int:
        """1, 2, 3… per account; the row lock makes concurrent orders queue, not collide."""
        statement = (
            upsert_insert(self.session, Counter)
            .values(account_id=account_id, name=counter, value=1)
            .on_conflict_do_update(index_elements=["account_id", "name"], set_={"value": Counter.value + 1})
            .returning(Counter.value)
        )
        return (await self.session.execute(statement)).scalar_one()

    async def add(self, entry: CommerceLedgerOrder) -> CommerceLedgerOrder:
        self.session.add(entry)
        await self.session.flush()
        return entry

    async def get(self, *, account_id: int, entry_id: int) -> CommerceLedgerOrder | None:
        return await self.session.scalar(
            select(CommerceLedgerOrder).where(CommerceLedgerOrder.account_id == account_id, CommerceLedgerOrder.id == entry_id)
        )

    async def cancel(self, entry: CommerceLedgerOrder, *, at: datetime) -> None:
        entry.cancelled_at = entry.cancelled_at or at
        await self.session.flush()
