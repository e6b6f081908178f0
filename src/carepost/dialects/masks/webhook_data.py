"""A masks order in its webhook events: the status object of `GET /orders/{id}/status`."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.manufacturing.views import view_of
from carepost.core.models import Order
from carepost.dialects.masks import mapping


async def order_data(session: AsyncSession, order: Order) -> dict[str, Any]:
    return mapping.status(await view_of(session, order))
