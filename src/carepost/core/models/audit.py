"""One row per partner call, live and test alike. Never a body, query or patient datum."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, UTCDateTime


class RequestLogEntry(Base):
    __tablename__ = "request_log"
    __table_args__ = (
        Index("ix_request_log_account_at", "account_id", "created_at"),
        Index("ix_request_log_key", "api_key_id", "id"),  # a key's calls, newest first (console)
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    request_id: Mapped[str] = mapped_column(String(32), index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), nullable=True)
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id", ondelete="CASCADE"), nullable=True)
    mode: Mapped[str | None] = mapped_column(String(4), nullable=True)
    dialect: Mapped[str | None] = mapped_column(String(16), nullable=True)
    method: Mapped[str] = mapped_column(String(8))
    # The route template (`/orders/{vitacore_order_id}/status`), never the query string.
    route: Mapped[str] = mapped_column(String(200))
    status_code: Mapped[int]
    duration_ms: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AccessAuditEntry(Base):
    """Who read which order's data, when, through which request (status reads, lookups)."""

    __tablename__ = "access_audit"
    __table_args__ = (Index("ix_access_audit_account_order", "account_id", "order_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    api_key_id: Mapped[int] = mapped_column(ForeignKey("api_keys.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(32))
    request_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
