"""The console's orders table: every flow's orders in one list, filtered, searched
and paged. Operators work for the supplier, so it spans every account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.paging import Page, PageRequest
from carepost.core.operators.repository import OperatorRepository

MAX_QUERY_LENGTH = 100


@dataclass(frozen=True)
class OrderFilter:
    flow: str | None = None  # masks, devices, pharmacy, cases
    status: str | None = None
    account: str | None = None  # the account's slug
    mode: str | None = "live"  # None: both
    placed_from: date | None = None
    placed_to: date | None = None  # inclusive
    query: str | None = None  # an order id (ORD_… or the number), an external id, or part of a patient's name

    @property
    def searched(self) -> bool:
        return bool(self.query)


@dataclass(frozen=True)
class OrderRow:
    public_id: str
    number: int
    flow: str
    status: str
    account_slug: str
    account_name: str
    mode: str
    placed_at: datetime
    recipient: str  # the patient's or site's name, as the order names it


async def find_orders(session: AsyncSession, filters: OrderFilter, request: PageRequest) -> Page[OrderRow]:
    query = (filters.query or "").strip()[:MAX_QUERY_LENGTH] or None
    rows, total = await OperatorRepository(session).order_page(
        flow=filters.flow, status=filters.status, account=filters.account, mode=filters.mode,
        placed_from=filters.placed_from, placed_to=filters.placed_to, query=query, offset=request.offset, limit=request.size,
    )
    return Page(items=[OrderRow(*row) for row in rows], request=request, total=total)
