"""A small devices world made through the real services: a catalog, a stocked
fulfillment site with serialized devices, and a customer with sites and a patient.
Every name carries a fresh tag, so tests never share a row."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from carepost.core.accounts.service import Scope
from carepost.core.kit.db import Database
from carepost.core.logistics import supply
from carepost.core.logistics.supply import KitItemIn
from carepost.core.patients.service import PatientIn, create_patient
from carepost.core.patients.sites import SiteIn, SiteRef, create_site, deactivate_site
from tests.factories import Clinic, create_clinic

ADDRESS = {"line_one": "1 Main St", "city": "Portland", "state": "OR", "country": "US", "zip_code": "97201"}
WIRE_ADDRESS = {"lineOne": "1 Main St", "city": "Portland", "state": "OR", "country": "US", "zipCode": "97201"}


@dataclass
class World:
    customer: Clinic
    items: dict[str, int]  # hub, cuff (serialized); strips; legacy (not orderable)
    kits: dict[str, int]  # starter, monitor, loaner, loaner_two, retired (archived), legacy (holds a non-orderable item)
    fulfillment_site: int
    devices: dict[str, list[int]]  # per serialized item
    sites: dict[str, int]  # north (active), closed (inactive); live mode
    patient: int  # live, at north
    test_patient: int
    test_site: int
    tag: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def headers(self, mode: str = "live") -> dict[str, str]:
        return {"Impilo-API-Key": self.customer.live_key if mode == "live" else self.customer.test_key}


async def stock_catalog(
    db: Database, *, hubs: int = 5, cuffs: int = 5, strips: int = 100, tag: str | None = None
) -> tuple[dict[str, int], dict[str, int], int, dict[str, list[int]]]:
    tag = tag or uuid.uuid4().hex[:8]
    async with db.transaction() as session:
        made = {
            "hub": await supply.ensure_item(session, sku=f"HUB-{tag}", name="Cellular hub", model="H1", manufacturer=f"Acme {tag}", orderable=True,
                serialized=True),
            "cuff": await supply.ensure_item(session, sku=f"CUFF-{tag}", name="BP cuff", model="C2", manufacturer=f"Acme {tag}", orderable=True,
                serialized=True),
            "strips": await supply.ensure_item(session, sku=f"STRIP-{tag}", name="Test strips", model="S50", manufacturer=f"Acme {tag}",
                orderable=True, serialized=False, gtin="00614141000012"),
            "legacy": await supply.ensure_item(session, sku=f"OLD-{tag}", name="Old meter", model="M0", manufacturer=f"Acme {tag}", orderable=False,
                serialized=False),
        }
        kits = {
            "starter": await supply.ensure_kit(session, code=f"starter-{tag}", name="Starter kit", loaner=False, archived=False,
                contents=[KitItemIn(f"HUB-{tag}", 1, True), KitItemIn(f"STRIP-{tag}", 2)]),
            "monitor": await supply.ensure_kit(session, code=f"monitor-{tag}", name="BP kit", loaner=False, archived=False,
                contents=[KitItemIn(f"CUFF-{tag}", 1, True)]),
            "loaner": await supply.ensure_kit(session, code=f"loaner-{tag}", name="Loaner BP kit", loaner=True, archived=False,
                contents=[KitItemIn(f"CUFF-{tag}", 1, True)]),
            "loaner_two": await supply.ensure_kit(session, code=f"loaner2-{tag}", name="Loaner hub kit", loaner=True, archived=False,
                contents=[KitItemIn(f"HUB-{tag}", 1, True)]),
            "retired": await supply.ensure_kit(session, code=f"retired-{tag}", name="Retired kit", loaner=False, archived=True,
                contents=[KitItemIn(f"STRIP-{tag}", 1)]),
            "legacy": await supply.ensure_kit(session, code=f"legacy-{tag}", name="Legacy kit", loaner=False, archived=False,
                contents=[KitItemIn(f"OLD-{tag}", 1)]),
        }
        site = await supply.ensure_fulfillment_site(session, code=f"fs-{tag}", name=f"Warehouse {tag}")
        devices: dict[str, list[int]] = {"hub": [], "cuff": []}
        for name, count in (("hub", hubs), ("cuff", cuffs)):
            for n in range(count):
                device = await supply.ensure_device(session, site=site, item=made[name], external_identifier=f"{name}-{tag}-{n}",
                    identifiers={"serial": f"SN-{name}-{tag}-{n}"})
                devices[name].append(device.id)
            await supply.count_devices_as_stock(session, site=site, item=made[name])
        await supply.set_stock(session, site=site, item=made["strips"], on_hand=strips)
        await supply.set_stock(session, site=site, item=made["legacy"], on_hand=10)
    return {k: v.id for k, v in made.items()}, {k: v.id for k, v in kits.items()}, site.id, devices


async def devices_world(db: Database, **stock: int) -> World:
    tag = uuid.uuid4().hex[:8]
    items, kits, fulfillment_site, devices = await stock_catalog(db, tag=tag, **stock)
    customer = await create_clinic(db, dialects=("devices",), configure_masks=False)
    live, test = Scope(customer.account_id, "live"), Scope(customer.account_id, "test")
    async with db.transaction() as session:
        north = await create_site(session, scope=live, site_in=SiteIn(name="North clinic", address=dict(ADDRESS), phone_number="+15035550100"))
        closed = await create_site(session, scope=live, site_in=SiteIn(name="Closed clinic", address=dict(ADDRESS)))
        await deactivate_site(session, scope=live, site_id=closed.id)
        patient = await create_patient(session, scope=live, patient_in=PatientIn(first_name="John", last_name="Doe", address=dict(ADDRESS),
            site=SiteRef(north.id), external_identifier=f"ext-{tag}"))
        test_site = await create_site(session, scope=test, site_in=SiteIn(name="Sandbox clinic", address=dict(ADDRESS)))
        test_patient = await create_patient(session, scope=test, patient_in=PatientIn(first_name="Test", last_name="Patient", address=dict(ADDRESS)))
    return World(
        customer=customer, items=items, kits=kits, fulfillment_site=fulfillment_site, devices=devices,
        sites={"north": north.id, "closed": closed.id}, patient=patient.id, test_patient=test_patient.id, test_site=test_site.id, tag=tag,
    )


def patient_order(world: World, **overrides: Any) -> dict[str, Any]:
    """The guide's patient-order example with real ids in place of the empty objects (fewer units)."""
    body: dict[str, Any] = {
        "emailLabel": False,
        "externalOrderIds": ["xyz_123_0", "xyz_123_1"],
        "orderItems": [{"count": 2, "item": {"id": world.items["strips"]}}],
        "orderKits": [{"count": 1, "kit": {"id": world.kits["starter"], "kitItems": []}}],
        "orderNotes": [],
        "patient": {"firstName": "John", "lastName": "Doe", "id": world.patient, "sex": "unknown"},
        "returnDevices": [],
        "returnItems": [],
        "returnPackedKits": [],
        "shippingOption": "standard",
    }
    body.update(overrides)
    return body


def site_order(world: World, **overrides: Any) -> dict[str, Any]:
    body = patient_order(world)
    del body["patient"]
    body["site"] = {"id": world.sites["north"]}
    body.update(overrides)
    return body
