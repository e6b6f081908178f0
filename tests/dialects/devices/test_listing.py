"""GET /api/v3/order: newest first, pages counted from 0, bounded size, filters."""

from __future__ import annotations

from tests.devices_world import devices_world, patient_order, site_order
from tests.dialects.devices.helpers import assert_error


async def _place(client, world, body):
    response = await client.post("/api/v3/order", json=body, headers=world.headers())
    assert response.status_code == 201, response.text
    return response.json()


async def test_pages_walk_every_order_once_newest_first(db, client):
    world = await devices_world(db)
    placed = [await _place(client, world, patient_order(world, externalOrderIds=[f"p-{n}"])) for n in range(5)]

    pages = [(await client.get("/api/v3/order", params={"page": n, "size": 2}, headers=world.headers())).json() for n in range(3)]

    assert [o["id"] for page in pages for o in page["content"]] == [o["id"] for o in reversed(placed)]
    assert [(p["first"], p["last"], p["page"], p["size"], p["total"]) for p in pages] == [
        (True, False, 0, 2, 5),
        (False, False, 1, 2, 5),
        (False, True, 2, 2, 5),
    ]
    beyond = (await client.get("/api/v3/order", params={"page": 9, "size": 2}, headers=world.headers())).json()
    assert beyond["content"] == [] and beyond["last"] is True


async def test_filters_by_status_patient_site_and_external_id(db, client, ops_headers):
    world = await devices_world(db)
    for_patient = await _place(client, world, patient_order(world, externalOrderIds=["emr-1"]))
    for_site = await _place(client, world, site_order(world, externalOrderIds=["emr-2", "shared"]))
    other = await _place(client, world, patient_order(world, externalOrderIds=["shared"]))
    assert (await client.post(f"/api/ops/v1/orders/{other['id']}/actions/reconfirm_address", headers=ops_headers)).status_code == 200

    async def ids(**params):
        page = (await client.get("/api/v3/order", params=params, headers=world.headers())).json()
        assert page["total"] == len(page["content"])
        return [o["id"] for o in page["content"]]

    assert await ids(status="processing") == [other["id"]]
    assert await ids(status="reconfirmAddress") == [for_site["id"], for_patient["id"]]
    assert await ids(patientId=world.patient) == [other["id"], for_patient["id"]]
    # The site each order shows: a site order's own, a patient order's patient's (world.patient is at north).
    assert await ids(siteId=world.sites["north"]) == [other["id"], for_site["id"], for_patient["id"]]
    shown = (await client.get("/api/v3/order", params={"siteId": world.sites["north"]}, headers=world.headers())).json()["content"]
    assert {o["site"]["id"] for o in shown} == {world.sites["north"]}
    assert await ids(siteId=world.sites["closed"]) == []
    assert await ids(externalOrderId="emr-1") == [for_patient["id"]]
    assert await ids(externalOrderId="shared") == [other["id"], for_site["id"]]
    assert await ids(externalOrderId="shared", status="processing") == [other["id"]]
    assert await ids(externalOrderId="nothing") == []


async def test_page_size_is_bounded_and_parameters_are_checked(db, client):
    world = await devices_world(db)
    for params in ({"size": 101}, {"size": 0}, {"page": -1}, {"status": "lost"}, {"patientId": "abc"}, {"size": "many"}):
        assert_error(await client.get("/api/v3/order", params=params, headers=world.headers()), 400, "Invalid data provided")
    assert (await client.get("/api/v3/order", params={"size": 100}, headers=world.headers())).status_code == 200
    assert_error(await client.get("/api/v3/order/not-a-number", headers=world.headers()), 400, "Invalid data provided")
    assert_error(await client.get(f"/api/v3/order/{2**63}", headers=world.headers()), 400, "Invalid data provided")
