"""SQL for commerce connections."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.lean import LeanStatement, columns_of, detached
from carepost.core.models import CommerceConnection

_CONNECTION = LeanStatement(select(*columns_of(CommerceConnection)).where(CommerceConnection.account_id == bindparam("account_id")))


class ConnectionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, account_id: int) -> CommerceConnection | None:
        """The account's connection, detached, for reading (every masks create asks: lean.py)."""
        row = await _CONNECTION.first(self.session, account_id=account_id)
        return None if row is None else detached(CommerceConnection, row)

    async def save(self, connection: CommerceConnection) -> None:
        await self.session.merge(connection)
        await self.session.flush()
