"""Another customer's ids, and the other mode's, are indistinguishable from missing ones."""

from __future__ import annotations

from tests.devices_world import devices_world, patient_order
from tests.dialects.devices.helpers import assert_error
from tests.factories import create_clinic, mask_order


async def test_another_customers_order_patient_and_site_read_as_missing(db, client):
    mine, theirs = await devices_world(db), await devices_world(db)
    their_order = (await client.post("/api/v3/order", json=patient_order(theirs), headers=theirs.headers())).json()

    for path, missing, message in (
        (f"/api/v3/order/{their_order['id']}", "/api/v3/order/999999999", "Order not found."),
        (f"/api/v3/patient/{theirs.patient}", "/api/v3/patient/999999999", "No such patient."),
        (f"/api/v3/site/{theirs.sites['north']}", "/api/v3/site/999999999", "No such site."),
    ):
        foreign, unknown = await client.get(path, headers=mine.headers()), await client.get(missing, headers=mine.headers())
        assert_error(foreign, 404, message)
        assert_error(unknown, 404, message)
        assert {k: v for k, v in foreign.json().items() if k not in ("timestamp", "path", "requestId")} == {
            k: v for k, v in unknown.json().items() if k not in ("timestamp", "path", "requestId")
        }

    for path, body in (
        (f"/api/v3/patient/{theirs.patient}", {"firstName": "X", "lastName": "Y", "address": {"lineOne": "1", "city": "c", "state": "s",
            "country": "US", "zipCode": "1"}}),
        (f"/api/v3/site/{theirs.sites['north']}", {"name": "Mine now", "address": {"lineOne": "1", "city": "c", "state": "s", "country": "US",
            "zipCode": "1"}}),
    ):
        assert (await client.put(path, json=body, headers=mine.headers())).status_code == 404
        assert (await client.delete(path, headers=mine.headers())).status_code == 404
    assert (await client.get(f"/api/v3/patient/{theirs.patient}", headers=theirs.headers())).json()["archived"] is False
    assert (await client.get("/api/v3/order", headers=mine.headers())).json()["total"] == 0
    listed = (await client.get("/api/v3/order", params={"patientId": theirs.patient}, headers=mine.headers())).json()
    assert listed["content"] == []


async def test_test_and_live_objects_never_meet(db, client):
    world = await devices_world(db)
    live_order = (await client.post("/api/v3/order", json=patient_order(world), headers=world.headers())).json()
    test_body = patient_order(world, patient={"id": world.test_patient})
    test_order = (await client.post("/api/v3/order", json=test_body, headers=world.headers("test"))).json()

    assert (await client.get(f"/api/v3/order/{test_order['id']}", headers=world.headers())).status_code == 404
    assert (await client.get(f"/api/v3/order/{live_order['id']}", headers=world.headers("test"))).status_code == 404
    assert (await client.get(f"/api/v3/patient/{world.test_patient}", headers=world.headers())).status_code == 404
    assert (await client.get(f"/api/v3/patient/{world.patient}", headers=world.headers("test"))).status_code == 404
    assert (await client.get(f"/api/v3/site/{world.sites['north']}", headers=world.headers("test"))).status_code == 404
    live_ids = [o["id"] for o in (await client.get("/api/v3/order", headers=world.headers())).json()["content"]]
    test_ids = [o["id"] for o in (await client.get("/api/v3/order", headers=world.headers("test"))).json()["content"]]
    assert (live_ids, test_ids) == ([live_order["id"]], [test_order["id"]])
    # A live patient can't receive a test order, nor the reverse.
    assert_error(
        await client.post("/api/v3/order", json=patient_order(world), headers=world.headers("test")), 400, "patient_does_not_exist"
    )


async def test_a_masks_order_is_not_a_devices_order(db, client):
    clinic = await create_clinic(db, dialects=("masks", "devices"))
    masks = await client.post("/api/partner/v1/orders", json=mask_order(), headers={"X-Api-Key": clinic.live_key})
    assert masks.status_code == 201
    listed = (await client.get("/api/v3/order", headers={"Impilo-API-Key": clinic.live_key})).json()
    assert listed["total"] == 0
