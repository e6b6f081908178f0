"""Webhooks: where an account wants its events, each event as sent, and every
delivery of an event to an endpoint with each of its attempts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, JsonDoc, UTCDateTime

# A delivery's status: being tried (first or again), or settled one way or the other.
PENDING, SUCCEEDED, FAILED = "pending", "succeeded", "failed"
_IS_PENDING = text(f"status = '{PENDING}'")

class WebhookEndpoint(Base):
    """A partner's receiver for one account and mode. Its signing secret is sealed; during a
    rotation the previous one signs too, until `previous_secret_until`."""

    __tablename__ = "webhook_endpoints"
    __table_args__ = (Index("ix_webhook_endpoints_account_mode", "account_id", "mode"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)  # we_…
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    mode: Mapped[str] = mapped_column(String(4))
    url: Mapped[str] = mapped_column(String(2048))
    description: Mapped[str | None] = mapped_column(String(500), nullable=True)
    event_types: Mapped[list[str] | None] = mapped_column(JsonDoc, nullable=True)  # None: every type
    enabled: Mapped[bool] = mapped_column(default=True)
    disabled_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    sealed_secret: Mapped[str] = mapped_column(Text)
    sealed_previous_secret: Mapped[str | None] = mapped_column(Text, nullable=True)
    previous_secret_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WebhookEvent(Base):
    """One change, as partners receive it: `payload` is `{type, timestamp, data}`, rendered
    once; `public_id` is its `webhook-id` on every delivery, retry and replay."""

    __tablename__ = "webhook_events"
    __table_args__ = (
        Index("ix_webhook_events_log", "account_id", "mode", "id"),  # the events API, newest first
        Index("ix_webhook_events_created", "created_at"),  # what the retention period forgets
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(40), unique=True)  # msg_…
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    mode: Mapped[str] = mapped_column(String(4))
    type: Mapped[str] = mapped_column(String(64))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), nullable=True, index=True)
    source: Mapped[str] = mapped_column(String(64), unique=True)  # what made it (an outbox message): made once
    payload: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    trace_context: Mapped[str | None] = mapped_column(String(64), nullable=True)  # the writer's traceparent


class WebhookDelivery(Base):
    """An event on its way to one endpoint: pending until a 2xx (succeeded) or its last
    scheduled attempt (failed). `sequence_key` keeps one order's events in order."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("event_id", "endpoint_id", name="uq_webhook_deliveries_event_id_endpoint_id"),
        Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
        Index("ix_webhook_deliveries_endpoint", "endpoint_id", "created_at"),
        # A claim (repository.claim_due) walks the pending deliveries in id order and asks, of each,
        # whether one of the same order is pending before it: two probes, not two scans of every
        # pending delivery and a sort of them all at every claim (6 ms a claim with 10,000 pending).
        Index("ix_webhook_deliveries_pending", "id", postgresql_where=_IS_PENDING, sqlite_where=_IS_PENDING),
        Index("ix_webhook_deliveries_pending_sequence", "endpoint_id", "sequence_key", "id", postgresql_where=_IS_PENDING,
              sqlite_where=_IS_PENDING),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("webhook_events.id", ondelete="CASCADE"), index=True)
    endpoint_id: Mapped[int] = mapped_column(ForeignKey("webhook_endpoints.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    sequence_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    status: Mapped[str] = mapped_column(String(16))  # pending, succeeded, failed
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_status_code: Mapped[int | None] = mapped_column(nullable=True)
    last_error: Mapped[str | None] = mapped_column(String(500), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class WebhookAttempt(Base):
    """One HTTP request of a delivery: when, what came back, how long it took."""

    __tablename__ = "webhook_attempts"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), index=True)
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status_code: Mapped[int | None] = mapped_column(nullable=True)
    duration_ms: Mapped[int]
    response_excerpt: Mapped[str | None] = mapped_column(Text, nullable=True)  # the first KB of the body
    error: Mapped[str | None] = mapped_column(String(500), nullable=True)
