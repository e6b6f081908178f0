"""A devices order in its webhook events: the order object of `GET /api/v3/order/{id}`."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.logistics.views import LogisticsOrderView, order_views
from carepost.core.models import Order
from carepost.dialects.devices import mapping


async def order_data(session: AsyncSession, order: Order, view: LogisticsOrderView | None) -> dict[str, Any]:
    if view is None:
        [view] = await order_views(session, Scope(order.account_id, order.mode), [order])
    return mapping.order(view)
