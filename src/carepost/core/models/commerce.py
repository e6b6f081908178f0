"""The built-in commerce ledger: the default store orders are mirrored to."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, JsonDoc, UTCDateTime


class CommerceLedgerOrder(Base):
    __tablename__ = "commerce_ledger_orders"
    __table_args__ = (UniqueConstraint("account_id", "number"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    number: Mapped[int]
    company_contact_email: Mapped[str] = mapped_column(String(320))
    variant_id: Mapped[str] = mapped_column(String(128))
    quantity: Mapped[int]
    payment_terms: Mapped[str] = mapped_column(String(16))
    shipping_address: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    note: Mapped[str] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Counter(Base):
    """Per-account sequences (order numbers) that stay gap-free under concurrency."""

    __tablename__ = "counters"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int]


class CommerceConnection(Base):
    """Which store an account's orders are mirrored to, and how to reach it.

    `sealed_credentials` is encrypted by the adapter that uses it (the core never
    sees a store's access token in the clear).
    """

    __tablename__ = "commerce_connections"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    provider: Mapped[str] = mapped_column(String(16))  # ledger, shopify
    config: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    sealed_credentials: Mapped[str | None] = mapped_column(Text, nullable=True)
