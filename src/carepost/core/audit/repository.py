"""SQL for the request log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import AccessAuditEntry, RequestLogEntry


class RequestLogRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_calls(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            await self.session.execute(insert(RequestLogEntry), rows)

    async def add_access(self, entry: AccessAuditEntry) -> None:
        self.session.add(entry)
        await self.session.flush()
