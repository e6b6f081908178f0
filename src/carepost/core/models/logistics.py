"""What a logistics (devices) order holds beyond the orders row: its lines,
packed kits, the serialized devices it ships or takes back, tracking numbers,
notes and the partner's own order ids."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, JsonDoc, UTCDateTime


class OrderLine(Base):
    """One line of an order: an item or kit going out, or an item, device or packed kit coming back."""

    __tablename__ = "order_lines"
    __table_args__ = (CheckConstraint("count > 0", name="count_positive"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))  # item, kit, return_item, return_device, return_packed_kit
    ref_id: Mapped[int] = mapped_column(BigInteger)  # the item, kit, device or packed kit
    count: Mapped[int]


class OrderExternalId(Base):
    """The partner's own ids for an order (`externalOrderIds`), indexed for filtering."""

    __tablename__ = "order_external_ids"
    __table_args__ = (Index("ix_order_external_ids_account_value", "account_id", "value"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    value: Mapped[str] = mapped_column(String(128))


class OrderNote(Base):
    __tablename__ = "order_notes"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    note: Mapped[str] = mapped_column(Text)
    # Who wrote it: {"id", "email", "firstName", "lastName"}, an API key or an operator.
    author: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TrackingNumber(Base):
    __tablename__ = "tracking_numbers"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    carrier: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(64))


class Device(Base):
    """A serialized unit of an item. In stock at a fulfillment site, or out with an account's patient or site."""

    __tablename__ = "devices"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    external_identifier: Mapped[str] = mapped_column(String(64), unique=True)
    identifiers: Mapped[list[dict[str, str]]] = mapped_column(JsonDoc)  # [{"type": "serial", "value": …}]
    status: Mapped[str] = mapped_column(String(16))  # see core/logistics/devices.py
    # The site whose shelf it is on, or, once shipped, the one it left from (where a return goes).
    fulfillment_site_id: Mapped[int | None] = mapped_column(ForeignKey("fulfillment_sites.id"), nullable=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), nullable=True, index=True)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"), nullable=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"), nullable=True)
    used: Mapped[bool] = mapped_column(default=False)
    disabled_readings: Mapped[bool] = mapped_column(default=False)
    last_health_check: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class DeviceEvent(Base):
    __tablename__ = "device_events"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PackedKit(Base):
    """One physical kit packed for an order; its devices are in `order_devices`."""

    __tablename__ = "packed_kits"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    kit_id: Mapped[int] = mapped_column(ForeignKey("kits.id"))
    external_identifier: Mapped[str | None] = mapped_column(String(64), nullable=True)
    packed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OrderDevice(Base):
    """A device an order ships: loose (no packed kit) or inside one of its packed kits."""

    __tablename__ = "order_devices"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    packed_kit_id: Mapped[int | None] = mapped_column(ForeignKey("packed_kits.id", ondelete="CASCADE"), nullable=True)
