"""Test mode has its own stock: the guide's examples succeed with a test key whatever the
live shelf holds, live shipments never change what the sandbox can do, and an
integrator reaches `insufficient_inventory` by ordering past the sandbox's units."""

from __future__ import annotations

import uuid

from carepost.tenant_file.apply import apply
from carepost.tenant_file.apply import model as tenant_model
from tests.devices_world import devices_world, patient_order
from tests.dialects.devices.helpers import assert_error


def _strips(world, count: int, *, test: bool) -> dict:
    body = patient_order(world, orderItems=[{"count": count, "item": {"id": world.items["strips"]}}], orderKits=[])
    if test:
        body["patient"] = {"id": world.test_patient}
    return body


async def test_the_guides_count_of_ten_succeeds_in_test_mode_with_two_on_the_live_shelf(client, db):
    world = await devices_world(db, strips=2)

    test_order = await client.post("/api/v3/order", json=_strips(world, 10, test=True), headers=world.headers("test"))
    live_order = await client.post("/api/v3/order", json=_strips(world, 10, test=False), headers=world.headers())

    assert test_order.status_code == 201, test_order.text
    assert_error(live_order, 400, "insufficient_inventory")


async def test_live_orders_do_not_change_what_the_sandbox_can_do(client, db):
    world = await devices_world(db, strips=3)
    assert (await client.post("/api/v3/order", json=_strips(world, 3, test=False), headers=world.headers())).status_code == 201

    again = await client.post("/api/v3/order", json=_strips(world, 3, test=True), headers=world.headers("test"))

    assert again.status_code == 201, again.text


async def test_ordering_past_the_sandbox_units_answers_insufficient_inventory(client, db):
    world = await devices_world(db)

    refused = await client.post("/api/v3/order", json=_strips(world, 1001, test=True), headers=world.headers("test"))

    assert_error(refused, 400, "insufficient_inventory")


async def test_the_tenant_file_sets_the_sandbox_units_per_site(client, db, settings):
    tag = uuid.uuid4().hex[:8]
    tenant = tenant_model().model_validate(
        {
            "catalog": {"items": [{"sku": f"GEL-{tag}", "name": "Gel", "model": "G1", "manufacturer": f"Acme {tag}"}]},
            "fulfillment_sites": [{"code": f"fs-{tag}", "name": "Warehouse", "stock": {f"GEL-{tag}": 100}, "test_stock": {f"GEL-{tag}": 4}}],
            "accounts": [
                {
                    "slug": f"gel-{tag}", "name": "Gel buyer", "dialects": ["devices"], "keys": [{"mode": "test"}],
                    "devices": {"patients": [{"external_identifier": f"p-{tag}", "first_name": "A", "last_name": "B", "mode": "test",
                                              "address": {"line_one": "1 Main", "city": "X", "state": "OR", "country": "US", "zip_code": "97201"}}]},
                }
            ],
        }
    )
    [report] = await apply(db, tenant, secret_key=settings.resolved_secret_key)
    key = report.keys[0].secret
    [item] = [i["id"] for i in report.sections["devices"]["items"] if i["sku"] == f"GEL-{tag}"]
    patient = report.sections["devices"]["patients"][0]["id"]
    body = {"patient": {"id": patient}, "orderItems": [{"count": 5, "item": {"id": item}}]}

    refused = await client.post("/api/v3/order", json=body, headers={"Impilo-API-Key": key})
    body["orderItems"][0]["count"] = 4
    accepted = await client.post("/api/v3/order", json=body, headers={"Impilo-API-Key": key})

    assert_error(refused, 400, "insufficient_inventory")
    assert accepted.status_code == 201, accepted.text
