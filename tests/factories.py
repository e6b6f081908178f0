"""Small typed helpers that make test data through the real services."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from carepost.core.accounts import service as accounts
from carepost.core.accounts import users
from carepost.core.kit.db import Database
from carepost.core.manufacturing.settings import MaskSettingsIn, save_settings
from carepost.core.operators import service as operators


@dataclass(frozen=True)
class Clinic:
    account_id: int
    slug: str
    live_key: str
    test_key: str
    live_key_id: int
    test_key_id: int


async def create_clinic(
    db: Database,
    *,
    dialects: tuple[str, ...] = ("masks",),
    mask_types: tuple[str, ...] = ("cpap", "nose"),
    contact_email: str | None = "orders@clinic.example",
    ordering_enabled: bool = True,
    variants: dict[str, str] | None = None,
    configure_masks: bool = True,
) -> Clinic:
    slug = f"clinic-{uuid.uuid4().hex[:12]}"
    async with db.transaction() as session:
        account = await accounts.ensure_account(session, slug=slug, name=f"Clinic {slug}", dialects=set(dialects))
        if configure_masks:
            await save_settings(
                session,
                account_id=account.id,
                settings_in=MaskSettingsIn(
                    ordering_enabled=ordering_enabled,
                    contact_email=contact_email,
                    allowed_mask_types=list(mask_types),
                    variants=variants if variants is not None else {"cpap": "variant-ff-1", "nose": "variant-nasal-1"},
                ),
            )
        live = await accounts.issue_key(session, account=account, mode="live", name="default")
        test = await accounts.issue_key(session, account=account, mode="test", name="default")
    return Clinic(account.id, slug, live.secret, test.secret, live.id, test.id)


async def issue_key(db: Database, clinic: Clinic, *, mode: str = "live", role: str = "full") -> str:
    async with db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=clinic.slug)
        issued = await accounts.issue_key(session, account=account, mode=mode, name=f"extra-{uuid.uuid4().hex[:6]}", role=role)
    return issued.secret


def mask_order(**overrides: Any) -> dict[str, Any]:
    """The contract's own request example, minus the credentials."""
    body: dict[str, Any] = {
        "patient_email": "patient@example.com",
        "patient_name": "Jane Doe",
        "phone": "+15551234567",
        "shipping_address": {
            "first_name": "Jane",
            "last_name": "Doe",
            "address1": "123 Main Street",
            "address2": "Apt 4",
            "city": "Portland",
            "province": "Oregon",
            "country": "United States",
            "country_code": "US",
            "zip": "97201",
        },
        "mask_type": "cpap",
        "forge_sends_email_to_client": False,
    }
    body.update(overrides)
    return body


async def create_operator(db: Database, name: str = "factory-floor") -> str:
    async with db.transaction() as session:
        return await operators.issue_token(session, name=name)


@dataclass(frozen=True)
class PharmacyClient:
    clinic: Clinic
    email: str
    password: str


async def create_pharmacy_client(db: Database, *, password: str = "correct horse battery") -> PharmacyClient:
    """An account with the pharmacy API enabled and one user who can sign in."""
    clinic = await create_clinic(db, dialects=("pharmacy",), configure_masks=False)
    email = f"buyer-{uuid.uuid4().hex[:8]}@clinic.example"
    async with db.transaction() as session:
        await users.ensure_user(session, account_id=clinic.account_id, email=email, password=password)
    return PharmacyClient(clinic, email, password)
