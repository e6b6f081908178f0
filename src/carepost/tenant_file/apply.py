"""Applying a tenant file: idempotent, so applying it twice changes nothing.

Accounts are matched by slug. A key is matched by (name, mode): an active one
is kept, and only keys issued by this run carry their secret in the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.sealing import seal
from carepost.adapters.commerce.shopify import ShopifyConnection
from carepost.core.accounts import service as accounts
from carepost.core.accounts import users
from carepost.core.accounts.service import Scope
from carepost.core.commerce.connections import save_connection
from carepost.core.kit.db import Database
from carepost.core.kit.errors import InvalidInput
from carepost.core.manufacturing import scan_email
from carepost.core.manufacturing.settings import MaskSettingsIn, save_settings, set_product_gtin
from carepost.core.webhooks import endpoints
from carepost.core.webhooks.policy import WebhookPolicy
from carepost.tenant_file import cases, devices, pharmacy
from carepost.tenant_file.schema import AccountFile, LedgerFile, ShopifyFile, TenantFile, WebhookFile


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
    users: list[str] = field(default_factory=list)  # their e-mails
    # Accounts with the pharmacy API: the ids to try it with.
    pharmacy: dict[str, Any] | None = None
    # Accounts that issue CFDI invoices: the issuer, its certificate number and PAC (no secrets).
    invoicing: dict[str, Any] | None = None
    # Organizations with the cases API: their cases, and the network's pharmacies and drugs.
    cases: dict[str, Any] | None = None
    # Webhook endpoints: id, mode, url, and the secret of one made now (None for one that existed).
    webhooks: list[dict[str, Any]] = field(default_factory=list)
    # Accounts with the devices API: the ids to try it with (its patients and sites, the shared catalog).
    devices: dict[str, Any] | None = None


def parse(text: str) -> TenantFile:
    try:
        return TenantFile.model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValidationError) as exc:
        raise InvalidInput(f"The tenant file is not valid: {exc}") from exc


def read(path: Path) -> TenantFile:
    """Parse the file; the files it names (an issuer's CSD) are relative to it."""
    tenant = parse(path.read_text())
    for account in tenant.accounts:
        if account.invoicing is not None:
            pharmacy.resolve_invoicing_paths(account.invoicing, path.parent)
    return tenant


async def apply(
    db: Database, tenant: TenantFile, *, secret_key: str, webhook_policy: WebhookPolicy | None = None
) -> list[AccountReport]:
    """`secret_key` seals store credentials, CSDs and webhook secrets (CAREPOST_SECRET_KEY: the
    same on every process); `webhook_policy` says which webhook URLs are allowed."""
    policy = webhook_policy or WebhookPolicy()
    async with db.transaction() as session:
        for mask_type, product in tenant.mask_products.items():
            await set_product_gtin(session, mask_type=mask_type.value, gtin=product.gtin)
        catalog = await devices.apply_supply(session, tenant)
        delivery = await pharmacy.apply_delivery(session, tenant)
        network = await cases.apply_network(session, tenant)
        return [await _apply_account(session, entry, secret_key, catalog, delivery, policy, network) for entry in tenant.accounts]


async def _apply_commerce(session: AsyncSession, account_id: int, commerce: ShopifyFile | LedgerFile, secret_key: str) -> None:
    if isinstance(commerce, LedgerFile):
        await save_connection(session, account_id=account_id, provider="ledger", config={}, sealed_credentials=None)
        return
    config = commerce.model_dump(exclude={"provider", "access_token", "endpoint"})
    config["endpoint"] = commerce.endpoint or ShopifyConnection.endpoint_for(commerce.shop_domain, commerce.api_version)
    await save_connection(
        session, account_id=account_id, provider="shopify", config=config, sealed_credentials=seal(secret_key, commerce.access_token)
    )


async def _apply_webhook(session: AsyncSession, account_id: int, hook: WebhookFile, policy: WebhookPolicy, secret_key: str) -> dict[str, Any]:
    given = endpoints.EndpointIn(url=hook.url, description=hook.description, event_types=hook.event_types)
    found = await endpoints.ensure(session, scope=Scope(account_id, hook.mode), given=given, policy=policy, secret_key=secret_key)
    endpoint, secret = (found.endpoint, found.secret) if isinstance(found, endpoints.Made) else (found, None)
    return {"id": endpoint.public_id, "mode": endpoint.mode, "url": endpoint.url, "secret": secret}


async def _apply_account(
    session: AsyncSession,
    entry: AccountFile,
    secret_key: str,
    catalog: dict[str, list[dict[str, Any]]],
    delivery: dict[str, list[dict[str, Any]]],
    policy: WebhookPolicy,
    network: dict[str, list[dict[str, Any]]],
) -> AccountReport:
    account = await accounts.ensure_account(
        session, slug=entry.slug, name=entry.name, dialects=set(entry.dialects), rate_limit_per_minute=entry.rate_limit_per_minute
    )
    if entry.masks is not None:
        await save_settings(
            session,
            account_id=account.id,
            settings_in=MaskSettingsIn(
                ordering_enabled=entry.masks.ordering_enabled,
                contact_email=str(entry.masks.contact_email) if entry.masks.contact_email else None,
                allowed_mask_types=[t.value for t in entry.masks.allowed_mask_types],
                variants={t.value: v for t, v in entry.masks.variants.items()},
            ),
        )
        if entry.masks.patient_email is not None:
            email = entry.masks.patient_email
            await scan_email.save_clinic_template(
                session, account_id=account.id, template=scan_email.EmailTemplate(email.subject, email.text, email.html)
            )
    if entry.commerce is not None:
        await _apply_commerce(session, account.id, entry.commerce, secret_key)
    report = AccountReport(slug=account.slug, name=account.name)
    if "devices" in entry.dialects:
        customer = await devices.apply_customer(session, account.id, entry.devices) if entry.devices else {"sites": [], "patients": []}
        report.devices = {**customer, **{k: v for k, v in catalog.items() if k != "products"}}
    if "pharmacy" in entry.dialects:
        own = await pharmacy.apply_account(session, account.id, entry.pharmacy) if entry.pharmacy else {}
        report.pharmacy = {"products": catalog["products"], **delivery, "payment_methods": [], "coupons": [], **own}
    if "cases" in entry.dialects:
        report.cases = {"cases": await cases.apply_cases(session, account.id, entry.cases), **network}
    if entry.invoicing is not None:
        report.invoicing = await pharmacy.apply_invoicing(session, account.id, entry.invoicing, secret_key)
    for hook in entry.webhooks:
        report.webhooks.append(await _apply_webhook(session, account.id, hook, policy, secret_key))
    for person in entry.users:
        user = await users.ensure_user(
            session, account_id=account.id, email=str(person.email), password=person.password,
            first_name=person.first_name, last_name=person.last_name,
        )
        report.users.append(user.email)
    for key in entry.keys:
        existing = await accounts.active_key_named(session, account=account, mode=key.mode, name=key.name)
        if existing is not None:
            report.keys.append(KeyReport(key.name, key.mode, existing.role, existing.prefix, secret=None))
            continue
        issued = await accounts.issue_key(session, account=account, mode=key.mode, name=key.name, role=key.role)
        report.keys.append(KeyReport(key.name, key.mode, key.role, issued.prefix, secret=issued.secret))
    return report
