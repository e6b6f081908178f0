"""POST /api/v3/order: the guide's two examples, the full order object, list and fetch."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from carepost.core.models import Stock
from tests.devices_world import WIRE_ADDRESS, devices_world, patient_order, site_order
from tests.dialects.devices.helpers import (
    ADDRESS_FIELDS,
    DEVICE_FIELDS,
    ITEM_FIELDS,
    KIT_FIELDS,
    ORDER_FIELDS,
    PAGE_FIELDS,
    PATIENT_FIELDS,
    SITE_FIELDS,
    assert_error,
)
from tests.pharmacy_world import pharmacy_world


async def _reserved(db, site_id: int, item_id: int) -> int:
    async with db.transaction() as session:
        stock = await session.scalar(select(Stock).where(Stock.fulfillment_site_id == site_id, Stock.item_id == item_id))
        return stock.reserved


async def test_the_guides_patient_order_returns_the_full_order_object(db, client):
    world = await devices_world(db)

    response = await client.post("/api/v3/order", json=patient_order(world), headers=world.headers())

    assert response.status_code == 201, response.text
    order = response.json()
    assert set(order) == ORDER_FIELDS
    assert order["currentStatus"] == "reconfirmAddress"
    assert isinstance(order["id"], int)
    assert order["externalOrderIds"] == ["xyz_123_0", "xyz_123_1"]
    assert (order["emailLabel"], order["shippingOption"]) == (False, "standard")
    assert [e["name"] for e in order["orderEvents"]] == ["placed"]
    assert order["orderEvents"][0]["eventTimestamp"].endswith("Z")
    (line,) = order["orderItems"]
    assert line["count"] == 2 and set(line["item"]) == ITEM_FIELDS and line["item"]["id"] == world.items["strips"]
    assert set(line["item"]["manufacturer"]) == {"id", "name"}
    (kit_line,) = order["orderKits"]
    assert set(kit_line["kit"]) == KIT_FIELDS and kit_line["kit"]["id"] == world.kits["starter"]
    assert {(k["item"]["id"], k["count"], k["drivesExternalIdentifier"]) for k in kit_line["kit"]["kitItems"]} == {
        (world.items["hub"], 1, True),
        (world.items["strips"], 2, False),
    }
    patient = order["patient"]
    assert set(patient) == PATIENT_FIELDS and patient["id"] == world.patient
    assert set(patient["address"]) == ADDRESS_FIELDS and set(patient["site"]) == SITE_FIELDS
    assert order["site"]["id"] == world.sites["north"]  # the patient's site
    assert order["devices"] == order["packedKits"] == order["trackingNumbers"] == []
    assert order["returnDevices"] == order["returnItems"] == order["returnPackedKits"] == []
    # Stock for everything outbound is held by the order: 2 strips direct + 2 in the kit, 1 hub.
    assert await _reserved(db, world.fulfillment_site, world.items["strips"]) == 4
    assert await _reserved(db, world.fulfillment_site, world.items["hub"]) == 1


async def test_the_guides_site_order_is_placed_for_the_site(db, client):
    world = await devices_world(db)

    response = await client.post("/api/v3/order", json=site_order(world), headers=world.headers())

    assert response.status_code == 201, response.text
    order = response.json()
    assert order["patient"] is None and order["site"]["id"] == world.sites["north"]
    assert order["site"]["name"] == "North clinic" and order["site"]["active"] is True


async def test_list_and_fetch_return_the_same_order(db, client):
    world = await devices_world(db)
    created = [
        (await client.post("/api/v3/order", json=body, headers=world.headers())).json()
        for body in (patient_order(world), site_order(world))
    ]

    listed = await client.get("/api/v3/order", headers=world.headers())
    fetched = [await client.get(f"/api/v3/order/{o['id']}", headers=world.headers()) for o in created]

    assert listed.status_code == 200
    page = listed.json()
    assert set(page) == PAGE_FIELDS
    assert page["content"] == list(reversed(created))  # newest first, and identical
    assert (page["first"], page["last"], page["page"], page["size"], page["total"]) == (True, True, 0, 20, 2)
    assert [f.json() for f in fetched] == created


async def test_a_new_patient_is_created_with_the_order(db, client):
    world = await devices_world(db)
    new_patient = {
        "firstName": "Ana",
        "lastName": "Lima",
        "address": {**WIRE_ADDRESS, "lineTwo": "Apt 2"},
        "site": {"id": world.sites["north"]},
        "dateOfBirth": "1980-01-01",
        "sex": "female",
        "email": "ana@example.com",
        "phoneNumber": "+15035550123",
        "externalIdentifier": "emr-77",
    }

    response = await client.post("/api/v3/order", json=patient_order(world, patient=new_patient), headers=world.headers())

    assert response.status_code == 201, response.text
    patient = response.json()["patient"]
    assert patient["id"] != world.patient
    assert (patient["firstName"], patient["dateOfBirth"], patient["sex"], patient["externalIdentifier"]) == (
        "Ana", "1980-01-01", "female", "emr-77",
    )
    assert patient["address"]["lineTwo"] == "Apt 2" and patient["site"]["id"] == world.sites["north"]
    fetched = await client.get(f"/api/v3/patient/{patient['id']}", headers=world.headers())
    assert fetched.json() == patient


async def test_notes_external_ids_and_a_return_only_order(db, client):
    world = await devices_world(db)
    body = patient_order(
        world,
        orderItems=[],
        orderKits=[],
        returnItems=[{"id": world.items["strips"], "count": 3}],
        orderNotes=[{"note": "Leave at the front desk"}],
        emailLabel=True,
        shippingOption=None,
    )

    response = await client.post("/api/v3/order", json=body, headers=world.headers())

    assert response.status_code == 201, response.text
    order = response.json()
    assert order["returnItems"] == [{"count": 3, "id": world.items["strips"]}]
    (note,) = order["orderNotes"]
    assert note["note"] == "Leave at the front desk" and set(note["createdBy"]) == {"email", "firstName", "id", "lastName"}
    assert order["emailLabel"] is True and order["shippingOption"] == "standard"


async def test_an_idempotency_key_makes_a_retry_safe(db, client):
    world = await devices_world(db)
    headers = {**world.headers(), "Idempotency-Key": "order-attempt-1"}

    first = await client.post("/api/v3/order", json=patient_order(world), headers=headers)
    again = await client.post("/api/v3/order", json=patient_order(world), headers=headers)
    different = await client.post("/api/v3/order", json=site_order(world), headers=headers)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers["Idempotent-Replayed"] == "true"
    assert different.status_code == 422
    listed = (await client.get("/api/v3/order", headers=world.headers())).json()
    assert listed["total"] == 1
    assert await _reserved(db, world.fulfillment_site, world.items["hub"]) == 1


async def test_concurrent_duplicates_with_one_key_place_one_order(db, client):
    world = await devices_world(db)
    headers = {**world.headers(), "Idempotency-Key": "burst-1"}

    responses = await asyncio.gather(
        *(client.post("/api/v3/order", json=patient_order(world), headers=headers) for _ in range(10))
    )

    # The duplicates wait for the first request's transaction, then replay its answer.
    assert [r.status_code for r in responses] == [201] * 10
    assert sum(r.headers.get("Idempotent-Replayed") == "true" for r in responses) == 9
    assert len({r.json()["id"] for r in responses}) == 1
    assert (await client.get("/api/v3/order", headers=world.headers())).json()["total"] == 1


async def test_test_keys_place_test_orders_that_reserve_nothing(db, client):
    world = await devices_world(db)
    body = patient_order(world, patient={"id": world.test_patient})

    response = await client.post("/api/v3/order", json=body, headers=world.headers("test"))

    assert response.status_code == 201, response.text
    assert await _reserved(db, world.fulfillment_site, world.items["hub"]) == 0
    live_view = await client.get(f"/api/v3/order/{response.json()['id']}", headers=world.headers())
    assert_error(live_view, 404, "Order not found.")
    assert (await client.get("/api/v3/order", headers=world.headers())).json()["total"] == 0


async def test_device_fields_follow_the_guide_once_packed(db, client, ops_headers):
    world = await devices_world(db)
    order = (await client.post("/api/v3/order", json=patient_order(world), headers=world.headers())).json()
    for action in ("reconfirm_address", "pack"):
        assert (await client.post(f"/api/ops/v1/orders/{order['id']}/actions/{action}", headers=ops_headers)).status_code == 200

    packed = (await client.get(f"/api/v3/order/{order['id']}", headers=world.headers())).json()

    assert packed["currentStatus"] == "packed"
    (kit,) = packed["packedKits"]
    (device,) = kit["devices"]
    assert set(device) == DEVICE_FIELDS
    assert device["item"]["id"] == world.items["hub"] and device["currentStatus"] == "packed"
    assert kit["externalIdentifier"] == device["externalIdentifier"]  # the hub drives the kit's identifier
    assert device["deviceIdentifiers"] == [{"type": "serial", "value": f"SN-{device['externalIdentifier']}"}]
    assert [e["type"] for e in device["deviceEvents"]] == ["packed"]


async def test_an_item_sold_through_the_pharmacy_api_is_not_in_the_devices_catalog(client, db, settings):
    """Issue 24, item 16: a devices key cannot order the pharmacy's prescription drug; it is
    answered exactly as an id that names nothing, and nothing is reserved."""
    world = await devices_world(db)
    pharmacy = await pharmacy_world(db, settings.resolved_secret_key)
    drug = pharmacy.products["antibiotic"]
    async with db.read() as session:
        before = list(await session.scalars(select(Stock.reserved).where(Stock.item_id == drug)))
    for item_id in (drug, 2**52):
        body = patient_order(world, orderItems=[{"count": 2, "item": {"id": item_id}}])
        assert_error(await client.post("/api/v3/order", json=body, headers=world.headers()), 400, "Invalid data provided")
    async with db.read() as session:
        assert list(await session.scalars(select(Stock.reserved).where(Stock.item_id == drug))) == before
