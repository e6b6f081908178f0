"""Tenants (a clinic, client, customer or organization: one model for every dialect)
and the API keys that act for them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId, UTCDateTime


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Requests a minute each of its API keys may make; None takes the service's default.
    rate_limit_per_minute: Mapped[int | None] = mapped_column(nullable=True)


class AccountDialect(Base):
    """A dialect (partner API) this account may use."""

    __tablename__ = "account_dialects"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    dialect: Mapped[str] = mapped_column(String(16), primary_key=True)


class ApiKey(Base):
    """Only the SHA-256 of a key is stored; `prefix` is the part safe to show."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    mode: Mapped[str] = mapped_column(String(4))
    role: Mapped[str] = mapped_column(String(16))
    prefix: Mapped[str] = mapped_column(String(32))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AccountUser(Base):
    """A person who signs in for an account (the pharmacy API's e-mail and password).
    Only the argon2 hash of the password is stored."""

    __tablename__ = "account_users"
    __table_args__ = (UniqueConstraint("account_id", "email", name="uq_account_users_account_id_email"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(320))  # stored lower-cased
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_sign_ins: Mapped[int] = mapped_column(default=0, server_default="0")  # in a row (core/kit/lockout.py)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
