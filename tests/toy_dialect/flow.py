"""The core half: the parcel flow's table, its actions with their inputs, and its effect."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.flows.inputs import CARRIER, ActionInput
from carepost.core.flows.spec import Action, FlowSpec, Ports
from carepost.core.models import Order
from carepost.core.orders import events
from carepost.core.orders.lifecycle import Lifecycle
from carepost.core.orders.new_order import new_order
from carepost.core.orders.repository import OrderRepository

DIALECT = "toy"

PARCEL = Lifecycle(
    flow="parcel",
    initial="new",
    transitions={("new", "prepare"): "ready", ("ready", "hand_over"): "handed_over", ("new", "cancel"): "cancelled"},
)


async def _hand_over(session: AsyncSession, order: Order, given: ActionInput, _: Ports) -> dict[str, Any]:
    order.attributes = {**order.attributes, "carrier": given.carrier}
    return {"carrier": given.carrier}


FLOW = FlowSpec(
    name=PARCEL.flow,
    dialect=DIALECT,
    title="Toy parcels",
    colour="#999999",
    lifecycle=PARCEL,
    actions=(
        Action("prepare", "Prepare the parcel", "prepared"),
        Action("hand_over", "Hand over to the carrier", "handed_over", (CARRIER,), effect=_hand_over),
        Action("cancel", "Cancel the parcel", "cancelled", destructive=True),
    ),
)


async def place(session: AsyncSession, *, caller: Caller, reference: str) -> Order:
    caller.require_dialect(DIALECT)
    caller.require_write()
    order = await OrderRepository(session).add(
        new_order(caller, dialect=DIALECT, lifecycle=PARCEL, recipient={}, shipping_address=None, attributes={"reference": reference}, warnings=[])
    )
    await events.record(session, order, name="placed", actor=events.api_key_actor(caller.api_key_id))
    return order
