"""Sending events again: a test event to one endpoint, one event to where it went, or
every failed delivery of an endpoint since a time. A replay is the same event with
the same `webhook-id`, on a fresh schedule."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.kit.clock import as_utc, utcnow
from carepost.core.kit.errors import InvalidInput, NotFound
from carepost.core.models import WebhookAttempt, WebhookDelivery, WebhookEvent
from carepost.core.webhooks import types
from carepost.core.webhooks.endpoints import get
from carepost.core.webhooks.publishing import publish
from carepost.core.webhooks.repository import WebhookRepository


async def send_test(session: AsyncSession, *, scope: Scope, endpoint_id: str) -> WebhookEvent:
    endpoint = await get(session, scope=scope, endpoint_id=endpoint_id)
    if not endpoint.enabled:
        raise InvalidInput("The endpoint is disabled; enable it first.", code="endpoint_disabled", field="enabled")
    event = await publish(
        session, source=f"test:{uuid.uuid4().hex}", account_id=scope.account_id, mode=scope.mode,
        event_type=types.WEBHOOK_TEST, data={"endpoint": endpoint.public_id, "url": endpoint.url}, targets=[endpoint],
    )
    assert event is not None  # a fresh source always makes one
    return event


async def replay_event(session: AsyncSession, *, scope: Scope, event_id: str) -> int:
    """Every delivery of the event, again; how many."""
    repository = WebhookRepository(session)
    event = await repository.event(scope, event_id)
    if event is None:
        raise NotFound("No such event.", code="event_not_found")
    deliveries = await repository.event_deliveries(event)
    await repository.reopen(deliveries, now=utcnow())
    return len(deliveries)


async def replay_failed(session: AsyncSession, *, scope: Scope, endpoint_id: str, since: datetime) -> int:
    """The endpoint's failed deliveries made since `since`, again; how many."""
    endpoint = await get(session, scope=scope, endpoint_id=endpoint_id)
    repository = WebhookRepository(session)
    deliveries = await repository.failed_since(endpoint, as_utc(since))
    await repository.reopen(deliveries, now=utcnow())
    return len(deliveries)


async def deliveries(
    session: AsyncSession, *, scope: Scope, endpoint_id: str, status: str | None, since: datetime | None, until: datetime | None, limit: int
) -> list[tuple[WebhookDelivery, WebhookEvent, list[WebhookAttempt]]]:
    """An endpoint's deliveries, newest first, each with its event and attempts (times without
    an offset are UTC)."""
    endpoint = await get(session, scope=scope, endpoint_id=endpoint_id)
    repository = WebhookRepository(session)
    found = await repository.deliveries(endpoint, status=status, since=as_utc(since), until=as_utc(until), limit=limit)
    attempts = await repository.attempts([d.id for d, _ in found])
    return [(d, e, attempts[d.id]) for d, e in found]
