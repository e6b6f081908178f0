"""SQL for webhook endpoints, events, deliveries and attempts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, exists, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from carepost.core.accounts.service import Scope
from carepost.core.kit.db import insert_for
from carepost.core.kit.lean import LeanStatement, columns_of, detached
from carepost.core.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent
from carepost.core.models.webhooks import FAILED, PENDING, SUCCEEDED

__all__ = ["FAILED", "PENDING", "SUCCEEDED", "WebhookRepository"]

# The claim names the status in its SQL, not as a parameter: the partial indexes it walks
# (`WHERE status = 'pending'`) serve only a plan that knows the value. PostgreSQL plans a
# prepared statement generically after five runs when it guesses that is no dearer, and a
# generic plan cannot use them: it joined every pending delivery with every other and sorted
# them, seconds a claim under the bench's backlog (docs/performance.md, "Webhook delivery:
# the claim's generic plan"). tests/webhooks/test_claim_plan.py holds it.
_PENDING_INLINE = literal(PENDING, literal_execute=True)


_ENABLED = LeanStatement(
    select(WebhookEndpoint.id, WebhookEndpoint.event_types)
    .where(
        WebhookEndpoint.account_id == bindparam("account_id"),
        WebhookEndpoint.mode == bindparam("mode"),
        WebhookEndpoint.enabled.is_(True),
    )
    .order_by(WebhookEndpoint.id)
)

_EVENT_COLUMNS = tuple(column.key for column in WebhookEvent.__table__.columns if column.key != "id")


def _add_event(dialect_name: str) -> Any:
    insert = insert_for(dialect_name, WebhookEvent).values({name: bindparam(name) for name in _EVENT_COLUMNS})
    return insert.on_conflict_do_nothing(index_elements=["source"]).returning(*columns_of(WebhookEvent))


# Every order event writes one, on every create (lean.py).
_ADD_EVENT = LeanStatement(_add_event)


class WebhookRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: Any) -> Any:
        self.session.add(row)
        await self.session.flush()
        return row

    async def endpoint(self, scope: Scope, public_id: str, *, lock: bool = False) -> WebhookEndpoint | None:
        query = select(WebhookEndpoint).where(
            WebhookEndpoint.public_id == public_id, WebhookEndpoint.account_id == scope.account_id, WebhookEndpoint.mode == scope.mode
        )
        return await self.session.scalar(query.with_for_update() if lock else query)

    async def endpoints(self, scope: Scope) -> list[WebhookEndpoint]:
        query = select(WebhookEndpoint).where(WebhookEndpoint.account_id == scope.account_id, WebhookEndpoint.mode == scope.mode)
        return list(await self.session.scalars(query.order_by(WebhookEndpoint.id)))

    async def endpoint_by_url(self, scope: Scope, url: str) -> WebhookEndpoint | None:
        query = select(WebhookEndpoint).where(
            WebhookEndpoint.account_id == scope.account_id, WebhookEndpoint.mode == scope.mode, WebhookEndpoint.url == url
        )
        return await self.session.scalar(query)

    async def enabled_event_types(self, account_id: int, mode: str) -> list[tuple[int, list[str] | None]]:
        """Each enabled endpoint's id and the event types it wants (None: all), in one
        lean statement: every order event asks, and most accounts have no endpoint."""
        return [(endpoint_id, event_types) for endpoint_id, event_types in await _ENABLED.rows(self.session, account_id=account_id, mode=mode)]

    async def delete(self, endpoint: WebhookEndpoint) -> None:
        await self.session.delete(endpoint)
        await self.session.flush()

    async def add_event(self, event: WebhookEvent) -> WebhookEvent | None:
        """Insert the event unless its source already made one (a repeated outbox delivery);
        the row as written, to read (detached: lean.py)."""
        row = await _ADD_EVENT.first(self.session, **{name: getattr(event, name) for name in _EVENT_COLUMNS})
        return detached(WebhookEvent, row) if row is not None else None

    async def event(self, scope: Scope, public_id: str) -> WebhookEvent | None:
        query = select(WebhookEvent).where(
            WebhookEvent.public_id == public_id, WebhookEvent.account_id == scope.account_id, WebhookEvent.mode == scope.mode
        )
        return await self.session.scalar(query)

    async def claim_due(self, *, now: datetime, lease_until: datetime, limit: int) -> list[WebhookDelivery]:
        """Due deliveries whose endpoint has no earlier pending delivery of the same order.

        SKIP LOCKED lets workers claim side by side on PostgreSQL; SQLite's BEGIN
        IMMEDIATE makes claims one at a time. A claim is a lease: a worker that dies
        loses it, and the delivery is claimed again (at least once, same webhook-id).
        """
        earlier = aliased(WebhookDelivery)
        waits = exists().where(
            earlier.endpoint_id == WebhookDelivery.endpoint_id,
            earlier.sequence_key == WebhookDelivery.sequence_key,
            earlier.id < WebhookDelivery.id,
            earlier.status == _PENDING_INLINE,
        )
        due = (
            select(WebhookDelivery)
            .where(
                WebhookDelivery.status == _PENDING_INLINE,
                WebhookDelivery.next_attempt_at <= now,
                or_(WebhookDelivery.claimed_until.is_(None), WebhookDelivery.claimed_until < now),
                ~waits,
            )
            .order_by(WebhookDelivery.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        claimed = list(await self.session.scalars(due))
        for delivery in claimed:
            delivery.claimed_until = lease_until
            delivery.attempts += 1
        await self.session.flush()
        return claimed

    async def deliveries_to_settle(self, ids: list[int]) -> dict[int, WebhookDelivery]:
        """A batch's deliveries, locked in one statement, in id order (two workers never wait on
        each other in a cycle)."""
        if not ids:
            return {}
        query = select(WebhookDelivery).where(WebhookDelivery.id.in_(ids)).order_by(WebhookDelivery.id).with_for_update()
        return {row.id: row for row in await self.session.scalars(query)}

    async def by_ids(self, model: Any, ids: set[int]) -> dict[int, Any]:
        if not ids:
            return {}
        return {row.id: row for row in await self.session.scalars(select(model).where(model.id.in_(ids)))}

    async def deliveries(
        self, endpoint: WebhookEndpoint, *, status: str | None, since: datetime | None, until: datetime | None, limit: int
    ) -> list[tuple[WebhookDelivery, WebhookEvent]]:
        query = (
            select(WebhookDelivery, WebhookEvent)
            .join(WebhookEvent, WebhookEvent.id == WebhookDelivery.event_id)
            .where(WebhookDelivery.endpoint_id == endpoint.id)
        )
        conditions = [
            WebhookDelivery.status == status if status else None,
            WebhookDelivery.created_at >= since if since else None,
            WebhookDelivery.created_at < until if until else None,
        ]
        query = query.where(*(c for c in conditions if c is not None))
        rows = await self.session.execute(query.order_by(WebhookDelivery.id.desc()).limit(limit))
        return [tuple(row) for row in rows]  # type: ignore[misc]

    async def order_deliveries(self, order_id: int, *, limit: int) -> list[tuple[WebhookDelivery, WebhookEvent, WebhookEndpoint]]:
        """Every delivery of an order's events, to whichever endpoint, newest first."""
        query = (
            select(WebhookDelivery, WebhookEvent, WebhookEndpoint)
            .join(WebhookEvent, WebhookEvent.id == WebhookDelivery.event_id)
            .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
            .where(WebhookEvent.order_id == order_id)
        )
        rows = await self.session.execute(query.order_by(WebhookDelivery.id.desc()).limit(limit))
        return [tuple(row) for row in rows]  # type: ignore[misc]

    async def attempts(self, delivery_ids: list[int]) -> dict[int, list[WebhookAttempt]]:
        found: dict[int, list[WebhookAttempt]] = {i: [] for i in delivery_ids}
        if delivery_ids:
            rows = await self.session.scalars(
                select(WebhookAttempt).where(WebhookAttempt.delivery_id.in_(delivery_ids)).order_by(WebhookAttempt.id)
            )
            for attempt in rows:
                found[attempt.delivery_id].append(attempt)
        return found

    async def event_deliveries(self, event: WebhookEvent) -> list[WebhookDelivery]:
        return list(await self.session.scalars(select(WebhookDelivery).where(WebhookDelivery.event_id == event.id)))

    async def failed_since(self, endpoint: WebhookEndpoint, since: datetime) -> list[WebhookDelivery]:
        query = select(WebhookDelivery).where(
            WebhookDelivery.endpoint_id == endpoint.id, WebhookDelivery.status == FAILED, WebhookDelivery.created_at >= since
        )
        return list(await self.session.scalars(query.order_by(WebhookDelivery.id)))

    async def reopen(self, deliveries: list[WebhookDelivery], *, now: datetime) -> None:
        """Send again, as at first: pending, due now, a fresh schedule (the same webhook-id)."""
        ids = [d.id for d in deliveries]
        if ids:
            await self.session.execute(
                update(WebhookDelivery)
                .where(WebhookDelivery.id.in_(ids))
                .values(status=PENDING, attempts=0, next_attempt_at=now, claimed_until=None, completed_at=None)
            )
