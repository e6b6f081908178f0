"""An operator's moves on any order, whatever its flow: which ones its lifecycle allows
now, and making one through that flow's own operations (the factory, fulfilment, the
pharmacy, the cases pipeline). The rules stay in those modules and their tables; this
only routes to them, for the console as the operator API's paths do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.cases import operations as cases
from carepost.core.commerce.port import CommercePort
from carepost.core.invoicing.requesting import FAILED as INVOICE_FAILED
from carepost.core.kit.errors import Conflict
from carepost.core.logistics import operations as logistics
from carepost.core.manufacturing import factory
from carepost.core.models import Order
from carepost.core.orders.lifecycle import PAYMENT, Flow, lifecycle_for
from carepost.core.retail import operations as retail
from carepost.core.retail.reading import get_order as retail_order

# What operators may do in each flow; the rest of a table is the partner's (a masks
# `cancel`) or the pipeline's own (a cases `fail`, `send_to_pharmacy`).
_OPERATOR_ACTIONS: dict[Flow, tuple[str, ...]] = {
    Flow.MADE_TO_MEASURE: factory.ACTIONS,
    Flow.RETAIL: retail.ORDER_ACTIONS,
    Flow.PRESCRIPTION: cases.ACTIONS,
}


@dataclass(frozen=True)
class OperatorInput:
    """Whatever an operator typed for an action; each flow's operation takes what it needs."""

    note: str | None = None
    reason: str | None = None
    carrier: str | None = None
    tracking_number: str | None = None
    shipped_date: date | None = None
    tracking_numbers: tuple[tuple[str, str], ...] = ()  # devices: (carrier, value)
    device_ids: tuple[int, ...] = ()  # devices: to pack first


async def allowed(session: AsyncSession, order: Order) -> tuple[str, ...]:
    """The actions an operator may take on this order now, as its tables say."""
    flow = Flow(order.flow)
    if flow == Flow.LOGISTICS:  # its contents rule some moves out too
        return await logistics.possible(session, order)
    actions = tuple(a for a in lifecycle_for(flow).actions_from(order.status) if a in _OPERATOR_ACTIONS[flow])
    if flow != Flow.RETAIL:
        return actions
    view = await retail_order(session, scope=Scope(order.account_id, order.mode), order_id=order.id)
    payment = tuple(a for a in PAYMENT.actions_from(view.retail.payment_status) if a in retail.PAYMENT_ACTIONS)
    invoice = retail.INVOICE_ACTIONS if view.invoice is not None and view.invoice.status == INVOICE_FAILED else ()
    return actions + payment + invoice


async def perform(
    session: AsyncSession, *, order: Order, action: str, given: OperatorInput, actor: str, commerce: CommercePort | None
) -> None:
    """Make the move through the order's own flow; it refuses what its table or rules refuse."""
    if action not in await allowed(session, order):
        raise Conflict(f"An order in status {order.status} can't {action}.", code="transition_not_allowed")
    flow = Flow(order.flow)
    if flow == Flow.MADE_TO_MEASURE:
        step = factory.StepInput(note=given.note, carrier=given.carrier, tracking_number=given.tracking_number, shipped_date=given.shipped_date)
        await factory.advance(session, order=order, action=action, actor=actor, step_input=step, commerce=commerce)
    elif flow == Flow.LOGISTICS:
        moves = logistics.ActionInput(device_ids=given.device_ids, tracking_numbers=given.tracking_numbers, note=given.note)
        await logistics.advance(session, order=order, action=action, actor=actor, action_input=moves)
    elif flow == Flow.RETAIL:
        moves_retail = retail.RetailActionInput(carrier=given.carrier, tracking_number=given.tracking_number, reason=given.reason, note=given.note)
        await retail.advance(session, order=order, action=action, actor=actor, action_input=moves_retail)
    else:
        moves_case = cases.CaseActionInput(carrier=given.carrier, tracking_number=given.tracking_number, reason=given.reason, note=given.note)
        await cases.advance(session, order=order, action=action, actor=actor, action_input=moves_case)
