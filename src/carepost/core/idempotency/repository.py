"""SQL for idempotency records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.db import insert_for
from carepost.core.kit.lean import LeanStatement
from carepost.core.models import IdempotencyRecord

_CLAIMED = ("account_id", "key", "api_key_id", "endpoint", "fingerprint", "state", "locked_at", "expires_at")


def _claim(dialect_name: str) -> Any:
    insert = insert_for(dialect_name, IdempotencyRecord).values(
        {**{name: bindparam(name) for name in _CLAIMED}, "response_status": None, "response_body": None}
    )
    return insert.on_conflict_do_update(
        index_elements=["account_id", "key"],
        set_={name: insert.excluded[name] for name in (*_CLAIMED, "response_status", "response_body") if name not in ("account_id", "key")},
        where=(IdempotencyRecord.expires_at <= bindparam("now")) | (IdempotencyRecord.state != "completed"),
    ).returning(IdempotencyRecord.id)


# Every idempotent POST claims, then completes (lean.py).
_CLAIM = LeanStatement(_claim)
_COMPLETE = LeanStatement(
    update(IdempotencyRecord)
    .where(
        IdempotencyRecord.account_id == bindparam("account_id"),
        IdempotencyRecord.key == bindparam("key"),
        IdempotencyRecord.api_key_id == bindparam("api_key_id"),
    )
    .values(state="completed", response_status=bindparam("status"), response_body=bindparam("body"))
)


class IdempotencyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def claim(self, *, now: datetime, values: dict[str, Any]) -> bool:
        """Insert the record, or take over one that has expired (or that an earlier
        version left in flight); False if the key holds a live response.

        One statement: on PostgreSQL a concurrent claim of the same key waits
        here until the first transaction ends."""
        return bool(await _CLAIM.rows(self.session, now=now, **values))

    async def get(self, *, account_id: int, key: str) -> IdempotencyRecord | None:
        return await self.session.scalar(
            select(IdempotencyRecord).where(IdempotencyRecord.account_id == account_id, IdempotencyRecord.key == key)
        )

    async def complete(self, *, account_id: int, key: str, api_key_id: int, status: int, body: dict[str, Any]) -> None:
        await _COMPLETE.rows(self.session, account_id=account_id, key=key, api_key_id=api_key_id, status=status, body=body)
