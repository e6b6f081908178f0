"""SQL for idempotency records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.db import upsert_insert
from carepost.core.models import IdempotencyRecord


class IdempotencyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def drop_lapsed(self, *, account_id: int, key: str, now: datetime, stale_before: datetime) -> None:
        """Forget the key if it expired, or if its first request died in flight."""
        await self.session.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.account_id == account_id,
                IdempotencyRecord.key == key,
                or_(
                    IdempotencyRecord.expires_at <= now,
                    (IdempotencyRecord.state == "in_flight") & (IdempotencyRecord.locked_at <= stale_before),
                ),
            )
        )

    async def insert_if_absent(self, values: dict[str, Any]) -> bool:
        """Insert the in-flight record; False if the key is already taken."""
        statement = (
            upsert_insert(self.session, IdempotencyRecord)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["account_id", "key"])
            .returning(IdempotencyRecord.id)
        )
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

    async def release(self, *, account_id: int, key: str, api_key_id: int) -> None:
        await self.session.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.account_id == account_id,
                IdempotencyRecord.key == key,
                IdempotencyRecord.api_key_id == api_key_id,
                IdempotencyRecord.state == "in_flight",
            )
        )

    async def purge_expired(self, *, now: datetime) -> int:
        result = await self.session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= now))
        return result.rowcount
