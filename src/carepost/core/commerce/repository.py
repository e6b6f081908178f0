"""SQL for commerce connections."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import CommerceConnection


class ConnectionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, account_id: int) -> CommerceConnection | None:
        return await self.session.get(CommerceConnection, account_id)

    async def save(self, connection: CommerceConnection) -> None:
        await self.session.merge(connection)
        await self.session.flush()
