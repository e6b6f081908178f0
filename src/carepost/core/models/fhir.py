"""FHIR bulk exports ($export): a job per request, its NDJSON files in the document store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, JsonDoc, UTCDateTime


class FhirExport(Base):
    """Status: accepted → in-progress → completed | failed. Gone at `expires_at` (files too)."""

    __tablename__ = "fhir_exports"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)  # in its status and file URLs
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    api_key_id: Mapped[int] = mapped_column(ForeignKey("api_keys.id", ondelete="CASCADE"))
    mode: Mapped[str] = mapped_column(String(4))
    status: Mapped[str] = mapped_column(String(16))
    types: Mapped[list[str]] = mapped_column(JsonDoc)
    since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    group_id: Mapped[str | None] = mapped_column(String(16), nullable=True)  # a dialect: the patients of one API
    request_url: Mapped[str] = mapped_column(String(2048))  # as the manifest repeats it
    base_url: Mapped[str] = mapped_column(String(512))  # where its files are downloaded
    progress: Mapped[str | None] = mapped_column(String(100), nullable=True)
    files: Mapped[list[dict[str, Any]]] = mapped_column(JsonDoc)  # [{"type", "key", "count"}]
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
