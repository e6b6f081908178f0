"""One orders table for every dialect, and its event timeline."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, JsonDoc, UTCDateTime


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_account_placed", "account_id", "placed_at"),
        Index("ix_orders_mode_placed", "mode", "placed_at"),  # the console's orders per day, every account
        # Listing, newest first (ids only grow), with and without a status filter.
        Index("ix_orders_listing", "account_id", "dialect", "mode", "id"),
        Index("ix_orders_listing_status", "account_id", "dialect", "mode", "status", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    api_key_id: Mapped[int] = mapped_column(ForeignKey("api_keys.id"), index=True)
    mode: Mapped[str] = mapped_column(String(4))
    dialect: Mapped[str] = mapped_column(String(16))
    flow: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(32))
    # Who receives the goods: name, email, phone, and the ship-to address.
    recipient: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    shipping_address: Mapped[dict[str, Any] | None] = mapped_column(JsonDoc, nullable=True)
    # Small flow-specific choices (mask type, e-mail preference); big ones get tables.
    attributes: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    warnings: Mapped[list[str]] = mapped_column(JsonDoc)
    # Logistics orders go to one of the account's patients or sites.
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"), nullable=True, index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"), nullable=True, index=True)
    commerce_order_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    commerce_order_name: Mapped[str | None] = mapped_column(String(64), nullable=True)
    commerce_cancelled: Mapped[bool] = mapped_column(default=False)
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    cancel_reason: Mapped[str | None] = mapped_column(String(512), nullable=True)
    cancel_reference: Mapped[str | None] = mapped_column(String(128), nullable=True)


class OrderTally(Base):
    """How many orders an account has in each status, per dialect and mode, kept
    in step by the code that places and moves them: a listing's `total` sums
    these few rows instead of counting up to millions of orders."""

    __tablename__ = "order_tallies"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    dialect: Mapped[str] = mapped_column(String(16), primary_key=True)
    mode: Mapped[str] = mapped_column(String(4), primary_key=True)
    status: Mapped[str] = mapped_column(String(32), primary_key=True)
    # A count is the sum of its slots: each change goes to a slot drawn at random, so an
    # account's concurrent orders lock different rows instead of queueing on one.
    slot: Mapped[int] = mapped_column(SmallInteger, primary_key=True, server_default="0")
    count: Mapped[int] = mapped_column(BigInteger)


class OrderEvent(Base):
    """The timeline: what happened to an order, when, and by whose hand."""

    __tablename__ = "order_events"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
