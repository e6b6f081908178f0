"""Fulfillment sites, their stock, and the reservations orders hold on it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, UTCDateTime


class FulfillmentSite(Base):
    __tablename__ = "fulfillment_sites"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class Stock(Base):
    """Units of an item at a site. `reserved` never exceeds `on_hand`: the database refuses it."""

    __tablename__ = "stock"
    __table_args__ = (
        CheckConstraint("reserved >= 0", name="reserved_not_negative"),
        CheckConstraint("reserved <= on_hand", name="never_oversold"),
    )

    fulfillment_site_id: Mapped[int] = mapped_column(ForeignKey("fulfillment_sites.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), primary_key=True)
    on_hand: Mapped[int]
    reserved: Mapped[int] = mapped_column(default=0)


class SandboxStock(Base):
    """Units of an item at a site as test mode sees them: the sandbox's own shelf, which no
    live order touches and test orders check but never draw down (docs/devices.md)."""

    __tablename__ = "sandbox_stock"
    __table_args__ = (CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),)

    fulfillment_site_id: Mapped[int] = mapped_column(ForeignKey("fulfillment_sites.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), primary_key=True)
    on_hand: Mapped[int]


class StockReservation(Base):
    __tablename__ = "stock_reservations"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    fulfillment_site_id: Mapped[int] = mapped_column(ForeignKey("fulfillment_sites.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    quantity: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
