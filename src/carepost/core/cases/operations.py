"""What an operator's moves do to a prescription order besides moving it (core/cases/flow.py
declares them): retry a failed pipeline step, cancel, and record an http pharmacy's progress
by hand (accept, reject, fill, ship with its tracking, deliver)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.cases.repository import CaseRepository
from carepost.core.flows.inputs import ActionInput
from carepost.core.flows.spec import Ports
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import CaseOrder, Order


async def pipeline_orders(session: AsyncSession, *, status: str | None, limit: int) -> list[dict[str, Any]]:
    """Every organization's prescription orders, newest first (a failed one shows why)."""
    found = await CaseRepository(session).pipeline(status=status, limit=limit)
    return [
        {
            "order_id": order.public_id, "case_id": case.public_id, "account_id": order.account_id, "mode": order.mode,
            "status": order.status, "failure": details.failure, "pharmacy_reference": details.pharmacy_reference,
            "placed_at": order.placed_at.isoformat(), "updated_at": order.updated_at.isoformat(),
        }
        for order, details, case in found
    ]


FAILURE_LENGTH = 1000


async def with_reason(session: AsyncSession, order: Order, given: ActionInput, _: Ports) -> dict[str, Any]:
    return {"reason": given.reason} if given.reason else {}


async def record_failure(session: AsyncSession, order: Order, given: ActionInput, ports: Ports) -> dict[str, Any]:
    """A pharmacy's refusal or a failed step: its reason is the order's `failure`, and rides on the event."""
    if not given.reason:
        return {}
    details = await session.get(CaseOrder, order.id)
    assert details is not None  # every cases order has its details
    details.failure = given.reason[:FAILURE_LENGTH]
    return {"reason": details.failure}


async def cancel(session: AsyncSession, order: Order, given: ActionInput, ports: Ports) -> dict[str, Any]:
    order.cancelled_at = utcnow()
    return await with_reason(session, order, given, ports)


async def ship(session: AsyncSession, order: Order, given: ActionInput, _: Ports) -> dict[str, Any]:
    if not (given.carrier and given.tracking_number):
        raise InvalidInput("Shipping needs carrier and tracking_number.", field="tracking_number")
    tracking = {"carrier": given.carrier, "trackingNumber": given.tracking_number}
    order.attributes = {**order.attributes, "tracking": tracking}
    return {"tracking": tracking}
