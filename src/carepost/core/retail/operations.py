"""The pharmacy's own moves on a retail order (operator API and CLI): approve, build,
dispatch, deliver, cancel; record payments; retry a failed invoice. Each is checked by its lifecycle
table (orders/lifecycle.py RETAIL, PAYMENT) and recorded as an order event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.inventory.allocation import consume
from carepost.core.invoicing import requesting
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Conflict, InvalidInput
from carepost.core.models import Order
from carepost.core.orders import events
from carepost.core.orders.lifecycle import PAYMENT, RETAIL, Flow, Lifecycle, TransitionNotAllowed
from carepost.core.retail.changes import cancel_order
from carepost.core.retail.reading import RetailOrderView, get_order

ORDER_ACTIONS = ("approve", "start_building", "dispatch", "deliver", "cancel")
PAYMENT_ACTIONS = ("start_payment", "mark_paid", "reject_payment")
INVOICE_ACTIONS = ("retry_invoice",)  # issue a failed CFDI again, with the receiver it was asked with
ACTIONS = ORDER_ACTIONS + PAYMENT_ACTIONS + INVOICE_ACTIONS
EVENT_NAMES = {
    "approve": "approved",
    "start_building": "building_started",
    "dispatch": "dispatched",
    "deliver": "delivered",
    "start_payment": "payment_started",
    "mark_paid": "paid",
    "reject_payment": "payment_rejected",
}


@dataclass(frozen=True)
class RetailActionInput:
    carrier: str | None = None  # dispatch of a shipped order
    tracking_number: str | None = None
    reason: str | None = None  # reject_payment
    note: str | None = None


async def advance(session: AsyncSession, *, order: Order, action: str, actor: str, action_input: RetailActionInput) -> RetailOrderView:
    if order.flow != Flow.RETAIL:
        raise Conflict("This is not a retail order.", code="wrong_flow")
    if action not in ACTIONS:
        raise InvalidInput(f"action must be one of {', '.join(ACTIONS)}.", code="unknown_action", field="action")
    view = await get_order(session, scope=Scope(order.account_id, order.mode), order_id=order.id, lock=True)
    if action == "cancel":
        await cancel_order(session, view, actor=actor)
    elif action == "retry_invoice":
        await requesting.retry(session, order, actor=actor)
    elif action in ORDER_ACTIONS:
        order.status = _next(RETAIL, order.status, action)
        data = await _order_effect(session, view, action, action_input)
        await events.record(session, order, name=EVENT_NAMES[action], actor=actor, data=_with_note(data, action_input))
    else:
        view.retail.payment_status = _next(PAYMENT, view.retail.payment_status, action)
        data = _payment_effect(view, action, action_input)
        await events.record(session, order, name=EVENT_NAMES[action], actor=actor, data=_with_note(data, action_input))
    order.updated_at = utcnow()
    return await get_order(session, scope=Scope(order.account_id, order.mode), order_id=order.id)


def _next(lifecycle: Lifecycle, state: str, action: str) -> str:
    try:
        return lifecycle.next(state, action)
    except TransitionNotAllowed:
        raise Conflict(f"An order in status {state} can't {action}.", code="transition_not_allowed") from None


async def _order_effect(session: AsyncSession, view: RetailOrderView, action: str, action_input: RetailActionInput) -> dict[str, Any]:
    retail, order = view.retail, view.order
    if action == "dispatch":
        data: dict[str, Any] = {"pick_up": retail.store_id is not None}
        if retail.store_id is None:
            if not action_input.carrier or not action_input.tracking_number:
                raise InvalidInput("Dispatching a shipped order needs its carrier and tracking number.", field="tracking_number")
            order.attributes = {**order.attributes, "carrier": action_input.carrier, "tracking_number": action_input.tracking_number}
            data |= {"carrier": action_input.carrier, "tracking_number": action_input.tracking_number}
        await consume(session, order_id=order.id)  # the reserved units leave the shelf (test orders reserved none)
        retail.shipping_date = utcnow()
        return data
    if action == "deliver":
        retail.receiving_date = utcnow()
    return {}


def _payment_effect(view: RetailOrderView, action: str, action_input: RetailActionInput) -> dict[str, Any]:
    retail = view.retail
    if action == "mark_paid":
        retail.payment_date = utcnow()
    if action == "reject_payment":
        if not action_input.reason:
            raise InvalidInput("Rejecting a payment needs its reason.", field="reason")
        retail.rejection_reason = action_input.reason
        return {"reason": action_input.reason}
    return {}


def _with_note(data: dict[str, Any], action_input: RetailActionInput) -> dict[str, Any]:
    return {**data, "note": action_input.note} if action_input.note else data
