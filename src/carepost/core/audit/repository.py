"""SQL for the request log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, insert
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.lean import LeanStatement
from carepost.core.models import AccessAuditEntry, RequestLogEntry

_AUDITED_COLUMNS = ("account_id", "api_key_id", "order_id", "action", "request_id", "created_at")
# Every status and detail read writes one (lean.py: no unit-of-work flush for a row nobody reads back).
_ADD_ACCESS = LeanStatement(
    insert(AccessAuditEntry).values({name: bindparam(name) for name in _AUDITED_COLUMNS})
)


class RequestLogRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_calls(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            await self.session.execute(insert(RequestLogEntry), rows)

    async def add_access(self, entry: AccessAuditEntry) -> None:
        await _ADD_ACCESS.rows(self.session, **{name: getattr(entry, name) for name in _AUDITED_COLUMNS})
