"""CFDI invoicing: who issues an account's invoices, and each order's invoice."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, JsonDoc, UTCDateTime


class InvoiceIssuer(Base):
    """An account's fiscal identity (the CFDI's Emisor), its CSD and its PAC.

    The certificate is public and kept as it is; the private key, its password and
    the PAC password are sealed with CAREPOST_SECRET_KEY (core/kit/sealing.py).
    """

    __tablename__ = "invoice_issuers"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    rfc: Mapped[str] = mapped_column(String(13))
    legal_name: Mapped[str] = mapped_column(String(300))
    fiscal_regime: Mapped[str] = mapped_column(String(3))
    postal_code: Mapped[str] = mapped_column(String(5))  # LugarExpedicion
    series: Mapped[str] = mapped_column(String(25))  # Serie; the order id is the Folio
    certificate: Mapped[str] = mapped_column(Text)  # DER, base64
    certificate_number: Mapped[str] = mapped_column(String(20))
    sealed_key: Mapped[str] = mapped_column(Text)  # PKCS#8 DER (encrypted by its password), base64, sealed
    sealed_password: Mapped[str] = mapped_column(Text)
    pac: Mapped[dict[str, Any]] = mapped_column(JsonDoc)  # {"provider": "embedded"} | {"provider": "sw_sapien", "url", "user", "sealed_password"}
    default_cfdi_use: Mapped[str] = mapped_column(String(4))
    default_regime_individual: Mapped[str] = mapped_column(String(3))  # persona física (13-character RFC)
    default_regime_company: Mapped[str] = mapped_column(String(3))  # persona moral (12-character RFC)


class Invoice(Base):
    """An order's CFDI: requested with the order or later, issued by the worker.

    Status: pending → stamped → (cancelling →) cancelled, or pending → failed (→ pending
    again when retried or requested anew). `receiver` is the validated Receptor.
    """

    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(16))
    receiver: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    email: Mapped[str] = mapped_column(String(320))
    uuid: Mapped[str | None] = mapped_column(String(36), nullable=True, unique=True)
    xml_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    pdf_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    error: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    sandbox: Mapped[bool] = mapped_column(default=True)  # stamped by the embedded PAC: not fiscally valid
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    stamped_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    cancellation: Mapped[dict[str, Any] | None] = mapped_column(JsonDoc, nullable=True)  # the PAC's answer (status, acuse)
