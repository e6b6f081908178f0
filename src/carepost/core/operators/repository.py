"""SQL for operator tokens, and for the operator's view across every account."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import OperatorToken, Order


class OperatorRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, token: OperatorToken) -> OperatorToken:
        self.session.add(token)
        await self.session.flush()
        return token

    async def by_hash(self, secret_hash: str) -> OperatorToken | None:
        return await self.session.scalar(select(OperatorToken).where(OperatorToken.secret_hash == secret_hash))

    async def order(self, reference: str, *, lock: bool = False) -> Order | None:
        """Operators work for the supplier: they reach every account's orders, by public
        id (ORD_…) or by the number partners see where a contract shows numeric ids (devices)."""
        matches = Order.id == int(reference) if reference.isdecimal() and len(reference) < 19 else Order.public_id == reference
        query = select(Order).where(matches)
        return await self.session.scalar(query.with_for_update() if lock else query)

    async def order_counts(self, *, mode: str) -> list[tuple[str, str, int]]:
        """(dialect, status, count) over every account's orders in this mode."""
        rows = await self.session.execute(
            select(Order.dialect, Order.status, func.count()).where(Order.mode == mode).group_by(Order.dialect, Order.status)
        )
        return [(dialect, status, count) for dialect, status, count in rows]
