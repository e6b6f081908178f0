"""People who sign in to the operator console: an e-mail, a password (argon2,
core/kit/passwords.py) and a role.

- `admin` may do everything; `support` may read, and take the order actions,
  but not see keys, change settings or read the audit log (`may`).
- Five failed sign-ins in a row lock an operator out for fifteen minutes; the
  answer to a locked operator is the answer to a wrong password, so neither
  tells which e-mails exist.
- A session is a random secret in the browser's cookie, stored here as its
  SHA-256 only; it expires after twelve hours, or when its operator signs out.
  Each carries the token every form of it must send back (CSRF).
- Every sign-in, failed or not, every sign-out and every action is written to
  the console's audit log (`record`), with no patient data: ids, not names.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.keys import hash_secret
from carepost.core.kit import lockout, passwords
from carepost.core.kit.bounds import start_of_day, start_of_next_day
from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database
from carepost.core.kit.errors import Forbidden, InvalidInput
from carepost.core.kit.paging import Page, PageRequest
from carepost.core.models import ConsoleAuditEntry, ConsoleOperator, ConsoleSession
from carepost.core.operators.console_repository import ConsoleRepository

ROLES = ("admin", "support")
_MAY = {
    "admin": frozenset({"read", "order_actions", "keys", "settings", "operators", "audit"}),
    "support": frozenset({"read", "order_actions"}),
}
SESSION_LIFETIME = timedelta(hours=12)


@dataclass(frozen=True)
class ConsoleUser:
    id: int
    email: str
    name: str
    role: str

    def may(self, capability: str) -> bool:
        return capability in _MAY[self.role]

    def require(self, capability: str) -> None:
        if not self.may(capability):
            raise Forbidden(f"A {self.role} operator may not do this.", code="console_forbidden")


@dataclass(frozen=True)
class NewSession:
    secret: str  # for the cookie; only its hash is stored
    csrf_token: str
    expires_at: datetime
    user: ConsoleUser


@dataclass(frozen=True)
class LiveSession:
    user: ConsoleUser
    csrf_token: str


async def ensure_operator(session: AsyncSession, *, email: str, name: str, role: str, password: str) -> ConsoleOperator:
    """Create the operator, or bring the one with this e-mail to this name, role and password."""
    if role not in ROLES:
        raise InvalidInput(f"role must be one of: {', '.join(ROLES)}.", field="role")
    passwords.require_strong_enough(password)
    repository = ConsoleRepository(session)
    address = email.strip().lower()
    operator = await repository.operator_by_email(address) or ConsoleOperator(email=address, failed_sign_ins=0, created_at=utcnow())
    operator.name, operator.role = name, role
    operator.password_hash = await passwords.hashed(password)
    await repository.add(operator)
    return operator


async def sign_in(
    db: Database, *, email: str, password: str, client: str | None, replacing: str | None = None
) -> NewSession | None:
    """A new session for these credentials, or None (wrong e-mail, wrong password, locked
    out or disabled: all alike). The password is checked in a read, so argon2's tens of
    milliseconds hold no write lock; the outcome is written after. The browser's earlier
    session (`replacing`, its cookie's secret) ends with the new one's start."""
    # As typed, for the audit row; a control character (a NUL PostgreSQL would refuse) can name no operator.
    address = "".join(ch if ch.isprintable() else "\ufffd" for ch in email.strip().lower()[:320])
    at = utcnow()
    async with db.lookup() as session:
        operator = await ConsoleRepository(session).operator_by_email(address)
    right = await passwords.matches(operator.password_hash if operator else None, password)
    async with db.transaction() as session:
        repository = ConsoleRepository(session)
        if operator is None:
            await _record(repository, None, address, "sign_in_failed", client, at)
            return None
        if operator.disabled_at is not None or lockout.is_locked(operator.locked_until, at):
            await _record(repository, operator.id, address, "sign_in_refused", client, at,
                detail={"why": "locked" if operator.disabled_at is None else "disabled"})
            return None
        if not right:
            failures = await repository.count_failure(operator.id, at=at)
            await _record(repository, operator.id, address, "sign_in_failed", client, at, detail={"failures_in_a_row": failures})
            if failures == lockout.LOCK_AFTER_FAILURES:
                await _record(repository, operator.id, address, "locked_out", client, at, detail={"until": (at + lockout.LOCKED_FOR).isoformat()})
            return None
        await repository.clear_failures(operator.id)
        if replacing:
            await repository.end_session(hash_secret(replacing), at)
        secret, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        expires_at = at + SESSION_LIFETIME
        await repository.add(
            ConsoleSession(operator_id=operator.id, secret_hash=hash_secret(secret), csrf_token=csrf, created_at=at, expires_at=expires_at)
        )
        await _record(repository, operator.id, address, "sign_in", client, at)
    return NewSession(secret, csrf, expires_at, _user(operator))


async def live_session(session: AsyncSession, *, secret: str | None) -> LiveSession | None:
    """The signed-in operator behind this cookie secret, while the session lives."""
    if not secret:
        return None
    found = await ConsoleRepository(session).live_session(hash_secret(secret), utcnow())
    if found is None:
        return None
    console_session, operator = found
    return LiveSession(_user(operator), console_session.csrf_token)


async def sign_out(session: AsyncSession, *, secret: str, user: ConsoleUser, client: str | None) -> None:
    at = utcnow()
    repository = ConsoleRepository(session)
    await repository.end_session(hash_secret(secret), at)
    await _record(repository, user.id, user.email, "sign_out", client, at)


async def record(
    session: AsyncSession, *, user: ConsoleUser, action: str, target: str | None = None,
    detail: dict[str, Any] | None = None, client: str | None = None,
) -> None:
    """An audit row for something an operator looked at or did, in that work's transaction."""
    await _record(ConsoleRepository(session), user.id, user.email, action, client, utcnow(), target=target, detail=detail)


async def _record(
    repository: ConsoleRepository, operator_id: int | None, email: str, action: str, client: str | None, at: datetime,
    *, target: str | None = None, detail: dict[str, Any] | None = None,
) -> None:
    await repository.add(
        ConsoleAuditEntry(
            operator_id=operator_id, email=email, action=action, target=target, detail=detail, client=(client or "")[:64] or None, at=at
        )
    )


async def audit_log(
    session: AsyncSession, *, user: ConsoleUser, email: str | None = None, action: str | None = None,
    on: date | None = None, request: PageRequest,
) -> Page[ConsoleAuditEntry]:
    """The console's audit rows, newest first, for an admin: filtered by operator e-mail, action and day."""
    user.require("audit")
    rows, total = await ConsoleRepository(session).audit_page(
        email=email.strip().lower() if email else None, action=action, since=start_of_day(on) if on else None,
        before=start_of_next_day(on) if on else None, offset=request.offset, limit=request.size,
    )
    return Page(items=rows, request=request, total=total)


def _user(operator: ConsoleOperator) -> ConsoleUser:
    return ConsoleUser(operator.id, operator.email, operator.name, operator.role)
