"""People who sign in for an account with an e-mail and a password (the pharmacy
API's token endpoint). Passwords are hashed with argon2 (core/kit/passwords.py);
a hash made with older parameters is upgraded at the next successful sign-in."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.repository import AccountUserRepository
from carepost.core.kit import passwords
from carepost.core.kit.clock import utcnow
from carepost.core.models import AccountUser


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
    passwords.require_strong_enough(password)
    users = AccountUserRepository(session)
    user = await users.by_email(account_id, email.strip().lower())
    if user is None:
        user = AccountUser(account_id=account_id, email=email.strip().lower(), active=True, created_at=utcnow())
    user.first_name, user.last_name = first_name, last_name
    user.password_hash = await passwords.hashed(password)
    await users.add(user)
    return user


async def sign_in(session: AsyncSession, *, account_id: int, email: str, password: str) -> SignedIn | None:
    """The user these credentials belong to, or None: an unknown e-mail, a wrong password
    and an inactive user look alike. Only reads: run it in a read session, so the argon2
    verification holds no write lock."""
    users = AccountUserRepository(session)
    user = await users.by_email(account_id, email.strip().lower())
    if not await passwords.matches(user.password_hash if user else None, password):
        return None
    if user is None or not user.active:
        return None
    return SignedIn(user.id, user.account_id, user.email, needs_rehash=passwords.needs_rehash(user.password_hash))


async def rehash(session: AsyncSession, *, signed_in: SignedIn, password: str) -> None:
    """Store the password again with today's parameters (after a sign-in that verified it)."""
    user = await AccountUserRepository(session).by_id(signed_in.account_id, signed_in.user_id)
    if user is not None:
        user.password_hash = await passwords.hashed(password)
        await AccountUserRepository(session).add(user)


async def active_user(session: AsyncSession, *, account_id: int, user_id: int) -> AccountUser | None:
    user = await AccountUserRepository(session).by_id(account_id, user_id)
    return user if user is not None and user.active else None


async def users_of(session: AsyncSession, *, account_id: int) -> list[AccountUser]:
    return await AccountUserRepository(session).all_of(account_id)
