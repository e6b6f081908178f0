"""A devices order through fulfillment: the operator API moves real stock and real devices."""

from __future__ import annotations

from sqlalchemy import select

from carepost.core.models import Device, Stock
from tests.devices_world import World, devices_world, patient_order
from tests.dialects.devices.helpers import assert_error

TRACKING = {"tracking_numbers": [{"carrier": "usps", "value": "9400100000000000000001"}]}


async def _stock(db, world: World, item: str) -> tuple[int, int]:
    async with db.transaction() as session:
        stock = await session.scalar(
            select(Stock).where(Stock.fulfillment_site_id == world.fulfillment_site, Stock.item_id == world.items[item])
        )
        return stock.on_hand, stock.reserved


async def _device(db, device_id: int) -> Device:
    async with db.transaction() as session:
        return await session.get(Device, device_id)


async def _act(client, ops_headers, order_id: int, action: str, body=None, status: int = 200):
    response = await client.post(f"/api/ops/v1/orders/{order_id}/actions/{action}", json=body, headers=ops_headers)
    assert response.status_code == status, response.text
    return response.json()


async def _order(client, world: World, order_id: int):
    return (await client.get(f"/api/v3/order/{order_id}", headers=world.headers())).json()


async def test_pack_ship_deliver_then_return_and_restock(db, client, ops_headers):
    world = await devices_world(db)
    named_hub = world.devices["hub"][3]
    body = patient_order(
        world,
        orderItems=[{"count": 2, "item": {"id": world.items["strips"]}}, {"count": 1, "item": {"id": world.items["hub"]}}],
        orderKits=[{"count": 1, "kit": {"id": world.kits["starter"]}}],
    )
    order = (await client.post("/api/v3/order", json=body, headers=world.headers())).json()
    assert await _stock(db, world, "hub") == (5, 2)

    new_address = {"line_one": "9 Harbor Rd", "city": "Salem", "state": "OR", "country": "US", "zip_code": "97301"}
    await _act(client, ops_headers, order["id"], "reconfirm_address", {"address": new_address})
    await _act(client, ops_headers, order["id"], "pack", {"device_ids": [named_hub]})
    packed = await _order(client, world, order["id"])
    assert packed["currentStatus"] == "packed"
    (loose,) = packed["devices"]  # the hub ordered on its own
    (kit,) = packed["packedKits"]  # the starter kit, with its own hub
    assert loose["id"] == named_hub or kit["devices"][0]["id"] == named_hub
    assert {loose["id"], kit["devices"][0]["id"]} <= set(world.devices["hub"])

    await _act(client, ops_headers, order["id"], "ship", TRACKING)
    assert await _stock(db, world, "hub") == (3, 0)  # two hubs left the building
    assert await _stock(db, world, "strips") == (96, 0)
    await _act(client, ops_headers, order["id"], "deliver")
    delivered = await _order(client, world, order["id"])
    assert delivered["currentStatus"] == "delivered"
    assert delivered["trackingNumbers"] == [{"carrier": "usps", "value": "9400100000000000000001"}]
    assert [e["name"] for e in delivered["orderEvents"]] == ["placed", "addressReconfirmed", "packed", "shipped", "delivered"]
    out = delivered["devices"][0]
    assert out["currentStatus"] == "delivered" and out["currentPatient"]["id"] == world.patient
    assert [e["type"] for e in out["deviceEvents"]] == ["packed", "shipped", "delivered"]

    returning = patient_order(
        world,
        orderItems=[],
        orderKits=[],
        returnDevices=[{"id": out["id"]}],
        returnItems=[{"id": world.items["strips"], "count": 2}],
        emailLabel=True,
    )
    back = (await client.post("/api/v3/order", json=returning, headers=world.headers())).json()
    await _act(client, ops_headers, back["id"], "reconfirm_address")
    refused = await _act(client, ops_headers, back["id"], "pack", status=409)
    assert refused["error"]["code"] == "nothing_to_pack"
    await _act(client, ops_headers, back["id"], "send_return_label")
    assert (await _order(client, world, back["id"]))["currentStatus"] == "awaitingReturn"
    await _act(client, ops_headers, back["id"], "receive_returns")

    assert (await _order(client, world, back["id"]))["currentStatus"] == "returnReceived"
    returned = await _device(db, out["id"])
    assert (returned.status, returned.used, returned.fulfillment_site_id, returned.patient_id) == (
        "available", True, world.fulfillment_site, None,
    )
    assert await _stock(db, world, "hub") == (4, 0)
    assert await _stock(db, world, "strips") == (98, 0)
    # Received once: a second return order for the same device is refused, it is no longer out.
    assert_error(await client.post("/api/v3/order", json=returning, headers=world.headers()), 400, "Invalid data provided")


async def test_cancel_releases_stock_and_unpacks_devices(db, client, ops_headers):
    world = await devices_world(db)
    order = (await client.post("/api/v3/order", json=patient_order(world), headers=world.headers())).json()
    await _act(client, ops_headers, order["id"], "reconfirm_address")
    await _act(client, ops_headers, order["id"], "pack")
    packed_device = (await _order(client, world, order["id"]))["packedKits"][0]["devices"][0]["id"]

    await _act(client, ops_headers, order["id"], "cancel", {"note": "Patient moved away"})

    cancelled = await _order(client, world, order["id"])
    assert cancelled["currentStatus"] == "cancelled" and cancelled["packedKits"] == []
    assert await _stock(db, world, "hub") == (5, 0) and await _stock(db, world, "strips") == (100, 0)
    assert (await _device(db, packed_device)).status == "available"
    await _act(client, ops_headers, order["id"], "cancel", status=409)  # once


async def test_actions_follow_the_transition_table(db, client, ops_headers):
    world = await devices_world(db)
    order = (await client.post("/api/v3/order", json=patient_order(world), headers=world.headers())).json()

    await _act(client, ops_headers, order["id"], "ship", TRACKING, status=409)
    await _act(client, ops_headers, order["id"], "fly", status=400)
    await _act(client, ops_headers, order["id"], "reconfirm_address")
    assert (await _act(client, ops_headers, order["id"], "send_return_label", status=409))["error"]["code"] == "has_outbound"
    unneeded = await _act(client, ops_headers, order["id"], "pack", {"device_ids": [world.devices["cuff"][0]]}, status=400)
    assert unneeded["error"]["message"] == "A named device is not needed by this order."
    await _act(client, ops_headers, order["id"], "pack")
    await _act(client, ops_headers, order["id"], "ship", status=400)  # no tracking number
    await _act(client, ops_headers, order["id"], "ship", {"tracking_numbers": [{"carrier": "pigeon", "value": "1"}]}, status=400)
    await _act(client, ops_headers, order["id"], "ship", TRACKING)
    await _act(client, ops_headers, order["id"], "cancel", status=409)  # too late
    await _act(client, ops_headers, order["id"], "receive_returns", status=409)


async def test_the_sandbox_helper_moves_test_orders_without_touching_stock(db, client):
    world = await devices_world(db)
    body = patient_order(world, patient={"id": world.test_patient})
    order = (await client.post("/api/v3/order", json=body, headers=world.headers("test"))).json()

    for action, action_body in (("reconfirm_address", None), ("pack", None), ("ship", TRACKING), ("deliver", None)):
        response = await client.post(f"/api/v3/test_helpers/order/{order['id']}/{action}", json=action_body, headers=world.headers("test"))
        assert response.status_code == 200, response.text

    delivered = response.json()
    assert delivered["currentStatus"] == "delivered"
    assert len(delivered["packedKits"]) == 1 and delivered["packedKits"][0]["devices"] == []
    assert await _stock(db, world, "hub") == (5, 0) and await _stock(db, world, "strips") == (100, 0)
    assert all([(await _device(db, d)).status == "available" for d in world.devices["hub"]])
