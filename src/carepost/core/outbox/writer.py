"""Publishing an effect: a row in the same transaction as the change that causes it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.clock import utcnow
from carepost.core.outbox.repository import OutboxRepository


async def publish(
    session: AsyncSession, *, topic: str, payload: dict[str, Any], account_id: int | None, delay: timedelta = timedelta(0)
) -> None:
    """Queue `payload` for the `topic` handlers; delivered by the worker after commit, `delay` later."""
    await OutboxRepository(session).append(topic=topic, payload=payload, account_id=account_id, now=utcnow(), delay=delay)
