"""An operator's moves on a prescription order (operator API and CLI): retry a failed
pipeline step, cancel, and record an http pharmacy's progress by hand (accept, reject,
fill, ship with its tracking, deliver). Each is checked by the lifecycle table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.cases.access import DIALECT
from carepost.core.cases.repository import CaseRepository
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Conflict, InvalidInput
from carepost.core.models import Order
from carepost.core.orders import events
from carepost.core.orders.lifecycle import PRESCRIPTION, TransitionNotAllowed

EVENT_NAMES = {
    "retry": "retried", "cancel": "cancelled", "accept": "accepted", "reject": "rejected", "fill": "filled",
    "ship": "shipped", "deliver": "delivered",
}
ACTIONS = tuple(EVENT_NAMES)


@dataclass(frozen=True)
class CaseActionInput:
    carrier: str | None = None  # ship
    tracking_number: str | None = None
    reason: str | None = None  # reject, cancel
    note: str | None = None


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


async def advance(session: AsyncSession, *, order: Order, action: str, actor: str, action_input: CaseActionInput) -> Order:
    if order.dialect != DIALECT:
        raise Conflict("This is not a cases order.", code="wrong_flow")
    if action not in ACTIONS:
        raise InvalidInput(f"action must be one of {', '.join(ACTIONS)}.", code="unknown_action", field="action")
    try:
        order.status = PRESCRIPTION.next(order.status, action)
    except TransitionNotAllowed:
        raise Conflict(f"An order in status {order.status} can't {action}.", code="transition_not_allowed") from None
    data: dict[str, Any] = {k: v for k, v in (("reason", action_input.reason), ("note", action_input.note)) if v}
    if action == "ship":
        if not (action_input.carrier and action_input.tracking_number):
            raise InvalidInput("Shipping needs carrier and tracking_number.", field="tracking_number")
        data["tracking"] = {"carrier": action_input.carrier, "trackingNumber": action_input.tracking_number}
        order.attributes = {**order.attributes, "tracking": data["tracking"]}
    if action == "cancel":
        order.cancelled_at = utcnow()
    order.updated_at = utcnow()
    await events.record(session, order, name=EVENT_NAMES[action], actor=actor, data=data or None)
    return order
