"""SQL for retention: one bounded batch of a table's expired rows at a time."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.ext.asyncio import AsyncSession


class RetentionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def forget_batch(self, model: Any, expired: ColumnElement[bool], *, limit: int) -> int:
        """Up to `limit` expired rows, gone; how many. Rows another worker is forgetting now are
        passed by (SKIP LOCKED on PostgreSQL; SQLite has one writer at a time)."""
        query = select(model.id).where(expired).order_by(model.id).limit(limit).with_for_update(skip_locked=True)
        ids = list(await self.session.scalars(query))
        if ids:
            await self.session.execute(delete(model).where(model.id.in_(ids)))
        return len(ids)
