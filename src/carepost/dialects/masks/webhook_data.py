"""A masks order in its webhook events: the status object of `GET /orders/{id}/status`."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.manufacturing.views import MaskOrderView, view_of
from carepost.core.models import Order
from carepost.dialects.masks import mapping


async def order_data(session: AsyncSession, order: Order, view: MaskOrderView | None) -> dict[str, Any]:
    return mapping.status(view or await view_of(session, order))
