"""SQL for the request log."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import AccessAuditEntry, RequestLogEntry


class RequestLogRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, entry: RequestLogEntry | AccessAuditEntry) -> None:
        self.session.add(entry)
        await self.session.flush()
