"""Recording what happened to an order: a timeline row, and the same event on
the outbox for whoever subscribes (webhooks, e-mail), in one transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.clock import utcnow
from carepost.core.models import Order, OrderEvent
from carepost.core.orders.repository import OrderRepository
from carepost.core.outbox.writer import publish
from carepost.core.webhooks.publishing import publish_order_event

# The order's view in its flow (what its partners' API renders) once an event is
# recorded, built by a caller that holds what it takes: see `record`.
ViewAfter = Callable[[OrderEvent], Awaitable[Any]]


async def record(
    session: AsyncSession, order: Order, *, name: str, actor: str, data: dict[str, Any] | None = None,
    view_after: ViewAfter | None = None,
) -> OrderEvent:
    """`name` is past tense (`placed`, `cancelled`); the outbox topic is `order.<name>`,
    and the webhook event (core/webhooks/publishing.py) is made here too, in this transaction.

    The webhook event's data is the order as its flow's API shows it after the event:
    `view_after(event)` builds that view from what the caller holds (placing an order
    wrote all of it), else the flow's renderer reads the order anew.

    Event data and outbox payloads carry ids and states only, never patient data.
    """
    data = data or {}
    now = utcnow()
    if session.new:  # the event's row points at the order: the order's must be written first
        await session.flush()
    event = OrderEvent(account_id=order.account_id, order_id=order.id, name=name, actor=actor, data=data, occurred_at=now)
    await OrderRepository(session).add_event(event)
    await publish(
        session,
        topic=f"order.{name}",
        account_id=order.account_id,
        payload={
            "order_id": order.public_id,
            "dialect": order.dialect,
            "flow": order.flow,
            "mode": order.mode,
            "status": order.status,
            "occurred_at": now.isoformat(),
            **data,
        },
    )
    view = await view_after(event) if view_after is not None else None
    await publish_order_event(session, order, event_name=name, source=f"order-event:{event.id}", view=view)
    return event


_API_KEY_ACTOR = "api_key:"


def api_key_actor(api_key_id: int) -> str:
    return f"{_API_KEY_ACTOR}{api_key_id}"


def api_key_of(actor: str) -> int | None:
    """The API key an event's actor names (`api_key_actor`'s inverse), or None for any other actor."""
    key_id = actor.removeprefix(_API_KEY_ACTOR)
    return int(key_id) if key_id != actor and key_id.isdigit() else None


async def timeline(session: AsyncSession, order: Order) -> list[OrderEvent]:
    return await OrderRepository(session).events(account_id=order.account_id, order_id=order.id)
