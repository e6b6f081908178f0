"""The request boundary around an idempotent POST.

Three transactions, in this order and never nested (SQLite has one writer, and
a nested write would wait on itself): claim the key and commit, so duplicates
see it; do the work and store its response in one transaction; and if the
work failed, release the key so the client may retry.
"""

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
    if request is None:
        async with db.transaction() as session:
            response = await work(session)
        return Outcome(response.status, response.body, replayed=False)

    async with db.transaction() as session:
        stored = await idempotency.claim(session, request, ttl=ttl)
    if stored is not None:
        return Outcome(stored.status, stored.body, replayed=True)
    try:
        async with db.transaction() as session:
            response = await work(session)
            await idempotency.complete(session, request, response)
    except BaseException:
        async with db.transaction() as session:
            await idempotency.release(session, request)
        raise
    return Outcome(response.status, response.body, replayed=False)
