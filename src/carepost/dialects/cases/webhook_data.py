"""A cases order in its webhook events: the order as the case shows it (`GET /api/v1/cases/{caseId}`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.cases.cases import CaseOrderView, order_view
from carepost.core.models import Order
from carepost.dialects.cases import mapping


async def order_data(session: AsyncSession, order: Order, view: CaseOrderView | None) -> dict[str, Any]:
    if view is None:
        view = await order_view(session, order)
    return {"caseId": order.attributes.get("case_id"), **mapping.order(view)}
