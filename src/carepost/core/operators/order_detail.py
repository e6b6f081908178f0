"""Everything an operator sees of one order, whatever its flow: the order as its partner
sees it (its flow's own wire object, the one its webhooks carry), its timeline, the webhook
deliveries of its events, its documents, and the moves its lifecycle allows now."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import account_by_id
from carepost.core.flows.documents import OrderDocument
from carepost.core.flows.registry import flow_of
from carepost.core.models import Account, Order, OrderEvent, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent
from carepost.core.operators.order_documents import documents_of
from carepost.core.operators.repository import OperatorRepository
from carepost.core.operators.service import order as order_by_reference
from carepost.core.orders import events
from carepost.core.orders.transitions import offered
from carepost.core.webhooks.publishing import partner_view
from carepost.core.webhooks.repository import WebhookRepository

DELIVERIES_SHOWN = 50


@dataclass(frozen=True)
class DeliveryRow:
    delivery: WebhookDelivery
    event: WebhookEvent
    endpoint: WebhookEndpoint
    attempts: list[WebhookAttempt]


@dataclass(frozen=True)
class OrderDetail:
    order: Order
    account: Account
    as_partner_sees: dict[str, Any] | None
    timeline: list[OrderEvent]
    deliveries: list[DeliveryRow]
    documents: list[OrderDocument]
    actions: tuple[str, ...]
    choices: dict[str, Any] = field(default_factory=dict)  # an input's choices on this order (devices to pack), by name
    recipient: dict[str, str | None] = field(default_factory=dict)  # name, email, phone: who receives it
    actors: dict[str, str] = field(default_factory=dict)  # a timeline actor ("api_key:2") -> what to show for it


async def order_detail(session: AsyncSession, *, reference: str) -> OrderDetail:
    order = await order_by_reference(session, public_id=reference)
    actions = await offered(session, order)  # what its flow offers an operator now
    spec = flow_of(order.flow)
    wanted = {i.name for action in actions for i in spec.action(action).inputs} & set(spec.choices)
    choices = {name: await spec.choices[name](session, order) for name in sorted(wanted)}
    timeline = await events.timeline(session, order)
    return OrderDetail(
        order=order,
        account=await account_by_id(session, account_id=order.account_id),
        as_partner_sees=await partner_view(session, order),
        timeline=timeline,
        deliveries=await _deliveries(session, order),
        documents=await documents_of(session, order),
        actions=actions,
        choices=choices,
        recipient=await _recipient(session, order),
        actors=await _actor_names(session, order, timeline),
    )


async def _recipient(session: AsyncSession, order: Order) -> dict[str, str | None]:
    """Who receives the order: the order's own copy (masks, pharmacy, cases), or the devices
    order's patient or site (which the devices flow does not copy onto the order)."""
    if order.recipient.get("name"):
        return {k: order.recipient.get(k) for k in ("name", "email", "phone")}
    patient, site = await OperatorRepository(session).patient_and_site(order)
    if patient is not None:
        return {"name": f"{patient.first_name} {patient.last_name}".strip(), "email": patient.email, "phone": patient.phone_number}
    if site is not None:
        return {"name": site.name, "email": None, "phone": site.phone_number}
    return {}


async def _actor_names(session: AsyncSession, order: Order, timeline: list[OrderEvent]) -> dict[str, str]:
    """API keys by name: `api_key:2` means nothing to a person; "API key “default” (live)" does."""
    key_ids = {key_id for event in timeline if (key_id := events.api_key_of(event.actor)) is not None}
    if not key_ids:
        return {}
    keys = await OperatorRepository(session).keys_of(order.account_id, key_ids)
    return {events.api_key_actor(key.id): f"API key “{key.name}” ({key.mode})" for key in keys}


async def _deliveries(session: AsyncSession, order: Order) -> list[DeliveryRow]:
    repository = WebhookRepository(session)
    found = await repository.order_deliveries(order.id, limit=DELIVERIES_SHOWN)
    attempts = await repository.attempts([delivery.id for delivery, _, _ in found])
    return [DeliveryRow(delivery, event, endpoint, attempts[delivery.id]) for delivery, event, endpoint in found]
