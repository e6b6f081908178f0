"""People who sign in for an account with an e-mail and a password (the pharmacy
API's token endpoint). Passwords are hashed with argon2 (argon2-cffi's defaults,
RFC 9106's second recommended profile); a hash made with older parameters is
upgraded at the next successful sign-in."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.repository import AccountUserRepository
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import AccountUser

_HASHER = PasswordHasher()
# Verified when the e-mail is unknown, so a wrong e-mail costs what a wrong password does
# and the timing does not tell which accounts exist.
_UNKNOWN_USER_HASH = _HASHER.hash("carepost: no such user")
MIN_PASSWORD_LENGTH = 12


@dataclass(frozen=True)
class SignedIn:
    user_id: int
    account_id: int
    email: str
    needs_rehash: bool  # hashed with older parameters: call rehash() in a write transaction


async def ensure_user(
    session: AsyncSession, *, account_id: int, email: str, password: str, first_name: str = "", last_name: str = ""
) -> AccountUser:
    """Create the user, or bring an existing one (same e-mail) to this password and name."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.", field="password")
    users = AccountUserRepository(session)
    user = await users.by_email(account_id, email.strip().lower())
    if user is None:
        user = AccountUser(account_id=account_id, email=email.strip().lower(), active=True, created_at=utcnow())
    user.first_name, user.last_name = first_name, last_name
    user.password_hash = await asyncio.to_thread(_HASHER.hash, password)
    await users.add(user)
    return user


async def sign_in(session: AsyncSession, *, account_id: int, email: str, password: str) -> SignedIn | None:
    """The user these credentials belong to, or None: an unknown e-mail, a wrong password
    and an inactive user look alike. Only reads: run it in a read session, so the argon2
    verification holds no write lock."""
    users = AccountUserRepository(session)
    user = await users.by_email(account_id, email.strip().lower())
    try:  # argon2 costs tens of milliseconds of CPU by design: off the event loop
        await asyncio.to_thread(_HASHER.verify, user.password_hash if user else _UNKNOWN_USER_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    return SignedIn(user.id, user.account_id, user.email, needs_rehash=_HASHER.check_needs_rehash(user.password_hash))


async def rehash(session: AsyncSession, *, signed_in: SignedIn, password: str) -> None:
    """Store the password again with today's parameters (after a sign-in that verified it)."""
    user = await AccountUserRepository(session).by_id(signed_in.account_id, signed_in.user_id)
    if user is not None:
        user.password_hash = await asyncio.to_thread(_HASHER.hash, password)
        await AccountUserRepository(session).add(user)


async def active_user(session: AsyncSession, *, account_id: int, user_id: int) -> AccountUser | None:
    user = await AccountUserRepository(session).by_id(account_id, user_id)
    return user if user is not None and user.active else None
