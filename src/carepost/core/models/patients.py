"""Patients and sites, owned by an account (the devices guide's customer)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, JsonDoc, UTCDateTime


class Site(Base):
    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    mode: Mapped[str] = mapped_column(String(4), default="live")  # test-mode sites are invisible to live keys
    name: Mapped[str] = mapped_column(String(200))
    phone_number: Mapped[str | None] = mapped_column(String(32), nullable=True)
    address: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    active: Mapped[bool] = mapped_column(default=True)


class Patient(Base):
    __tablename__ = "patients"
    # One patient per external identifier within an account and mode (NULLs repeat freely).
    __table_args__ = (Index("uq_patients_account_mode_external", "account_id", "mode", "external_identifier", unique=True),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    mode: Mapped[str] = mapped_column(String(4), default="live")  # test-mode patients are invisible to live keys
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"), nullable=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    address: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True)
    sex: Mapped[str] = mapped_column(String(16), default="unknown")
    email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    phone_number: Mapped[str | None] = mapped_column(String(32), nullable=True)
    external_identifier: Mapped[str | None] = mapped_column(String(100), nullable=True)
    enrolled: Mapped[bool] = mapped_column(default=False)
    archived: Mapped[bool] = mapped_column(default=False)
    # Set by every write (PatientRepository.add): its FHIR meta.lastUpdated; NULL on rows older than the column.
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class PatientContact(Base):
    """An e-mail or phone number that names one patient within an account and mode (the
    pharmacy API's USER: "email … UNIQUE", "phone: UNIQUE"). Kept apart from the patient so
    the database itself holds the rule under concurrent creates, for the patients the
    pharmacy names by contact, without touching the devices flow's patients."""

    __tablename__ = "patient_contacts"
    __table_args__ = (UniqueConstraint("account_id", "mode", "kind", "value", name="uq_patient_contacts"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    mode: Mapped[str] = mapped_column(String(4))
    kind: Mapped[str] = mapped_column(String(8))  # "email" (lower-cased) or "phone" (E.164)
    value: Mapped[str] = mapped_column(String(320))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
