"""A pharmacy order in its webhook events: the detail object of `GET /api/orders/{id}/`."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.models import Order
from carepost.core.retail.reading import RetailOrderView, get_order
from carepost.dialects.pharmacy import mapping


async def order_data(session: AsyncSession, order: Order, view: RetailOrderView | None) -> dict[str, Any]:
    if view is None:
        view = await get_order(session, scope=Scope(order.account_id, order.mode), order_id=order.id)
    return mapping.detail(view)
