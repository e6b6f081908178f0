"""Everything an operator sees of one order, whatever its flow: the order as its partner
sees it (its flow's own wire object, the one its webhooks carry), its timeline, the webhook
deliveries of its events, its documents, and the moves its lifecycle allows now."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import account_by_id
from carepost.core.logistics.packing import PackChoice, pack_choices
from carepost.core.logistics.repository import LogisticsRepository
from carepost.core.models import Account, Order, OrderEvent, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent
from carepost.core.operators import order_actions
from carepost.core.operators.order_documents import OrderDocument, documents_of
from carepost.core.operators.service import order as order_by_reference
from carepost.core.orders import events
from carepost.core.orders.lifecycle import Flow
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
    pack_choices: list[PackChoice] = field(default_factory=list)


async def order_detail(session: AsyncSession, *, reference: str) -> OrderDetail:
    order = await order_by_reference(session, public_id=reference)
    actions = await order_actions.allowed(session, order)
    choices: list[PackChoice] = []
    if "pack" in actions and Flow(order.flow) == Flow.LOGISTICS:
        lines = (await LogisticsRepository(session).lines([order.id])).get(order.id, [])
        choices = await pack_choices(session, order=order, lines=lines)
    return OrderDetail(
        order=order,
        account=await account_by_id(session, account_id=order.account_id),
        as_partner_sees=await partner_view(session, order),
        timeline=await events.timeline(session, order),
        deliveries=await _deliveries(session, order),
        documents=await documents_of(session, order),
        actions=actions,
        pack_choices=choices,
    )


async def _deliveries(session: AsyncSession, order: Order) -> list[DeliveryRow]:
    repository = WebhookRepository(session)
    found = await repository.order_deliveries(order.id, limit=DELIVERIES_SHOWN)
    attempts = await repository.attempts([delivery.id for delivery, _, _ in found])
    return [DeliveryRow(delivery, event, endpoint, attempts[delivery.id]) for delivery, event, endpoint in found]
