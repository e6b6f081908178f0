"""Turning a change into a webhook event: rendered once, with a stable id, and queued
for every enabled endpoint of the account and mode that wants its type.

The worker calls this when it relays an order event from the outbox (so the event
and the change it reports committed together); a repeat of that relay finds the
event already made (`source` is unique) and queues nothing twice.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.clock import utcnow
from carepost.core.models import Order, WebhookDelivery, WebhookEndpoint, WebhookEvent
from carepost.core.webhooks import types
from carepost.core.webhooks.repository import PENDING, WebhookRepository

# How a flow shows one of its orders to its partners: the masks status object, the
# devices order object, the pharmacy detail object (each dialect's webhook_data.py).
OrderRenderer = Callable[[AsyncSession, Order], Awaitable[dict[str, Any]]]


def new_message_id() -> str:
    return f"msg_{secrets.token_hex(12)}"


async def publish(
    session: AsyncSession,
    *,
    source: str,
    account_id: int,
    mode: str,
    event_type: str,
    data: dict[str, Any],
    order_id: int | None = None,
    sequence_key: str | None = None,
    extra: Mapping[str, Any] | None = None,
    only: WebhookEndpoint | None = None,
    at: datetime | None = None,
) -> WebhookEvent | None:
    """Make the event and its deliveries; None if `source` made one already."""
    now = at or utcnow()
    payload = {"type": event_type, "timestamp": now.isoformat().replace("+00:00", "Z"), **(extra or {}), "data": data}
    repository = WebhookRepository(session)
    event = await repository.add_event(
        WebhookEvent(
            public_id=new_message_id(), account_id=account_id, mode=mode, type=event_type, order_id=order_id,
            source=source, payload=payload, created_at=now,
        )
    )
    if event is None:
        return None
    targets = [only] if only is not None else await _subscribers(session, account_id, mode, event_type)
    for endpoint in targets:
        await repository.add(
            WebhookDelivery(
                event_id=event.id, endpoint_id=endpoint.id, account_id=account_id, sequence_key=sequence_key,
                status=PENDING, attempts=0, next_attempt_at=now, created_at=now,
            )
        )
    return event


async def publish_order_event(
    session: AsyncSession, *, source: str, event_name: str, order_public_id: str, renderers: Mapping[str, OrderRenderer]
) -> WebhookEvent | None:
    """An order event from the outbox, as its partners see it now."""
    event_type = types.type_for(event_name)
    order = await session.scalar(select(Order).where(Order.public_id == order_public_id))
    if event_type is None or order is None or order.dialect not in renderers:
        return None
    return await publish(
        session, source=source, account_id=order.account_id, mode=order.mode, event_type=event_type,
        data=await renderers[order.dialect](session, order), order_id=order.id, sequence_key=order.public_id,
        extra={"change": event_name, "flow": order.dialect},
    )


async def _subscribers(session: AsyncSession, account_id: int, mode: str, event_type: str) -> list[WebhookEndpoint]:
    if event_type == types.WEBHOOK_TEST:
        return []
    query = select(WebhookEndpoint).where(
        WebhookEndpoint.account_id == account_id, WebhookEndpoint.mode == mode, WebhookEndpoint.enabled.is_(True)
    )
    return [e for e in await session.scalars(query.order_by(WebhookEndpoint.id)) if types.wanted(event_type, e.event_types)]
