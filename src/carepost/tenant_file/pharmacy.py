"""The pharmacy parts of a tenant file: items' retail prices, shipping methods and
stores (shared), and each account's payment methods and coupons. Matched on natural
keys, so applying a file twice changes nothing (a coupon keeps its uses)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.invoicing import issuers
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import Item
from carepost.core.retail import setup
from carepost.core.retail.rules import coupon_usable
from carepost.tenant_file.schema import InvoicingFile, PharmacyFile, RetailFile, TenantFile


async def price_item(session: AsyncSession, item: Item, retail: RetailFile) -> dict[str, Any]:
    product = await setup.price_item(
        session, item=item, price=retail.price, iva_rate=Decimal(retail.iva_rate),
        requires_prescription=retail.requires_prescription, image_url=retail.image_url,
        sat_product_key=retail.sat_product_key, sat_unit_key=retail.sat_unit_key,
    )
    return {
        "id": item.id, "name": item.name, "price": float(product.price), "iva_rate": float(product.iva_rate),
        "requires_prescription": product.requires_prescription,
    }


async def apply_delivery(session: AsyncSession, tenant: TenantFile) -> dict[str, list[dict[str, Any]]]:
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


async def apply_account(session: AsyncSession, account_id: int, pharmacy: PharmacyFile) -> dict[str, list[dict[str, Any]]]:
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


def resolve_invoicing_paths(invoicing: InvoicingFile, base: Path) -> None:
    for name in ("certificate_file", "key_file", "password_file"):
        path = getattr(invoicing, name)
        if path is not None and not path.is_absolute():
            setattr(invoicing, name, base / path)


async def apply_invoicing(session: AsyncSession, account_id: int, invoicing: InvoicingFile, secret_key: str) -> dict[str, Any]:
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
