"""The request log: every partner call, test and live, with no patient data in it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.audit.repository import RequestLogRepository, add_access
from carepost.core.kit.clock import utcnow
from carepost.core.kit.lean import Runner
from carepost.core.kit.paging import Page, PageRequest
from carepost.core.models import RequestLogEntry


@dataclass(frozen=True)
class CallRecord:
    request_id: str
    method: str
    route: str
    status_code: int
    duration_ms: int
    dialect: str | None
    account_id: int | None
    api_key_id: int | None
    mode: str | None
    at: datetime


async def record_calls(session: AsyncSession, calls: Sequence[CallRecord]) -> None:
    """Write a batch of request-log rows in one statement."""
    await RequestLogRepository(session).add_calls(
        [
            {
                "request_id": call.request_id,
                "method": call.method,
                "route": call.route[:200],
                "status_code": call.status_code,
                "duration_ms": call.duration_ms,
                "dialect": call.dialect,
                "account_id": call.account_id,
                "api_key_id": call.api_key_id,
                "mode": call.mode,
                "created_at": call.at,
            }
            for call in calls
        ]
    )


async def record_access(on: Runner, *, account_id: int, api_key_id: int, order_id: int, action: str, request_id: str) -> None:
    """An audit row for a read of an order's data, in the reading request's transaction (a
    session's, or a bare connection's: Database.lean_transaction)."""
    await add_access(
        on, account_id=account_id, api_key_id=api_key_id, order_id=order_id, action=action, request_id=request_id,
        created_at=utcnow(),
    )


async def calls_of_key(session: AsyncSession, *, account_id: int, api_key_id: int, request: PageRequest) -> Page[RequestLogEntry]:
    """A key's request log, like Stripe's: method, route, status, latency, request id (no patient data)."""
    rows, total = await RequestLogRepository(session).calls_of_key(
        account_id=account_id, api_key_id=api_key_id, offset=request.offset, limit=request.size
    )
    return Page(rows, request, total)
