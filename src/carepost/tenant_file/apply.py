"""Applying a tenant file: idempotent, so applying it twice changes nothing.

Accounts are matched by slug. A key is matched by (name, mode): an active one
is kept, and only keys issued by this run carry their secret in the report.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, ValidationError, create_model
from sqlalchemy.ext.asyncio import AsyncSession

from carepost import flows
from carepost.core.accounts import service as accounts
from carepost.core.accounts.service import Scope
from carepost.core.kit.db import Database
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Account
from carepost.core.sandbox import autopilot
from carepost.core.webhooks import endpoints
from carepost.core.webhooks.policy import WebhookPolicy
from carepost.tenant_file import schema, supply
from carepost.tenant_file.schema import TenantFile, WebhookFile
from carepost.tenant_file.sections import AccountWork, TenantSection


@dataclass
class KeyReport:
    name: str
    mode: str
    role: str
    prefix: str
    secret: str | None  # only for a key issued by this run


@dataclass
class AccountReport:
    slug: str
    name: str
    keys: list[KeyReport] = field(default_factory=list)
    # Webhook endpoints: id, mode, url, and the secret of one made now (None for one that existed).
    webhooks: list[dict[str, Any]] = field(default_factory=list)
    # Each dialect's own entries (tenant_file/sections.py): the ids to try its API with (`devices`,
    # `pharmacy`, `cases`), the CFDI issuer (`invoicing`, no secrets), the users' e-mails (`users`).
    sections: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """As `carepost load` prints it: the sections' entries beside the account's own."""
        own = asdict(self)
        return {**{k: v for k, v in own.items() if k != "sections"}, **self.sections}


def model() -> type[TenantFile]:
    """The whole file's model for the dialects registered now (built once per set of them)."""
    sections = {d.name: d.tenant for d in flows.dialects() if d.tenant is not None}
    key = tuple(sections)
    if key not in _MODELS:
        account = create_model(  # type: ignore[call-overload]
            "AccountEntry", __base__=schema.AccountFile, **{k: v for s in sections.values() for k, v in s.account_fields.items()}
        )
        _MODELS[key] = create_model(  # type: ignore[call-overload]
            "Tenant", __base__=TenantFile, accounts=(list[account], Field(default_factory=list)),
            **{k: v for s in sections.values() for k, v in s.tenant_fields.items()},
        )
    return _MODELS[key]


_MODELS: dict[tuple[str, ...], type[TenantFile]] = {}


def parse(text: str) -> TenantFile:
    try:
        return model().model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValidationError) as exc:
        raise InvalidInput(f"The tenant file is not valid: {exc}") from exc


def read(path: Path) -> TenantFile:
    """Parse the file; the files it names (an issuer's CSD) are relative to it."""
    tenant = parse(path.read_text())
    for section in _sections():
        if section.resolve_paths is not None:
            for account in tenant.accounts:
                section.resolve_paths(account, path.parent)
    return tenant


async def apply(
    db: Database, tenant: TenantFile, *, secret_key: str, webhook_policy: WebhookPolicy | None = None
) -> list[AccountReport]:
    """`secret_key` seals store credentials, CSDs and webhook secrets (CAREPOST_SECRET_KEY: the
    same on every process); `webhook_policy` says which webhook URLs are allowed."""
    policy = webhook_policy or WebhookPolicy()
    async with db.transaction() as session:
        loaded = await supply.apply_supply(session, tenant)
        shared = {id(s): await s.apply_shared(session, tenant) if s.apply_shared else None for s in _sections()}
        reports = []
        for entry in tenant.accounts:
            account = await accounts.ensure_account(
                session, slug=entry.slug, name=entry.name, dialects=set(entry.dialects), rate_limit_per_minute=entry.rate_limit_per_minute
            )
            report = AccountReport(slug=account.slug, name=account.name)
            for section in _sections():
                if section.apply_account is not None:
                    work = AccountWork(session, account, entry, secret_key, loaded, shared[id(section)])
                    report.sections.update(await section.apply_account(work))
            if entry.sandbox is not None:
                await autopilot.configure(
                    session, account_id=account.id, enabled=entry.sandbox.autopilot, interval_seconds=entry.sandbox.autopilot_interval_seconds
                )
            report.webhooks = [await _apply_webhook(session, account.id, hook, policy, secret_key) for hook in entry.webhooks]
            report.keys = [await _apply_key(session, account, key) for key in entry.keys]
            reports.append(report)
        return reports


def _sections() -> list[TenantSection]:
    return [d.tenant for d in flows.dialects() if d.tenant is not None]


async def _apply_webhook(session: AsyncSession, account_id: int, hook: WebhookFile, policy: WebhookPolicy, secret_key: str) -> dict[str, Any]:
    given = endpoints.EndpointIn(url=hook.url, description=hook.description, event_types=hook.event_types)
    found = await endpoints.ensure(session, scope=Scope(account_id, hook.mode), given=given, policy=policy, secret_key=secret_key)
    endpoint, secret = (found.endpoint, found.secret) if isinstance(found, endpoints.Made) else (found, None)
    return {"id": endpoint.public_id, "mode": endpoint.mode, "url": endpoint.url, "secret": secret}


async def _apply_key(session: AsyncSession, account: Account, key: schema.KeyFile) -> KeyReport:
    existing = await accounts.active_key_named(session, account=account, mode=key.mode, name=key.name)
    if existing is not None:
        return KeyReport(key.name, key.mode, existing.role, existing.prefix, secret=None)
    issued = await accounts.issue_key(session, account=account, mode=key.mode, name=key.name, role=key.role)
    return KeyReport(key.name, key.mode, key.role, issued.prefix, secret=issued.secret)
