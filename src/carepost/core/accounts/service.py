"""Accounts, enabled dialects, API keys, and turning a presented key into a Caller."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.keys import MODES, ROLES, hash_secret, new_key
from carepost.core.accounts.repository import AccountRepository, ApiKeyRepository, key_grant
from carepost.core.flows import registry
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Forbidden, InvalidInput, NotFound, Unauthenticated
from carepost.core.kit.lean import Runner
from carepost.core.models import Account, ApiKey


@dataclass(frozen=True)
class Scope:
    """What a caller may see: one account's objects of one mode (test objects never meet live ones)."""

    account_id: int
    mode: str


@dataclass(frozen=True)
class Caller:
    """Who is calling: the account, the key that acts for it, and that key's mode."""

    account_id: int
    api_key_id: int
    mode: str
    role: str
    dialects: frozenset[str]
    rate_limit_per_minute: int | None = None  # the account's own; None: the service's default

    @property
    def scope(self) -> Scope:
        return Scope(self.account_id, self.mode)

    @property
    def is_test(self) -> bool:
        return self.mode == "test"

    def require_dialect(self, dialect: str) -> None:
        if dialect not in self.dialects:
            raise Forbidden(f"The {dialect} API is not enabled for this account.", code="dialect_disabled")

    def require_write(self) -> None:
        if self.role != "full":
            raise Forbidden("This API key may only read.", code="read_only_key")


@dataclass(frozen=True)
class IssuedKey:
    id: int
    secret: str
    prefix: str
    mode: str
    name: str


async def authenticate(on: Runner, *, secret: str | None) -> Caller:
    """The Caller for a presented key; revoked, unknown and missing keys look alike."""
    if not secret:
        raise Unauthenticated("No API key was presented.", code="missing_api_key")
    grant = await key_grant(on, hash_secret(secret))
    if grant is None or grant.revoked:
        raise Unauthenticated("The API key is invalid or has been revoked.", code="invalid_api_key")
    return Caller(
        account_id=grant.account_id,
        api_key_id=grant.key_id,
        mode=grant.mode,
        role=grant.role,
        dialects=grant.dialects,
        rate_limit_per_minute=grant.rate_limit_per_minute,
    )


async def ensure_account(
    session: AsyncSession, *, slug: str, name: str, dialects: set[str], rate_limit_per_minute: int | None = None
) -> Account:
    """Create the account or bring an existing one to this name, dialect set and request limit."""
    unknown = dialects - set(registry.dialects())
    if unknown:
        raise InvalidInput(f"Unknown dialects: {', '.join(sorted(unknown))}")
    accounts = AccountRepository(session)
    account = await accounts.by_slug(slug)
    if account is None:
        account = await accounts.add(
            Account(slug=slug, name=name, created_at=utcnow(), rate_limit_per_minute=rate_limit_per_minute)
        )
    else:
        account.name = name
        account.rate_limit_per_minute = rate_limit_per_minute
    await accounts.replace_dialects(account.id, dialects)
    return account


async def account_by_slug(session: AsyncSession, *, slug: str) -> Account:
    account = await AccountRepository(session).by_slug(slug)
    if account is None:
        raise NotFound(f"No account with slug {slug!r}.")
    return account


async def scope_by_slug(session: AsyncSession, *, slug: str, mode: str) -> Scope:
    """An account named by its slug, in one mode (operators, the console and the CLI name accounts so)."""
    return Scope((await account_by_slug(session, slug=slug)).id, mode)


async def account_by_id(session: AsyncSession, *, account_id: int) -> Account:
    account = await AccountRepository(session).by_id(account_id)
    if account is None:
        raise NotFound(f"No account {account_id}.")
    return account


async def issue_key(session: AsyncSession, *, account: Account, mode: str, name: str, role: str = "full") -> IssuedKey:
    """A new key; its secret exists only in the returned value."""
    if mode not in MODES:
        raise InvalidInput(f"mode must be one of {', '.join(MODES)}")
    if role not in ROLES:
        raise InvalidInput(f"role must be one of {', '.join(ROLES)}")
    material = new_key(mode)
    key = await ApiKeyRepository(session).add(
        ApiKey(
            account_id=account.id,
            name=name,
            mode=mode,
            role=role,
            prefix=material.prefix,
            secret_hash=material.secret_hash,
            created_at=utcnow(),
        )
    )
    return IssuedKey(id=key.id, secret=material.secret, prefix=key.prefix, mode=mode, name=name)


async def active_key_named(session: AsyncSession, *, account: Account, mode: str, name: str) -> ApiKey | None:
    return await ApiKeyRepository(session).active_named(account.id, name=name, mode=mode)


async def list_keys(session: AsyncSession, *, account: Account) -> list[ApiKey]:
    return await ApiKeyRepository(session).for_account(account.id)


async def revoke_key(session: AsyncSession, *, key_id: int, account: Account | None = None) -> bool:
    """True if the key was active (and, given an account, is that account's) and is now revoked."""
    return await ApiKeyRepository(session).revoke(key_id, at=utcnow(), account_id=account.id if account else None)


async def all_accounts(session: AsyncSession) -> list[Account]:
    return await AccountRepository(session).all()


async def enabled_dialects(session: AsyncSession, *, account: Account) -> list[str]:
    """The APIs this account's keys may call."""
    return await AccountRepository(session).dialects(account.id)
