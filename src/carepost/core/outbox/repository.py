"""SQL for the outbox: append in the caller's transaction, claim, settle."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit import trace_context
from carepost.core.kit.lean import LeanStatement
from carepost.core.models import OutboxMessage

# Every change appends one (lean.py): nothing reads it back in the writing transaction.
_APPEND = LeanStatement(
    insert(OutboxMessage).values(
        {name: bindparam(name) for name in ("account_id", "topic", "payload", "created_at", "available_at", "attempts", "trace_context")}
    )
)


class OutboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def append(
        self, *, topic: str, payload: dict[str, Any], account_id: int | None, now: datetime, delay: timedelta = timedelta(0)
    ) -> None:
        await _APPEND.rows(
            self.session, account_id=account_id, topic=topic, payload=payload, created_at=now, available_at=now + delay, attempts=0,
            trace_context=trace_context.current(),
        )

    async def claim(self, *, worker_id: str, now: datetime, lease_until: datetime, limit: int) -> list[OutboxMessage]:
        """Take up to `limit` due messages for this worker until `lease_until`.

        On PostgreSQL, SKIP LOCKED lets many workers claim side by side without
        taking the same row; on SQLite the transaction's BEGIN IMMEDIATE already
        makes claims one at a time. A worker that dies loses its lease when it
        runs out, and the message is claimed again (at-least-once delivery).
        """
        due = (
            select(OutboxMessage)
            .where(OutboxMessage.delivered_at.is_(None), OutboxMessage.available_at <= now)
            .order_by(OutboxMessage.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        messages = list(await self.session.scalars(due))
        for message in messages:
            message.claimed_by = worker_id
            message.available_at = lease_until
            message.attempts += 1
        await self.session.flush()
        return messages

    async def extend_lease(self, message_ids: list[int], *, worker_id: str, lease_until: datetime) -> None:
        """Keep this worker's claim on messages it has not settled yet."""
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(message_ids), OutboxMessage.claimed_by == worker_id, OutboxMessage.delivered_at.is_(None))
            .values(available_at=lease_until)
        )

    async def release(self, message_ids: list[int], *, worker_id: str, now: datetime) -> None:
        """Hand back messages this worker claimed but will not deliver: due again at once."""
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(message_ids), OutboxMessage.claimed_by == worker_id, OutboxMessage.delivered_at.is_(None))
            .values(available_at=now, claimed_by=None)
        )

    async def mark_delivered(self, message_ids: list[int], *, worker_id: str, now: datetime) -> None:
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(message_ids), OutboxMessage.claimed_by == worker_id)
            .values(delivered_at=now, last_error=None)
        )

    async def mark_failed(self, message_id: int, *, worker_id: str, retry_at: datetime, error: str) -> None:
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.claimed_by == worker_id)
            .values(available_at=retry_at, last_error=error[:2000])
        )

    async def backlog(self) -> tuple[int, datetime | None]:
        """How many messages wait for delivery, and when the oldest of them was written."""
        query = select(func.count(), func.min(OutboxMessage.created_at)).where(OutboxMessage.delivered_at.is_(None))
        count, oldest = (await self.session.execute(query)).one()
        return count, oldest  # min() keeps the column's type: aware UTC on both databases
