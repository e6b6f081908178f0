"""SQL for the request log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.lean import LeanStatement, Runner
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

    async def calls_of_key(self, *, account_id: int, api_key_id: int, offset: int, limit: int) -> tuple[list[RequestLogEntry], int]:
        """One key's calls, newest first, and how many there are."""
        mine = (RequestLogEntry.account_id == account_id, RequestLogEntry.api_key_id == api_key_id)
        total = await self.session.scalar(select(func.count()).select_from(RequestLogEntry).where(*mine))
        rows = await self.session.scalars(select(RequestLogEntry).where(*mine).order_by(RequestLogEntry.id.desc()).offset(offset).limit(limit))
        return list(rows), total or 0


async def add_access(
    on: Runner, *, account_id: int, api_key_id: int, order_id: int, action: str, request_id: str, created_at: datetime
) -> None:
    """One access-audit row, on a session or a bare connection (lean.py)."""
    await _ADD_ACCESS.rows(
        on, account_id=account_id, api_key_id=api_key_id, order_id=order_id, action=action, request_id=request_id,
        created_at=created_at,
    )
