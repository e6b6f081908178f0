"""SQL for the built-in commerce ledger."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.db import aside, insert_for
from carepost.core.kit.lean import LeanInsert, LeanStatement
from carepost.core.models import CommerceLedgerOrder, Counter


def _next_number(dialect_name: str) -> Any:
    insert = insert_for(dialect_name, Counter).values(account_id=bindparam("account_id"), name=bindparam("name"), value=1)
    return insert.on_conflict_do_update(index_elements=["account_id", "name"], set_={"value": Counter.value + 1}).returning(Counter.value)


_NEXT_NUMBER = LeanStatement(_next_number)
_ENTRIES = LeanInsert(CommerceLedgerOrder)


class LedgerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def next_number(self, *, account_id: int, counter: str) -> int:
        """1, 2, 3… per account; the counter row's lock makes concurrent orders queue, not collide.

        Taken aside (db.aside), as a sequence's number: the row is locked for this one
        statement, not for the rest of the order's transaction, which had every create of an
        account wait for the one before (docs/performance.md). An order that rolls back after
        taking its number leaves a gap in the store's numbering."""
        async def take(session: AsyncSession) -> int:
            ((value,),) = await _NEXT_NUMBER.rows(session, account_id=account_id, name=counter)
            return int(value)

        return await aside(self.session, take)

    async def add(self, entry: CommerceLedgerOrder) -> CommerceLedgerOrder:
        """Written, its id read back; the row is not loaded into the session (lean.py)."""
        await _ENTRIES.add(self.session, [entry])
        return entry

    async def get(self, *, account_id: int, entry_id: int) -> CommerceLedgerOrder | None:
        return await self.session.scalar(
            select(CommerceLedgerOrder).where(CommerceLedgerOrder.account_id == account_id, CommerceLedgerOrder.id == entry_id)
        )

    async def cancel(self, entry: CommerceLedgerOrder, *, at: datetime) -> None:
        entry.cancelled_at = entry.cancelled_at or at
        await self.session.flush()
