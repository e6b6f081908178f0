"""The devices parts of a tenant file: the supplier's catalog (and its retail
prices, tenant_file/pharmacy.py) and warehouses,
and each account's sites and patients. Everything is matched on a natural key,
so applying a file twice changes nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.kit.errors import InvalidInput
from carepost.core.logistics import supply
from carepost.core.models import Item
from carepost.core.patients.service import PatientIn, ensure_patient
from carepost.core.patients.sites import SiteIn, SiteRef, ensure_site
from carepost.core.patients.repository import PatientRepository
from carepost.tenant_file import pharmacy
from carepost.tenant_file.schema import DevicesFile, TenantFile


async def apply_supply(session: AsyncSession, tenant: TenantFile) -> dict[str, list[dict[str, Any]]]:
    """Items, kits, fulfillment sites with their stock and devices; returns what was loaded, with ids."""
    items: dict[str, Item] = {}
    products = []
    for entry in tenant.catalog.items:
        items[entry.sku] = await supply.ensure_item(
            session, sku=entry.sku, name=entry.name, model=entry.model, manufacturer=entry.manufacturer,
            orderable=entry.orderable, serialized=entry.serialized,
        )
        if entry.retail is not None:
            products.append(await pharmacy.price_item(session, items[entry.sku], entry.retail))
    kits = [
        await supply.ensure_kit(
            session, code=entry.code, name=entry.name, loaner=entry.loaner, archived=entry.archived,
            contents=[supply.KitItemIn(i.sku, i.count, i.drives_external_identifier) for i in entry.items],
        )
        for entry in tenant.catalog.kits
    ]
    sites = []
    for entry in tenant.fulfillment_sites:
        site = await supply.ensure_fulfillment_site(session, code=entry.code, name=entry.name)
        for sku, on_hand in entry.stock.items():
            item = _known(items, sku)
            if item.serialized:
                raise InvalidInput(f"{sku} is serialized: list its devices under {entry.code}, not a stock count.")
            await supply.set_stock(session, site=site, item=item, on_hand=on_hand)
        for device in entry.devices:
            await supply.ensure_device(
                session, site=site, item=_known(items, device.sku),
                external_identifier=device.external_identifier, identifiers=device.identifiers,
            )
        for sku in sorted({device.sku for device in entry.devices}):
            await supply.count_devices_as_stock(session, site=site, item=items[sku])
        for sku, on_hand in entry.test_stock.items():
            await supply.set_sandbox_stock(session, site=site, item=_known(items, sku), on_hand=on_hand)
        sites.append(site)
    return {
        "items": [{"id": i.id, "sku": i.sku, "name": i.name, "orderable": i.orderable, "serialized": i.serialized} for i in items.values()],
        "kits": [{"id": k.id, "code": k.code, "name": k.name, "loaner": k.loaner, "archived": k.archived} for k in kits],
        "fulfillment_sites": [{"id": s.id, "code": s.code, "name": s.name} for s in sites],
        "products": products,  # the items the pharmacy API sells
    }


async def apply_customer(session: AsyncSession, account_id: int, devices: DevicesFile) -> dict[str, list[dict[str, Any]]]:
    """An account's sites (by name), then its patients (by external identifier); returns them with ids."""
    sites = []
    for entry in devices.sites:
        site = await ensure_site(
            session,
            scope=Scope(account_id, entry.mode),
            site_in=SiteIn(name=entry.name, address=entry.address.model_dump(), phone_number=entry.phone_number, active=entry.active),
        )
        sites.append({"id": site.id, "mode": entry.mode, "name": site.name, "active": site.active})
    patients = []
    for entry in devices.patients:
        scope = Scope(account_id, entry.mode)
        site_ref = None
        if entry.site is not None:
            site = await PatientRepository(session).site_named(scope, entry.site)
            if site is None:
                raise InvalidInput(f"Patient {entry.external_identifier}: no {entry.mode} site named {entry.site!r}.")
            site_ref = SiteRef(site.id)
        patient = await ensure_patient(
            session,
            scope=scope,
            patient_in=PatientIn(
                first_name=entry.first_name, last_name=entry.last_name, address=entry.address.model_dump(), site=site_ref,
                date_of_birth=entry.date_of_birth, sex=entry.sex, email=str(entry.email) if entry.email else None,
                phone_number=entry.phone_number, external_identifier=entry.external_identifier, enrolled=entry.enrolled,
            ),
        )
        patients.append({"id": patient.id, "mode": entry.mode, "external_identifier": entry.external_identifier, "name": f"{patient.first_name} {patient.last_name}"})
    return {"sites": sites, "patients": patients}


def _known(items: dict[str, Item], sku: str) -> Item:
    if sku not in items:
        raise InvalidInput(f"Unknown sku {sku!r}: list it under catalog.items.")
    return items[sku]
