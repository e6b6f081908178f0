"""The pharmacy dialect's part of the tenant file: shipping methods and pick-up stores
(shared), and each account's payment methods and coupons, its CFDI issuer, and the people
who sign in at its token endpoint. Matched on natural keys, so applying a file twice
changes nothing (a coupon keeps its uses). Items' retail prices are part of the shared
catalog (tenant_file/supply.py)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import EmailStr, Field
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts import users
from carepost.core.invoicing import issuers
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput
from carepost.core.retail import setup
from carepost.core.retail.order_repository import DIALECT
from carepost.core.retail.rules import coupon_usable
from carepost.tenant_file.schema import Strict
from carepost.tenant_file.sections import AccountWork, TenantSection


class ShippingMethodFile(Strict):
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    price: Decimal = Field(ge=0, max_digits=12, decimal_places=2)  # pesos, before IVA
    free_from: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    min_days: int = Field(ge=0, le=60)
    max_days: int = Field(ge=0, le=60)
    zip_prefixes: list[str] = Field(default_factory=lambda: [""])  # "" serves every postal code


class StoreFile(Strict):
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    address: dict[str, str] = Field(default_factory=dict)


class PaymentMethodFile(Strict):
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    kind: Literal["credit", "transfer", "cash"]


class CouponFile(Strict):
    code: str = Field(min_length=1, max_length=64)
    value: Decimal = Field(gt=0, max_digits=12, decimal_places=4)  # (0, 1): a fraction; 1 or more: pesos
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    max_uses: int | None = Field(default=None, ge=1)


class PharmacyFile(Strict):
    """An account's side of the pharmacy API."""

    payment_methods: list[PaymentMethodFile] = Field(default_factory=list)
    coupons: list[CouponFile] = Field(default_factory=list)


class EmbeddedPacFile(Strict):
    provider: Literal["embedded"]


class SwSapienPacFile(Strict):
    provider: Literal["sw_sapien"]
    url: str = Field(pattern=r"^https?://", max_length=300)  # https://services.sw.com.mx, or its test host
    user: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=200)  # sealed when the file is applied


class InvoiceDefaultsFile(Strict):
    """What a receiver gets when its INVOICING has no `cfdi_use` or `fiscal_regime`."""

    cfdi_use: str = Field(default="G03", pattern=r"^[A-Z]{1,2}\d{2}$")
    fiscal_regime_individual: str = Field(default="612", pattern=r"^\d{3}$")
    fiscal_regime_company: str = Field(default="601", pattern=r"^\d{3}$")


class InvoicingFile(Strict):
    """The account as a CFDI's issuer. Files are read when the tenant file is applied (a
    relative path is relative to the tenant file); the key and passwords are sealed."""

    rfc: str = Field(pattern=r"^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$")
    legal_name: str = Field(min_length=1, max_length=300)
    fiscal_regime: str = Field(pattern=r"^\d{3}$")
    postal_code: str = Field(pattern=r"^\d{5}$")  # the CFDI's LugarExpedicion
    series: str = Field(default="CP", min_length=1, max_length=25)
    certificate_file: Path
    key_file: Path
    password: str | None = Field(default=None, min_length=1, max_length=200)
    password_file: Path | None = None  # instead of `password`: a file holding it
    pac: EmbeddedPacFile | SwSapienPacFile = Field(default_factory=lambda: EmbeddedPacFile(provider="embedded"), discriminator="provider")
    defaults: InvoiceDefaultsFile = Field(default_factory=InvoiceDefaultsFile)


class UserFile(Strict):
    """A person who signs in for the account (the pharmacy API's token endpoint), matched by e-mail.
    The password is hashed (argon2) when the file is applied; keep the file itself secret."""

    email: EmailStr
    password: str = Field(min_length=12, max_length=1024)
    first_name: str = Field(default="", max_length=100)
    last_name: str = Field(default="", max_length=100)


async def _apply_delivery(session: AsyncSession, tenant: Any) -> dict[str, list[dict[str, Any]]]:
    """Shipping methods and pick-up stores, with their ids."""
    methods = [
        await setup.ensure_shipping_method(
            session, code=m.code, name=m.name, price=m.price, free_from=m.free_from,
            min_days=m.min_days, max_days=m.max_days, zip_prefixes=m.zip_prefixes,
        )
        for m in tenant.shipping_methods
    ]
    stores = [await setup.ensure_store(session, code=s.code, name=s.name, address=s.address) for s in tenant.stores]
    return {
        "shipping_methods": [{"id": m.id, "code": m.code, "zip_prefixes": m.zip_prefixes} for m in methods],
        "stores": [{"id": s.id, "code": s.code, "name": s.name} for s in stores],
    }


async def _apply_account(work: AccountWork) -> dict[str, Any]:
    entry, session = work.entry, work.session
    report: dict[str, Any] = {"pharmacy": None, "invoicing": None, "users": []}
    if DIALECT in work.uses:
        own = await _payment_and_coupons(session, work.account.id, entry.pharmacy) if entry.pharmacy else {}
        report["pharmacy"] = {"products": work.supply["products"], **work.shared, "payment_methods": [], "coupons": [], **own}
    if entry.invoicing is not None:
        report["invoicing"] = await _apply_invoicing(session, work.account.id, entry.invoicing, work.secret_key)
    for person in entry.users:
        user = await users.ensure_user(
            session, account_id=work.account.id, email=str(person.email), password=person.password,
            first_name=person.first_name, last_name=person.last_name,
        )
        report["users"].append(user.email)
    return report


async def _payment_and_coupons(session: AsyncSession, account_id: int, pharmacy: PharmacyFile) -> dict[str, list[dict[str, Any]]]:
    """An account's payment methods and coupons, with their ids."""
    methods = [
        await setup.ensure_payment_method(session, account_id=account_id, code=m.code, name=m.name, kind=m.kind)
        for m in pharmacy.payment_methods
    ]
    coupons = [
        await setup.ensure_coupon(
            session, account_id=account_id, code=c.code, value=c.value,
            valid_from=c.valid_from, valid_until=c.valid_until, max_uses=c.max_uses,
        )
        for c in pharmacy.coupons
    ]
    now = utcnow()
    return {
        "payment_methods": [{"id": m.id, "code": m.code, "kind": m.kind} for m in methods],
        "coupons": [{"code": c.code, "value": float(c.value), "valid": coupon_usable(c, now)} for c in coupons],
    }


def resolve_invoicing_paths(entry: Any, base: Path) -> None:
    invoicing = entry.invoicing
    if invoicing is None:
        return
    for name in ("certificate_file", "key_file", "password_file"):
        path = getattr(invoicing, name)
        if path is not None and not path.is_absolute():
            setattr(invoicing, name, base / path)


async def _apply_invoicing(session: AsyncSession, account_id: int, invoicing: InvoicingFile, secret_key: str) -> dict[str, Any]:
    """The account's CFDI issuer: its CSD read from files, checked, and sealed."""
    try:
        certificate, key = invoicing.certificate_file.read_bytes(), invoicing.key_file.read_bytes()
        password = invoicing.password or (invoicing.password_file.read_text().strip() if invoicing.password_file else None)
    except OSError as error:
        raise InvalidInput(f"The issuer's CSD cannot be read: {error.filename}: {error.strerror}", field="invoicing") from None
    if not password:
        raise InvalidInput("The issuer's CSD needs its password: set `password` or `password_file`.", field="invoicing.password")
    pac = invoicing.pac.model_dump()
    issuer = await issuers.configure(
        session,
        account_id=account_id,
        issuer=issuers.IssuerIn(
            rfc=invoicing.rfc, legal_name=invoicing.legal_name, fiscal_regime=invoicing.fiscal_regime,
            postal_code=invoicing.postal_code, certificate=certificate, key=key, password=password,
            series=invoicing.series, pac=pac, default_cfdi_use=invoicing.defaults.cfdi_use,
            default_regime_individual=invoicing.defaults.fiscal_regime_individual,
            default_regime_company=invoicing.defaults.fiscal_regime_company,
        ),
        secret_key=secret_key,
    )
    return {"rfc": issuer.rfc, "certificate_number": issuer.certificate_number, "pac": invoicing.pac.provider}


SECTION = TenantSection(
    tenant_fields={
        "shipping_methods": (list[ShippingMethodFile], Field(default_factory=list)),
        "stores": (list[StoreFile], Field(default_factory=list)),
    },
    account_fields={
        "pharmacy": (PharmacyFile | None, None),
        "invoicing": (InvoicingFile | None, None),  # the pharmacy API's CFDI invoices
        "users": (list[UserFile], Field(default_factory=list)),
    },
    apply_shared=_apply_delivery,
    apply_account=_apply_account,
    resolve_paths=resolve_invoicing_paths,
)
