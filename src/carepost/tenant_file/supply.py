"""The supply every flow shares, from a tenant file: the catalog (items, with the pharmacy
API's retail prices, and kits) and the fulfillment sites with their stock and devices.
Matched on natural keys, so applying a file twice changes nothing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.errors import InvalidInput
from carepost.core.logistics import supply
from carepost.core.models import Item
from carepost.core.retail import setup
from carepost.tenant_file.schema import RetailFile, TenantFile


async def apply_supply(session: AsyncSession, tenant: TenantFile) -> dict[str, list[dict[str, Any]]]:
    """Items, kits, fulfillment sites with their stock and devices; returns what was loaded, with ids."""
    items: dict[str, Item] = {}
    products = []
    for entry in tenant.catalog.items:
        items[entry.sku] = await supply.ensure_item(
            session, sku=entry.sku, name=entry.name, model=entry.model, manufacturer=entry.manufacturer,
            orderable=entry.orderable, serialized=entry.serialized, gtin=entry.gtin, rxnorm=entry.rxnorm,
        )
        if entry.retail is not None:
            products.append(await _price_item(session, items[entry.sku], entry.retail))
    kits = [
        await supply.ensure_kit(
            session, code=entry.code, name=entry.name, loaner=entry.loaner, archived=entry.archived,
            contents=[supply.KitItemIn(i.sku, i.count, i.drives_external_identifier) for i in entry.items],
        )
        for entry in tenant.catalog.kits
    ]
    sites = []
    for site_entry in tenant.fulfillment_sites:
        site = await supply.ensure_fulfillment_site(session, code=site_entry.code, name=site_entry.name)
        for sku, on_hand in site_entry.stock.items():
            item = _known(items, sku)
            if item.serialized:
                raise InvalidInput(f"{sku} is serialized: list its devices under {site_entry.code}, not a stock count.")
            await supply.set_stock(session, site=site, item=item, on_hand=on_hand)
        for device in site_entry.devices:
            await supply.ensure_device(
                session, site=site, item=_known(items, device.sku),
                external_identifier=device.external_identifier, identifiers=device.identifiers,
            )
        for sku in sorted({device.sku for device in site_entry.devices}):
            await supply.count_devices_as_stock(session, site=site, item=items[sku])
        for sku, on_hand in site_entry.test_stock.items():
            await supply.set_sandbox_stock(session, site=site, item=_known(items, sku), on_hand=on_hand)
        sites.append(site)
    return {
        "items": [{"id": i.id, "sku": i.sku, "name": i.name, "orderable": i.orderable, "serialized": i.serialized} for i in items.values()],
        "kits": [{"id": k.id, "code": k.code, "name": k.name, "loaner": k.loaner, "archived": k.archived} for k in kits],
        "fulfillment_sites": [{"id": s.id, "code": s.code, "name": s.name} for s in sites],
        "products": products,  # the items the pharmacy API sells
    }


def _known(items: dict[str, Item], sku: str) -> Item:
    if sku not in items:
        raise InvalidInput(f"Unknown sku {sku!r}: list it under catalog.items.")
    return items[sku]


async def _price_item(session: AsyncSession, item: Item, retail: RetailFile) -> dict[str, Any]:
    product = await setup.price_item(
        session, item=item, price=retail.price, iva_rate=Decimal(retail.iva_rate),
        requires_prescription=retail.requires_prescription, image_url=retail.image_url,
        sat_product_key=retail.sat_product_key, sat_unit_key=retail.sat_unit_key,
    )
    return {
        "id": item.id, "name": item.name, "price": float(product.price), "iva_rate": float(product.iva_rate),
        "requires_prescription": product.requires_prescription,
    }
