"""Test helpers, Stripe-style, one rule for every flow: a test key moves its own test orders
through each step of their lifecycle — the happy ones and the unhappy ones — as the supplier
(or its pipeline) would, and each move fires its webhooks. A live key is refused; an order
of another account or mode is never found (each dialect looks it up in the caller's scope).
Each dialect exposes it at its own path, in its own error words (docs/sandbox.md)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.flows.inputs import ActionInput
from carepost.core.flows.registry import flow_of
from carepost.core.kit.errors import Forbidden, InvalidInput, NotFound
from carepost.core.models import Order
from carepost.core.orders import events
from carepost.core.orders.transitions import transition

TEST_KEYS_ONLY = "Test helpers work only with test keys, on test orders."


def require_test_key(caller: Caller) -> None:
    caller.require_write()
    if not caller.is_test:
        raise Forbidden(TEST_KEYS_ONLY, code="test_mode_only")


async def move_test_order(session: AsyncSession, *, caller: Caller, order: Order | None, action: str, given: ActionInput) -> Order:
    """`order` as the dialect found it in the caller's scope (None: not found), locked."""
    require_test_key(caller)
    if order is None:
        raise NotFound("Order not found.", code="order_not_found")
    spec = flow_of(order.flow)
    if action not in spec.sandbox_actions:
        raise InvalidInput(f"action must be one of {', '.join(spec.sandbox_actions)}.", code="unknown_action", field="action")
    return await transition(session, order=order, action=action, actor=events.api_key_actor(caller.api_key_id), given=given)
