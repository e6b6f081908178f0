"""The request boundary around an idempotent POST: claim the key, do the work
and store its response, in one transaction (see core.idempotency.service)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.idempotency import service as idempotency
from carepost.core.idempotency.service import IdempotentRequest, StoredResponse
from carepost.core.kit.db import Database

Work = Callable[[AsyncSession], Awaitable[StoredResponse]]


@dataclass(frozen=True)
class Outcome:
    status: int
    body: dict[str, Any]
    replayed: bool


async def respond_once(db: Database, request: IdempotentRequest | None, *, ttl: timedelta, work: Work) -> Outcome:
    async with db.transaction() as session:
        if request is not None:
            stored = await idempotency.claim(session, request, ttl=ttl)
            if stored is not None:
                return Outcome(stored.status, stored.body, replayed=True)
        response = await work(session)
        if request is not None:
            await idempotency.complete(session, request, response)
    return Outcome(response.status, response.body, replayed=False)
