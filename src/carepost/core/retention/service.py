"""Forgetting what the retention periods say (policies.py), in bounded batches: each batch is
its own short transaction, so no lock is held for long and several workers may sweep at once."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database
from carepost.core.retention.policies import KEPT, RetentionPeriods, policies
from carepost.core.retention.repository import RetentionRepository

BATCH = 1000


async def sweep(db: Database, periods: RetentionPeriods, *, batch: int = BATCH) -> dict[str, int]:
    """Every policy until nothing of it is left to forget: policy name -> rows forgotten."""
    forgotten: dict[str, int] = {}
    for policy in policies(periods):
        total = 0
        while True:
            async with db.transaction() as session:
                gone = await RetentionRepository(session).forget_batch(policy.model, policy.expired(utcnow()), limit=batch)
            total += gone
            if gone < batch:
                break
        forgotten[policy.name] = total
    return forgotten


async def table_sizes(session: AsyncSession) -> dict[str, int]:
    """Rows in each table retention bounds, and in those it keeps for good (for /metrics)."""
    return await RetentionRepository(session).row_counts([*(p.model for p in policies(RetentionPeriods())), *KEPT])
