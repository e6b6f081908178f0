"""Turning a change into a webhook event: rendered once, with a stable id, and queued
for every enabled endpoint of the account and mode that wants its type.

An order event becomes its webhook event in the very transaction that records the
change (core/orders/events.py): the event and its deliveries commit with the change
or not at all, and `data` is the order as it was at that moment — a snapshot, as
its flow's own API showed it then. The deliveries are the webhooks' outbox: the
worker sends them after commit (dispatch.py). Every order event is recorded, with or
without an endpoint that wants it: the events API lists them (event_log.py), for a
partner who missed deliveries or a `carepost listen` that follows them.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.flows.registry import flow_of
from carepost.core.flows.spec import FlowSpec
from carepost.core.kit import trace_context
from carepost.core.kit.clock import utcnow
from carepost.core.models import Order, WebhookDelivery, WebhookEndpoint, WebhookEvent
from carepost.core.webhooks import types
from carepost.core.webhooks.repository import PENDING, WebhookRepository

# How a flow shows one of its orders to its partners: the masks status object, the
# devices order object, the pharmacy detail object (each dialect's webhook_data.py).
# Registered with each dialect (carepost/flows.py): the core knows none. Its third
# argument is the flow's own view of the order when the caller holds one (placing an
# order builds it from what it wrote), else None: the renderer reads the order anew.
OrderRenderer = Callable[[AsyncSession, Order, Any], Awaitable[dict[str, Any]]]
_RENDERERS: dict[str, OrderRenderer] = {}


def register_renderer(dialect: str, renderer: OrderRenderer) -> None:
    _RENDERERS[dialect] = renderer


def unregister_renderer(dialect: str) -> None:
    _RENDERERS.pop(dialect, None)


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
    targets: list[WebhookEndpoint] | None = None,
    at: datetime | None = None,
) -> WebhookEvent | None:
    """Make the event and its deliveries (to `targets`, else to every endpoint that wants it);
    None if `source` made one already."""
    now = at or utcnow()
    payload = {"type": event_type, "timestamp": now.isoformat().replace("+00:00", "Z"), **(extra or {}), "data": data}
    repository = WebhookRepository(session)
    event = await repository.add_event(
        WebhookEvent(
            public_id=new_message_id(), account_id=account_id, mode=mode, type=event_type, order_id=order_id,
            source=source, payload=payload, created_at=now, trace_context=trace_context.current(),
        )
    )
    if event is None:
        return None
    if targets is None:
        targets = await _subscribers(session, account_id, mode, event_type)
    for endpoint in targets:
        await repository.add(
            WebhookDelivery(
                event_id=event.id, endpoint_id=endpoint.id, account_id=account_id, sequence_key=sequence_key,
                status=PENDING, attempts=0, next_attempt_at=now, created_at=now,
            )
        )
    return event


async def publish_order_event(
    session: AsyncSession, order: Order, *, event_name: str, source: str, view: Any = None
) -> WebhookEvent | None:
    """An order event, to the endpoints that want it, with the order as it is now: rendered
    from `view` (its flow's view of the order) when given, else read anew."""
    flow = flow_of(order.flow)
    event_type = type_for(event_name, flow)
    if event_type is None:
        return None
    if view is None:
        await session.flush()  # the renderer reads what this transaction changed
    return await publish(
        session, source=source, account_id=order.account_id, mode=order.mode, event_type=event_type,
        data=await _renderer(order)(session, order, view), order_id=order.id, sequence_key=order.public_id,
        extra={"change": flow.webhook_change.get(event_name, event_name), "flow": order.dialect},
    )


def type_for(event_name: str, flow: FlowSpec) -> str | None:
    """The webhook type of an order event, or None when partners are not told."""
    if types.silent(event_name):
        return None
    if flow.webhook_types is not None:
        return flow.webhook_types(event_name)
    declared = next((a.webhook for a in flow.actions if a.event == event_name and a.webhook), None)
    return declared or types.common_type(event_name)


def _renderer(order: Order) -> OrderRenderer:
    try:
        return _RENDERERS[order.dialect]
    except KeyError:
        raise LookupError(f"No webhook renderer for dialect {order.dialect!r}: register it in carepost/flows.py.") from None


async def partner_view(session: AsyncSession, order: Order) -> dict[str, Any] | None:
    """The order as its partner sees it now, through its flow's own API."""
    return await _renderer(order)(session, order, None)


async def _subscribers(session: AsyncSession, account_id: int, mode: str, event_type: str) -> list[WebhookEndpoint]:
    if event_type == types.WEBHOOK_TEST:
        return []
    repository = WebhookRepository(session)
    wanting = {endpoint_id for endpoint_id, wanted in await repository.enabled_event_types(account_id, mode) if types.wanted(event_type, wanted)}
    if not wanting:
        return []
    endpoints = await repository.by_ids(WebhookEndpoint, wanting)
    return [endpoints[endpoint_id] for endpoint_id in sorted(wanting)]
