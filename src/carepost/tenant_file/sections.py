"""A dialect's part of the tenant file, declared with the dialect (`Dialect.tenant`): the
keys it adds at the top (what its flow shares across accounts, such as the cases network)
and under each account (its settings, its people), how it applies them, and what it
reports back (the ids to try its API with)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import Account


@dataclass(frozen=True)
class AccountWork:
    """One account being applied, as a section sees it."""

    session: AsyncSession
    account: Account
    entry: Any  # the account's entry, with every section's keys
    secret_key: str  # seals credentials (CAREPOST_SECRET_KEY)
    supply: Mapping[str, list[dict[str, Any]]]  # the shared catalog and warehouses as loaded, with ids
    shared: Any  # what this section's `apply_shared` returned

    @property
    def uses(self) -> set[str]:
        return set(self.entry.dialects)


@dataclass(frozen=True)
class TenantSection:
    # Keys, as pydantic fields: name -> (annotation, default or Field(...)).
    tenant_fields: Mapping[str, tuple[Any, Any]] = field(default_factory=dict)
    account_fields: Mapping[str, tuple[Any, Any]] = field(default_factory=dict)
    # Its shared keys, applied once (the file's whole model given); the result reaches each account.
    apply_shared: Callable[[AsyncSession, Any], Awaitable[Any]] | None = None
    # Its keys of one account; returns the account report's entries it owns (always every one of them).
    apply_account: Callable[[AccountWork], Awaitable[Mapping[str, Any]]] | None = None
    # Files its account keys name, made relative to the tenant file's folder.
    resolve_paths: Callable[[Any, Path], None] | None = None
