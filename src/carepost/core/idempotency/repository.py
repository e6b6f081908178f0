"""SQL for idempotency records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.db import upsert_insert
from carepost.core.models import IdempotencyRecord


class IdempotencyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def claim(self, *, now: datetime, values: dict[str, Any]) -> bool:
        """Insert the record, or take over one that has expired (or that an earlier
        version left in flight); False if the key holds a live response.

        One statement: on PostgreSQL a concurrent claim of the same key waits
        here until the first transaction ends."""
        insert = upsert_insert(self.session, IdempotencyRecord).values(**values, response_status=None, response_body=None)
        statement = insert.on_conflict_do_update(
            index_elements=["account_id", "key"],
            set_={name: insert.excluded[name] for name in (*values, "response_status", "response_body") if name not in ("account_id", "key")},
            where=(IdempotencyRecord.expires_at <= now) | (IdempotencyRecord.state != "completed"),
        ).returning(IdempotencyRecord.id)
        return (await self.session.execute(statement)).first() is not None

    async def get(self, *, account_id: int, key: str) -> IdempotencyRecord | None:
        return await self.session.scalar(
            select(IdempotencyRecord).where(IdempotencyRecord.account_id == account_id, IdempotencyRecord.key == key)
        )

    async def complete(self, *, account_id: int, key: str, api_key_id: int, status: int, body: dict[str, Any]) -> None:
        await self.session.execute(
            update(IdempotencyRecord)
            .where(
                IdempotencyRecord.account_id == account_id,
                IdempotencyRecord.key == key,
                IdempotencyRecord.api_key_id == api_key_id,
            )
            .values(state="completed", response_status=status, response_body=body)
        )

    async def purge_expired(self, *, now: datetime) -> int:
        result = await self.session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= now))
        return result.rowcount
