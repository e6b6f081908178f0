"""Retention: the worker forgets what each period says — delivered outbox messages, webhook
events (their deliveries and attempts with them), the request log, ended console sessions,
expired idempotency keys — in bounded batches, never the rows still within their period, never
an undelivered message, never the audit logs; several sweeps at once forget each row once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import func, select, update

from carepost.core.kit.clock import utcnow
from carepost.core.models import (
    AccessAuditEntry,
    ConsoleSession,
    OutboxMessage,
    RequestLogEntry,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEvent,
)
from carepost.core.operators import console
from carepost.core.retention.policies import RetentionPeriods
from carepost.core.retention.service import sweep
from tests.dialects.masks.helpers import place, status_url
from tests.factories import create_clinic
from tests.webhooks.conftest import add_endpoint, run_until

LONG_AGO = timedelta(days=400)


async def _count(db, model, *where) -> int:
    async with db.read() as session:
        return await session.scalar(select(func.count()).select_from(model).where(*where))


async def _age(db, model, *where, **columns) -> None:
    """Move rows back in time: what a year of running would have left behind."""
    async with db.transaction() as session:
        await session.execute(update(model).where(*where).values(**{name: utcnow() - LONG_AGO for name in columns}))


async def test_each_kind_is_forgotten_after_its_period_and_the_audit_kept(client, db, worker, receiver, app):
    clinic = await create_clinic(db)
    await add_endpoint(client, clinic.live_key, receiver.url)
    old, fresh = await place(client, clinic.live_key), await place(client, clinic.live_key)
    await run_until(worker, lambda: len(receiver.received) == 2)  # delivered: the outbox's rows and the deliveries settle
    assert (await client.get(status_url(old), headers={"X-Api-Key": clinic.live_key})).status_code == 200  # an audited read
    await app.state.call_log.flush()  # the request log is written in batches, a moment after the response
    assert await _count(db, RequestLogEntry, RequestLogEntry.account_id == clinic.account_id) >= 3

    mine = (WebhookEvent.account_id == clinic.account_id,)
    old_event = (await _events(db, clinic.account_id))[0]
    await _age(db, WebhookEvent, WebhookEvent.id == old_event, created_at=True)
    await _age(db, OutboxMessage, OutboxMessage.account_id == clinic.account_id, OutboxMessage.delivered_at.is_not(None), delivered_at=True)
    await _age(db, RequestLogEntry, RequestLogEntry.account_id == clinic.account_id, created_at=True)
    await _age(db, AccessAuditEntry, AccessAuditEntry.account_id == clinic.account_id, created_at=True)
    undelivered = await _undelivered(db, clinic.account_id)
    async with db.read() as session:
        old_deliveries = list(await session.scalars(select(WebhookDelivery.id).where(WebhookDelivery.event_id == old_event)))
    assert old_deliveries and await _count(db, WebhookAttempt, WebhookAttempt.delivery_id.in_(old_deliveries)) >= 1

    forgotten = await sweep(db, RetentionPeriods())

    assert forgotten["webhook_events"] >= 1 and forgotten["outbox"] >= 1
    assert await _events(db, clinic.account_id) != [] and old_event not in await _events(db, clinic.account_id)
    assert await _count(db, WebhookDelivery, WebhookDelivery.event_id == old_event) == 0  # with its event
    assert await _count(db, WebhookAttempt, WebhookAttempt.delivery_id.in_(old_deliveries)) == 0
    assert await _count(db, WebhookEvent, *mine) == 1  # the fresh order's event stays
    assert await _count(db, OutboxMessage, OutboxMessage.account_id == clinic.account_id, OutboxMessage.delivered_at.is_not(None)) == 0
    assert await _undelivered(db, clinic.account_id) == undelivered  # a message not yet delivered is never forgotten
    assert await _count(db, RequestLogEntry, RequestLogEntry.account_id == clinic.account_id) == 0
    assert await _count(db, AccessAuditEntry, AccessAuditEntry.account_id == clinic.account_id) >= 1  # kept for good
    assert fresh


async def test_an_old_event_still_being_delivered_is_kept_until_its_delivery_settles(client, db, worker, receiver):
    clinic = await create_clinic(db)
    await add_endpoint(client, clinic.live_key, receiver.url)
    receiver.script = [503] * 50  # the endpoint fails: its delivery waits for a retry
    await place(client, clinic.live_key)
    await run_until(worker, lambda: len(receiver.received) >= 1)
    [event] = await _events(db, clinic.account_id)
    await _age(db, WebhookEvent, WebhookEvent.id == event, created_at=True)

    await sweep(db, RetentionPeriods())
    assert await _events(db, clinic.account_id) == [event]  # its delivery is pending: kept

    async with db.transaction() as session:
        await session.execute(update(WebhookDelivery).where(WebhookDelivery.event_id == event).values(status="failed"))
    await sweep(db, RetentionPeriods())
    assert await _events(db, clinic.account_id) == []  # settled (here: given up), then forgotten


async def _events(db, account_id: int) -> list[int]:
    async with db.read() as session:
        return list(await session.scalars(select(WebhookEvent.id).where(WebhookEvent.account_id == account_id).order_by(WebhookEvent.id)))


async def _undelivered(db, account_id: int) -> int:
    return await _count(db, OutboxMessage, OutboxMessage.account_id == account_id, OutboxMessage.delivered_at.is_(None))


async def test_ended_and_long_expired_console_sessions_go_and_live_ones_stay(db):
    email = f"retention-{utcnow().timestamp()}@supplier.example"
    async with db.transaction() as session:
        await console.ensure_operator(session, email=email, name="Rita Retention", role="support", password="a long enough password")
    sessions = [await console.sign_in(db, email=email, password="a long enough password", client="127.0.0.1") for _ in range(3)]
    ids = await _session_ids(db, email)
    await _age(db, ConsoleSession, ConsoleSession.id == ids[0], expires_at=True)
    await _age(db, ConsoleSession, ConsoleSession.id == ids[1], ended_at=True)

    forgotten = await sweep(db, RetentionPeriods())

    assert all(sessions) and forgotten["console_sessions"] >= 2
    assert await _session_ids(db, email) == ids[2:]


async def _session_ids(db, email: str) -> list[int]:
    from carepost.core.models import ConsoleOperator

    async with db.read() as session:
        query = select(ConsoleSession.id).join(ConsoleOperator, ConsoleOperator.id == ConsoleSession.operator_id).where(ConsoleOperator.email == email)
        return list(await session.scalars(query.order_by(ConsoleSession.id)))


async def test_small_batches_and_sweeps_at_once_forget_each_row_once(client, db):
    clinic = await create_clinic(db)
    for _ in range(7):
        await place(client, clinic.live_key)
    await _age(db, WebhookEvent, WebhookEvent.account_id == clinic.account_id, created_at=True)

    results = await asyncio.gather(*(sweep(db, RetentionPeriods(), batch=2) for _ in range(3)))

    assert sum(r["webhook_events"] for r in results) == 7  # none twice
    assert await _count(db, WebhookEvent, WebhookEvent.account_id == clinic.account_id) == 0
