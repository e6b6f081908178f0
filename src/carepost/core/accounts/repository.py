"""SQL for accounts, their dialects and their API keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, delete, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit import lockout
from carepost.core.kit.db import rows_changed
from carepost.core.kit.lean import LeanStatement, Runner, columns_of, detached
from carepost.core.models import Account, AccountDialect, AccountUser, ApiKey


@dataclass(frozen=True)
class KeyGrant:
    """What an API key may do: whose it is, its mode and role, the account's dialects."""

    key_id: int
    account_id: int
    mode: str
    role: str
    revoked: bool
    dialects: frozenset[str]
    rate_limit_per_minute: int | None


class AccountRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_slug(self, slug: str) -> Account | None:
        return await self.session.scalar(select(Account).where(Account.slug == slug))

    async def by_id(self, account_id: int) -> Account | None:
        return await self.session.get(Account, account_id)

    async def all(self) -> list[Account]:
        return list(await self.session.scalars(select(Account).order_by(Account.id)))

    async def add(self, account: Account) -> Account:
        self.session.add(account)
        await self.session.flush()
        return account

    async def dialects(self, account_id: int) -> list[str]:
        query = select(AccountDialect.dialect).where(AccountDialect.account_id == account_id).order_by(AccountDialect.dialect)
        return list(await self.session.scalars(query))

    async def replace_dialects(self, account_id: int, dialects: set[str]) -> None:
        await self.session.execute(delete(AccountDialect).where(AccountDialect.account_id == account_id))
        self.session.add_all(AccountDialect(account_id=account_id, dialect=d) for d in sorted(dialects))
        await self.session.flush()


# Every request's first statement (lean.py: compiled once, run on the driver).
_GRANT = LeanStatement(
    select(
        ApiKey.id,
        ApiKey.account_id,
        ApiKey.mode,
        ApiKey.role,
        ApiKey.revoked_at,
        Account.rate_limit_per_minute,
        AccountDialect.dialect,
    )
    .join(Account, Account.id == ApiKey.account_id)
    .outerjoin(AccountDialect, AccountDialect.account_id == ApiKey.account_id)
    .where(ApiKey.secret_hash == bindparam("secret_hash"))
)


async def key_grant(on: Runner, secret_hash: str) -> KeyGrant | None:
    """The key with this hash and its account's dialects, in one round trip (every request
    asks, on a bare connection: Database.statement)."""
    rows = await _GRANT.rows(on, secret_hash=secret_hash)
    if not rows:
        return None
    key_id, account_id, mode, role, revoked_at, rate_limit, _ = rows[0]
    dialects = frozenset(row[-1] for row in rows if row[-1] is not None)
    return KeyGrant(
        key_id, account_id, mode, role, revoked=revoked_at is not None, dialects=dialects, rate_limit_per_minute=rate_limit
    )


class ApiKeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, key: ApiKey) -> ApiKey:
        self.session.add(key)
        await self.session.flush()
        return key

    async def for_account(self, account_id: int) -> list[ApiKey]:
        return list(await self.session.scalars(select(ApiKey).where(ApiKey.account_id == account_id).order_by(ApiKey.id)))

    async def active_named(self, account_id: int, *, name: str, mode: str) -> ApiKey | None:
        return await self.session.scalar(
            select(ApiKey).where(
                ApiKey.account_id == account_id, ApiKey.name == name, ApiKey.mode == mode, ApiKey.revoked_at.is_(None)
            )
        )

    async def revoke(self, key_id: int, *, at: datetime, account_id: int | None = None) -> bool:
        owned = ApiKey.account_id == account_id if account_id is not None else true()
        changed = await rows_changed(self.session,
            update(ApiKey).where(ApiKey.id == key_id, owned, ApiKey.revoked_at.is_(None)).values(revoked_at=at)
        )
        return changed == 1



# A pharmacy user, read on every pharmacy request behind the key (lean.py; Database.statement).
_USER = LeanStatement(
    select(*columns_of(AccountUser)).where(AccountUser.account_id == bindparam("account_id"), AccountUser.id == bindparam("user_id"))
)


async def account_user(on: Runner, *, account_id: int, user_id: int) -> AccountUser | None:
    """The account's user with this id, as a read-only copy (lean.detached)."""
    row = await _USER.first(on, account_id=account_id, user_id=user_id)
    return None if row is None else detached(AccountUser, row)


class AccountUserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_email(self, account_id: int, email: str) -> AccountUser | None:
        return await self.session.scalar(
            select(AccountUser).where(AccountUser.account_id == account_id, AccountUser.email == email)
        )

    async def by_id(self, account_id: int, user_id: int) -> AccountUser | None:
        return await self.session.scalar(
            select(AccountUser).where(AccountUser.account_id == account_id, AccountUser.id == user_id)
        )

    async def count_failure(self, user_id: int, *, at: datetime) -> None:
        """One more wrong password in a row (core/kit/lockout.py)."""
        await self.session.execute(
            update(AccountUser)
            .where(AccountUser.id == user_id)
            .values(lockout.one_more_failure(AccountUser.failed_sign_ins, AccountUser.locked_until, at))
            .execution_options(synchronize_session=False)
        )

    async def clear_failures(self, user_id: int) -> None:
        await self.session.execute(
            update(AccountUser)
            .where(AccountUser.id == user_id)
            .values(lockout.cleared(AccountUser.failed_sign_ins, AccountUser.locked_until))
            .execution_options(synchronize_session=False)
        )

    async def all_of(self, account_id: int) -> list[AccountUser]:
        return list(await self.session.scalars(select(AccountUser).where(AccountUser.account_id == account_id).order_by(AccountUser.id)))

    async def add(self, user: AccountUser) -> None:
        self.session.add(user)
        await self.session.flush()
