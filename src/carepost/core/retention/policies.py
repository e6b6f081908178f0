"""What the worker forgets, and when (docs/operations.md, "Retention"): each table that grows with
traffic has a period after which its rows go, so a long-running system keeps its tables bounded.
Kept for good: orders and their timelines, and the audit logs (the access audit of patient data,
which HIPAA asks to keep six years, and the console's)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, or_, select

from carepost.core.models import (
    AccessAuditEntry,
    ConsoleAuditEntry,
    ConsoleSession,
    IdempotencyRecord,
    Order,
    OutboxMessage,
    RequestLogEntry,
    WebhookDelivery,
    WebhookEvent,
)
from carepost.core.models.webhooks import PENDING

# Never forgotten: orders, and the audit logs (patient data read: HIPAA asks six years).
KEPT = (Order, AccessAuditEntry, ConsoleAuditEntry)


@dataclass(frozen=True)
class RetentionPeriods:
    """Days each kind of row is kept (CAREPOST_*_RETENTION_DAYS)."""

    outbox_days: float = 7.0  # a delivered outbox message
    webhook_event_days: float = 30.0  # an event, with its deliveries and their attempts: the events API's promise
    request_log_days: float = 90.0  # a call in the request log
    console_session_days: float = 7.0  # a console session, once it expired or was ended
    sweep_every_seconds: float = 3600.0  # how often a worker sweeps (CAREPOST_RETENTION_SWEEP_SECONDS)


@dataclass(frozen=True)
class Policy:
    name: str  # as logs and metrics name it
    model: Any  # a table whose rows have an `id`
    expired: Callable[[datetime], ColumnElement[bool]]  # now -> the rows to forget


def _pending_delivery_of(event_id: Any) -> ColumnElement[bool]:
    pending = select(WebhookDelivery.id).where(WebhookDelivery.event_id == event_id, WebhookDelivery.status == PENDING)
    return exists(pending)


def policies(periods: RetentionPeriods) -> tuple[Policy, ...]:
    def before(days: float, now: datetime) -> datetime:
        return now - timedelta(days=days)

    return (
        Policy("outbox", OutboxMessage, lambda now: OutboxMessage.delivered_at < before(periods.outbox_days, now)),
        # An event whose delivery is still being tried is kept until it settles: nothing is forgotten unsent.
        Policy(
            "webhook_events", WebhookEvent,
            lambda now: and_(WebhookEvent.created_at < before(periods.webhook_event_days, now), ~_pending_delivery_of(WebhookEvent.id)),
        ),
        Policy("request_log", RequestLogEntry, lambda now: RequestLogEntry.created_at < before(periods.request_log_days, now)),
        Policy(
            "console_sessions", ConsoleSession,
            lambda now: or_(
                ConsoleSession.expires_at < before(periods.console_session_days, now),
                ConsoleSession.ended_at < before(periods.console_session_days, now),
            ),
        ),
        # An idempotency key's period is its own expiry (CAREPOST_IDEMPOTENCY_TTL_HOURS).
        Policy("idempotency_keys", IdempotencyRecord, lambda now: IdempotencyRecord.expires_at <= now),
    )
