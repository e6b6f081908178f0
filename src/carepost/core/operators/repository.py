"""SQL for operator tokens, and for the operator's view across every account."""

from __future__ import annotations

from sqlalchemy import select
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

    async def order(self, public_id: str, *, lock: bool = False) -> Order | None:
        """Operators work for the supplier: they reach every account's orders."""
        query = select(Order).where(Order.public_id == public_id)
        return await self.session.scalar(query.with_for_update() if lock else query)
