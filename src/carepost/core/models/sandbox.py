"""An account's sandbox: whether its test orders walk by themselves (the autopilot), and how fast."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, UTCDateTime


class SandboxSettings(Base):
    __tablename__ = "sandbox_settings"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    autopilot: Mapped[bool] = mapped_column(default=False)
    autopilot_interval_seconds: Mapped[float] = mapped_column(Float)  # between one step of a test order and the next
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
