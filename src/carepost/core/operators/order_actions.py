"""An operator's moves on any order, whatever its flow — the console's, the operator API's
and the CLI's alike: which ones the order's flow offers now, and making one through the one
transition (core/orders/transitions.py). The rules stay with each flow (core/<flow>/flow.py)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.commerce.port import CommercePort
from carepost.core.flows.inputs import ActionInput
from carepost.core.flows.registry import flow_of
from carepost.core.flows.spec import Action, Ports
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Order
from carepost.core.orders.transitions import transition


def operator_action(order: Order, action: str) -> Action:
    """The flow's declaration of an action operators may take; the partner's own (a masks
    cancel) and the pipeline's (a cases fail) are not theirs."""
    spec = flow_of(order.flow)
    found = spec.action(action)
    if not found.by_operator:
        names = ", ".join(a.name for a in spec.operator_actions)
        raise InvalidInput(f"action must be one of {names}.", code="unknown_action", field="action")
    return found


async def perform(
    session: AsyncSession, *, order: Order, action: str, given: ActionInput, actor: str, commerce: CommercePort | None
) -> Order:
    """Make the move; the order's flow refuses what its table or its own rules refuse."""
    operator_action(order, action)
    return await transition(session, order=order, action=action, actor=actor, given=given, ports=Ports(commerce=commerce))


async def describe(session: AsyncSession, order: Order) -> str:
    """The order's status, and each other state its flow tracks ("approved, payment credit")."""
    tracks = [f"{track.name} {await track.read(session, order)}" for track in flow_of(order.flow).tracks]
    return ", ".join([order.status, *tracks])
