"""Per-clinic settings of the made-to-measure (masks) flow."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, JsonDoc


class MaskClinicSettings(Base):
    __tablename__ = "mask_clinic_settings"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    ordering_enabled: Mapped[bool]
    contact_email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    allowed_mask_types: Mapped[list[str]] = mapped_column(JsonDoc)
    # mask_type -> the store's product variant for that mask.
    variants: Mapped[dict[str, str]] = mapped_column(JsonDoc)
