"""Reading a customer's logistics orders: one by id, or a filtered page."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.kit.errors import NotFound
from carepost.core.kit.paging import Page, PageRequest
from carepost.core.logistics.repository import DIALECT, LogisticsRepository, OrderFilters
from carepost.core.logistics.views import LogisticsOrderView, order_views


async def get_order(session: AsyncSession, *, caller: Caller, order_id: int) -> LogisticsOrderView:
    """Another account's order, the other mode's, or a masks order: all simply not found."""
    caller.require_dialect(DIALECT)
    order = await LogisticsRepository(session).order(caller.scope, order_id)
    if order is None:
        raise NotFound("Order not found.", code="order_not_found")
    return (await order_views(session, caller.scope, [order]))[0]


async def list_orders(session: AsyncSession, *, caller: Caller, filters: OrderFilters, page: PageRequest) -> Page[LogisticsOrderView]:
    caller.require_dialect(DIALECT)
    found = await LogisticsRepository(session).order_page(caller.scope, filters, page)
    return Page(items=await order_views(session, caller.scope, found.items), request=page, total=found.total)
