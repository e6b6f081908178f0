"""People who sign in for an account with an e-mail and a password (the pharmacy
API's token endpoint). Passwords are hashed with argon2 (core/kit/passwords.py);
a hash made with older parameters is upgraded at the next successful sign-in.
Repeated wrong passwords lock the user out for a while (core/kit/lockout.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.repository import AccountUserRepository, account_user
from carepost.core.kit import lockout, passwords
from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database
from carepost.core.kit.lean import Runner
from carepost.core.models import AccountUser


@dataclass(frozen=True)
class SignedIn:
    user_id: int
    account_id: int
    email: str


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


async def sign_in(db: Database, *, account_id: int, email: str, password: str) -> SignedIn | None:
    """The user these credentials belong to, or None: an unknown e-mail, a wrong password,
    an inactive user and a locked-out one look alike. The password is checked after a read,
    so argon2's tens of milliseconds hold no write lock; a failure is counted after, and a
    success writes only when it has something to change (failures to clear, a weak hash)."""
    at = utcnow()
    async with db.lookup() as session:
        user = await AccountUserRepository(session).by_email(account_id, email.strip().lower())
    right = await passwords.matches(user.password_hash if user else None, password)
    if user is None or not user.active or lockout.is_locked(user.locked_until, at):
        return None
    if not right:
        async with db.transaction() as session:
            await AccountUserRepository(session).count_failure(user.id, at=at)
        return None
    weak_hash = passwords.needs_rehash(user.password_hash)  # made with older parameters: store it again with today's
    if user.failed_sign_ins or weak_hash:
        async with db.transaction() as session:
            users = AccountUserRepository(session)
            await users.clear_failures(user.id)
            if weak_hash:
                fresh = await users.by_id(account_id, user.id)
                if fresh is not None:  # not removed meanwhile
                    fresh.password_hash = await passwords.hashed(password)
    return SignedIn(user.id, user.account_id, user.email)


async def active_user(on: Runner, *, account_id: int, user_id: int) -> AccountUser | None:
    """The user behind a pharmacy token, if still active: a copy to read, never to change."""
    user = await account_user(on, account_id=account_id, user_id=user_id)
    return user if user is not None and user.active else None


async def users_of(session: AsyncSession, *, account_id: int) -> list[AccountUser]:
    return await AccountUserRepository(session).all_of(account_id)
