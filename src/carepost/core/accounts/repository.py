"""SQL for accounts, their dialects and their API keys."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import Account, AccountDialect, ApiKey


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

    async def dialects(self, account_id: int) -> set[str]:
        rows = await self.session.scalars(select(AccountDialect.dialect).where(AccountDialect.account_id == account_id))
        return set(rows)

    async def replace_dialects(self, account_id: int, dialects: set[str]) -> None:
        await self.session.execute(delete(AccountDialect).where(AccountDialect.account_id == account_id))
        self.session.add_all(AccountDialect(account_id=account_id, dialect=d) for d in sorted(dialects))
        await self.session.flush()


class ApiKeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, key: ApiKey) -> ApiKey:
        self.session.add(key)
        await self.session.flush()
        return key

    async def by_hash(self, secret_hash: str) -> tuple[ApiKey, Account] | None:
        row = (
            await self.session.execute(
                select(ApiKey, Account).join(Account, Account.id == ApiKey.account_id).where(ApiKey.secret_hash == secret_hash)
            )
        ).first()
        return (row[0], row[1]) if row else None

    async def for_account(self, account_id: int) -> list[ApiKey]:
        return list(await self.session.scalars(select(ApiKey).where(ApiKey.account_id == account_id).order_by(ApiKey.id)))

    async def active_named(self, account_id: int, *, name: str, mode: str) -> ApiKey | None:
        return await self.session.scalar(
            select(ApiKey).where(
                ApiKey.account_id == account_id, ApiKey.name == name, ApiKey.mode == mode, ApiKey.revoked_at.is_(None)
            )
        )

    async def revoke(self, key_id: int, *, at: datetime) -> bool:
        result = await self.session.execute(
            update(ApiKey).where(ApiKey.id == key_id, ApiKey.revoked_at.is_(None)).values(revoked_at=at)
        )
        return result.rowcount == 1

