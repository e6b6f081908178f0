"""SQL for the events API's log (core/webhooks/event_log.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.models import Order, WebhookEvent
from carepost.core.orders import references


@dataclass(frozen=True)
class EventQuery:
    scope: Scope
    type: str | None
    order: str | None
    since: datetime | None
    until: datetime | None


class EventLogRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def event(self, scope: Scope, public_id: str) -> WebhookEvent | None:
        return await self.session.scalar(select(WebhookEvent).where(WebhookEvent.public_id == public_id, *_in_scope(scope)))

    async def older_than(self, query: EventQuery, cursor: int | None, *, limit: int) -> list[WebhookEvent]:
        """Newest first, from just below `cursor` (or the newest)."""
        statement = _matching(query)
        if cursor is not None:
            statement = statement.where(WebhookEvent.id < cursor)
        return list(await self.session.scalars(statement.order_by(WebhookEvent.id.desc()).limit(limit)))

    async def newer_than(self, query: EventQuery, cursor: int, *, limit: int) -> list[WebhookEvent]:
        """Oldest first, from just above `cursor`."""
        statement = _matching(query).where(WebhookEvent.id > cursor)
        return list(await self.session.scalars(statement.order_by(WebhookEvent.id).limit(limit)))

    async def order_names(self, order_ids: set[int]) -> dict[int, str]:
        """Each order's id as its API shows it."""
        if not order_ids:
            return {}
        rows = await self.session.execute(select(Order.id, Order.public_id, Order.flow).where(Order.id.in_(order_ids)))
        return {order_id: references.shown(order_id, public_id, flow) for order_id, public_id, flow in rows}


def _in_scope(scope: Scope) -> tuple[ColumnElement[bool], ...]:
    return WebhookEvent.account_id == scope.account_id, WebhookEvent.mode == scope.mode


def _matching(query: EventQuery) -> Select[WebhookEvent]:
    statement = select(WebhookEvent).where(*_in_scope(query.scope))
    if query.type is not None:
        family = query.type.removesuffix("*")
        statement = statement.where(WebhookEvent.type.startswith(family, autoescape=True) if query.type.endswith(".*") else WebhookEvent.type == query.type)
    if query.order is not None:
        named = select(Order.id).where(references.named(query.order), Order.account_id == query.scope.account_id, Order.mode == query.scope.mode)
        statement = statement.where(WebhookEvent.order_id.in_(named))
    if query.since is not None:
        statement = statement.where(WebhookEvent.created_at >= query.since)
    if query.until is not None:
        statement = statement.where(WebhookEvent.created_at < query.until)
    return statement
