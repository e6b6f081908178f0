"""The masks factory and devices fulfillment as webhooks: each step an event, in order,
carrying the object that flow's own API shows (the masks status object, the devices
order object), with the tracking once shipped."""

from __future__ import annotations

from tests.devices_world import devices_world, patient_order
from tests.dialects.masks.helpers import place, status_url
from tests.factories import create_clinic
from tests.webhooks.conftest import add_endpoint, run_until, verified

FACTORY_STEPS = ("complete_scan", "approve_scan", "start_mesh", "start_print", "start_qa", "print_label")


async def test_a_masks_orders_factory_steps_arrive_in_order(client, db, worker, receiver, ops_headers):
    clinic = await create_clinic(db)
    endpoint = await add_endpoint(client, clinic.live_key, receiver.url)
    order_id = await place(client, clinic.live_key)
    for step in FACTORY_STEPS:
        assert (await client.post(f"/api/ops/v1/orders/{order_id}/actions/{step}", headers=ops_headers)).status_code == 200
    shipped = await client.post(
        f"/api/ops/v1/orders/{order_id}/actions/ship", json={"carrier": "fedex", "tracking_number": "7712 3456 7890"}, headers=ops_headers
    )
    assert shipped.status_code == 200
    await run_until(worker, lambda: len(receiver.received) >= 8)

    events = [verified(endpoint["secret"], r) for r in receiver.received]
    assert [(e["type"], e["change"]) for e in events] == [
        ("order.created", "placed"), *(("order.updated", step) for step in FACTORY_STEPS), ("order.shipped", "ship")
    ]
    status = (await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})).json()["data"]
    assert events[-1]["data"] == status  # the status object, as GET shows it
    assert events[-1]["data"]["tracking"]["tracking_number"] == "7712 3456 7890"
    assert all(e["flow"] == "masks" for e in events)


async def test_a_devices_orders_fulfillment_arrives_in_order(client, db, worker, receiver, ops_headers):
    world = await devices_world(db)
    endpoint = await add_endpoint(client, world.customer.live_key, receiver.url)
    body = patient_order(world, orderKits=[])
    order = (await client.post("/api/v3/order", json=body, headers=world.headers())).json()
    tracking = {"tracking_numbers": [{"carrier": "usps", "value": "9400100000000000000001"}]}
    address = {"line_one": "9 Harbor Rd", "city": "Salem", "state": "OR", "country": "US", "zip_code": "97301"}
    for action, extra in (("reconfirm_address", {"address": address}), ("pack", {}), ("ship", tracking), ("deliver", {})):
        moved = await client.post(f"/api/ops/v1/orders/{order['id']}/actions/{action}", json=extra, headers=ops_headers)
        assert moved.status_code == 200, moved.text
    await run_until(worker, lambda: len(receiver.received) >= 5)

    events = [verified(endpoint["secret"], r) for r in receiver.received]
    assert [(e["type"], e["change"]) for e in events] == [
        ("order.created", "placed"), ("order.updated", "address_reconfirmed"), ("order.updated", "packed"),
        ("order.shipped", "shipped"), ("order.delivered", "delivered"),
    ]
    shipped = events[3]["data"]
    assert shipped["id"] == order["id"] and shipped["currentStatus"] == "shipped"
    assert "9400100000000000000001" in str(shipped)  # the tracking number, as the order object shows it
    latest = (await client.get(f"/api/v3/order/{order['id']}", headers=world.headers())).json()
    assert events[-1]["data"] == latest
