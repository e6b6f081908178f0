"""The made-to-measure (masks) flow: clinic settings, products, scans, production."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, JsonDoc, UTCDateTime


class MaskClinicSettings(Base):
    __tablename__ = "mask_clinic_settings"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    ordering_enabled: Mapped[bool]
    contact_email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    allowed_mask_types: Mapped[list[str]] = mapped_column(JsonDoc)
    # mask_type -> the store's product variant for that mask.
    variants: Mapped[dict[str, str]] = mapped_column(JsonDoc)
    # The patient scan e-mail; NULL means the default wording.
    email_subject: Mapped[str | None] = mapped_column(String(500), nullable=True)
    email_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    email_html: Mapped[str | None] = mapped_column(Text, nullable=True)


class MaskProduct(Base):
    """The factory's products, one per mask type; the GTIN is the UDI's device identifier."""

    __tablename__ = "mask_products"

    mask_type: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    gtin: Mapped[str] = mapped_column(String(14))


class MaskScan(Base):
    """A complete patient scan (two videos and a calibration photo) and its review."""

    __tablename__ = "mask_scans"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(40), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16))  # pending, approved, rejected
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    review_note: Mapped[str | None] = mapped_column(String(512), nullable=True)


class MaskProduction(Base):
    """What the factory did with an order: mesh job, UDI label, shipment."""

    __tablename__ = "mask_production"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    vm_job_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    fupc: Mapped[str | None] = mapped_column(String(7), unique=True, nullable=True)
    gtin: Mapped[str | None] = mapped_column(String(14), nullable=True)
    production_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    label_printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    carrier: Mapped[str | None] = mapped_column(String(40), nullable=True)
    tracking_number: Mapped[str | None] = mapped_column(String(64), nullable=True)
    shipped_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class MaskScanFile(Base):
    """One of the three files a scan needs; a re-upload replaces it."""

    __tablename__ = "mask_scan_files"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)  # video_front, video_side, calibration_photo
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    storage_key: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int]
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime)
