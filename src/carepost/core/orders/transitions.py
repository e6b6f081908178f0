"""The one way an order moves: `transition` checks the move against its flow's table,
runs the action's own effect, sets the new state and records the event — for every flow,
whoever asks (an operator, a partner's sandbox helper, the cases pipeline).

What differs between flows is declared with the flow (core/<flow>/flow.py): the effects
(stock for devices, the factory's steps, the pharmacy's invoice, the cases pipeline), a
second table (a retail order's payment), and what is offered to an operator when.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.flows.inputs import ActionInput
from carepost.core.flows.registry import flow_of
from carepost.core.flows.spec import STATUS, Action, FlowSpec, Ports
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Conflict
from carepost.core.models import Order
from carepost.core.orders import events
from carepost.core.orders.lifecycle import Lifecycle

REFUSED = "transition_not_allowed"  # the one refusal code of a move its table does not allow


class TransitionRefused(Conflict):
    def __init__(self, state: str | None, action: str) -> None:
        super().__init__(f"An order in status {state} can't {action}.", code=REFUSED, state=state)
        self.state, self.action = state, action


async def transition(
    session: AsyncSession,
    *,
    order: Order,
    action: str,
    actor: str,
    given: ActionInput = ActionInput(),
    data: dict[str, Any] | None = None,
    ports: Ports = Ports(),
) -> Order:
    """Apply `action` to `order` (locked by the caller), or raise: InvalidInput for an action its
    flow does not have, TransitionRefused for one its table does not allow now, or the
    effect's own refusal. The action is always the order's own flow's: there is no other
    flow to confuse it with. `data` joins what the effect records on the event."""
    spec = flow_of(order.flow)
    ports = replace(ports, actor=actor)
    move = spec.action(action)
    table, state = await _state(session, spec, move, order)
    if table is not None and not table.allows(state, action):
        raise TransitionRefused(state, action)
    recorded = dict(data or {})
    if move.effect is not None:
        recorded |= await move.effect(session, order, given, ports) or {}
    if given.note and move.event:
        recorded["note"] = given.note
    if table is not None:
        await _write(session, spec, move, order, state, table.next(state, action))
    order.updated_at = utcnow()
    if move.event:
        await events.record(session, order, name=move.event, actor=actor, data=recorded or None)
    if move.after is not None:
        await move.after(session, order, given, ports)
    return order


async def offered(session: AsyncSession, order: Order) -> tuple[str, ...]:
    """What an operator may do with this order now: its tables' moves, less those a flow's own
    rule (the order's contents, a failed invoice) does not offer."""
    spec = flow_of(order.flow)
    found = []
    for move in spec.operator_actions:
        table, state = await _state(session, spec, move, order)
        if table is not None and not table.allows(state, move.name):
            continue
        if move.offered_when is not None and not await move.offered_when(session, order):
            continue
        found.append(move.name)
    return tuple(found)


async def _state(session: AsyncSession, spec: FlowSpec, move: Action, order: Order) -> tuple[Lifecycle | None, str]:
    if move.track == STATUS:
        return spec.lifecycle, order.status
    if move.track is None:
        return None, order.status
    return move.track.lifecycle, await move.track.read(session, order)


async def _write(session: AsyncSession, spec: FlowSpec, move: Action, order: Order, old: str, new: str) -> None:
    if move.track == STATUS:
        if spec.on_moved is not None:
            await spec.on_moved(session, order, old, new)
        order.status = new
    elif move.track is not None:
        await move.track.write(session, order, new)
