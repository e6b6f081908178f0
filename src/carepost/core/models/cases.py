"""Telehealth cases (contract 003): an organization's patients' cases, the pharmacy
network and formulary orders are filled from, and each prescription order."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, JsonDoc, UTCDateTime


class Pharmacy(Base):
    """A pharmacy of the supplier's network, named by the contract's `pharmacyId`."""

    __tablename__ = "pharmacies"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)  # `pharmacy-123`
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    adapter: Mapped[str] = mapped_column(String(16), default="embedded")  # embedded, http
    endpoint_url: Mapped[str | None] = mapped_column(String(2048), nullable=True)


class Drug(Base):
    """A formulary entry, named by the contract's `drugId`."""

    __tablename__ = "drugs"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)  # `drug-456`
    name: Mapped[str] = mapped_column(String(200))
    strength: Mapped[str | None] = mapped_column(String(100), nullable=True)
    form: Mapped[str | None] = mapped_column(String(100), nullable=True)
    ndc: Mapped[str | None] = mapped_column(String(20), nullable=True)
    rxnorm: Mapped[str | None] = mapped_column(String(12), nullable=True)  # the RxCUI, for FHIR
    controlled: Mapped[bool] = mapped_column(default=False)
    schedule: Mapped[str | None] = mapped_column(String(4), nullable=True)  # II, III, IV, V
    active: Mapped[bool] = mapped_column(default=True)


class Case(Base):
    """A patient's case at an organization (an account with the cases API), in one mode."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(36), unique=True)  # a UUID, the contract's caseId
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    mode: Mapped[str] = mapped_column(String(4))
    patient: Mapped[dict[str, Any]] = mapped_column(JsonDoc)  # name, dateOfBirth, sex, email, phone, address
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CaseOrder(Base):
    """What a prescription order holds beyond the orders row."""

    __tablename__ = "case_orders"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    pharmacy_id: Mapped[int] = mapped_column(ForeignKey("pharmacies.id"))
    prescriber: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    diagnosis: Mapped[str] = mapped_column(Text)
    patient_health: Mapped[dict[str, Any] | None] = mapped_column(JsonDoc, nullable=True)
    date_written: Mapped[date | None] = mapped_column(Date, nullable=True)
    date_signed: Mapped[date | None] = mapped_column(Date, nullable=True)
    date_prescribed: Mapped[date | None] = mapped_column(Date, nullable=True)
    prescription_key: Mapped[str | None] = mapped_column(String(200), nullable=True)  # the PDF in the document store
    pharmacy_reference: Mapped[str | None] = mapped_column(String(128), nullable=True)
    failure: Mapped[str | None] = mapped_column(String(1000), nullable=True)


class CaseOrderItem(Base):
    __tablename__ = "case_order_items"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    drug_id: Mapped[int] = mapped_column(ForeignKey("drugs.id"))
    direction: Mapped[str | None] = mapped_column(Text, nullable=True)
    quantity: Mapped[str] = mapped_column(String(32))  # the contract's string
    refill_count: Mapped[int | None] = mapped_column(nullable=True)
    supply_days: Mapped[int | None] = mapped_column(nullable=True)
    custom_fields: Mapped[dict[str, Any] | None] = mapped_column(JsonDoc, nullable=True)
