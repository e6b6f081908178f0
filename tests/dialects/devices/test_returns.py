"""What a return may take back: each device or packed kit once, only from the patient or
site that has it, and never on two open returns at once (not even two sent together)."""

from __future__ import annotations

import asyncio

import pytest

from carepost.core.accounts.service import Scope
from carepost.core.patients.service import PatientIn, create_patient
from tests.devices_world import ADDRESS, World, devices_world, patient_order, site_order
from tests.dialects.devices.helpers import assert_error

INVALID = "Invalid data provided"
TRACKING = {"tracking_numbers": [{"carrier": "usps", "value": "9400100000000000000001"}]}


async def _act(client, ops_headers, order_id: int, action: str, body=None) -> None:
    response = await client.post(f"/api/ops/v1/orders/{order_id}/actions/{action}", json=body, headers=ops_headers)
    assert response.status_code == 200, response.text


async def _delivered(client, ops_headers, world: World, body) -> dict:
    order = (await client.post("/api/v3/order", json=body, headers=world.headers())).json()
    for action, action_body in (("reconfirm_address", None), ("pack", None), ("ship", TRACKING), ("deliver", None)):
        await _act(client, ops_headers, order["id"], action, action_body)
    return (await client.get(f"/api/v3/order/{order['id']}", headers=world.headers())).json()


def _return_of(world: World, **returns) -> dict:
    return patient_order(world, orderItems=[], orderKits=[], emailLabel=True, **returns)


@pytest.fixture
async def world(db) -> World:
    return await devices_world(db)


@pytest.fixture
async def delivered(client, ops_headers, world) -> dict:
    """A delivered order to the world's patient: one loose hub and a starter kit (with a hub)."""
    body = patient_order(world, orderItems=[{"count": 1, "item": {"id": world.items["hub"]}}])
    return await _delivered(client, ops_headers, world, body)


def _field(response) -> str:
    return response.json()["errors"][0]["field"]


async def test_the_same_device_twice_in_one_return_is_refused(client, world, delivered):
    device = delivered["devices"][0]["id"]

    response = await client.post("/api/v3/order", json=_return_of(world, returnDevices=[{"id": device}, {"id": device}]), headers=world.headers())

    assert_error(response, 400, INVALID)
    assert _field(response) == "returnDevices"


async def test_the_same_packed_kit_twice_in_one_return_is_refused(client, world, delivered):
    kit = delivered["packedKits"][0]["id"]
    body = _return_of(world, returnPackedKits=[{"id": kit, "quantity": 1}, {"id": kit, "quantity": 1}])

    response = await client.post("/api/v3/order", json=body, headers=world.headers())

    assert_error(response, 400, INVALID)
    assert _field(response) == "returnPackedKits"


async def test_a_device_with_another_patient_is_refused(client, db, world, delivered):
    async with db.transaction() as session:
        other = await create_patient(
            session, scope=Scope(world.customer.account_id, "live"), patient_in=PatientIn(first_name="Ana", last_name="Lima", address=dict(ADDRESS))
        )
    device, kit = delivered["devices"][0]["id"], delivered["packedKits"][0]["id"]

    for returns in ({"returnDevices": [{"id": device}]}, {"returnPackedKits": [{"id": kit, "quantity": 1}]}):
        body = _return_of(world, **returns)
        body["patient"] = {"id": other.id}
        response = await client.post("/api/v3/order", json=body, headers=world.headers())
        assert_error(response, 400, INVALID)
        site_body = site_order(world, orderItems=[], orderKits=[], emailLabel=True, **returns)
        assert_error(await client.post("/api/v3/order", json=site_body, headers=world.headers()), 400, INVALID)


async def test_a_second_open_return_for_a_device_or_kit_is_refused(client, ops_headers, world, delivered):
    device, kit = delivered["devices"][0]["id"], delivered["packedKits"][0]["id"]

    for returns in ({"returnDevices": [{"id": device}]}, {"returnPackedKits": [{"id": kit, "quantity": 1}]}):
        first = await client.post("/api/v3/order", json=_return_of(world, **returns), headers=world.headers())
        assert first.status_code == 201, first.text
        second = await client.post("/api/v3/order", json=_return_of(world, **returns), headers=world.headers())
        assert_error(second, 400, INVALID)
        assert "already on another open return" in second.json()["errors"][0]["message"]
        # Once the first is cancelled, the device or kit may be returned again.
        await _act(client, ops_headers, first.json()["id"], "cancel")
        again = await client.post("/api/v3/order", json=_return_of(world, **returns), headers=world.headers())
        assert again.status_code == 201, again.text


async def test_concurrent_returns_of_one_device_make_one_order(client, world, delivered):
    device = delivered["devices"][0]["id"]
    body = _return_of(world, returnDevices=[{"id": device}])

    answers = await asyncio.gather(*(client.post("/api/v3/order", json=body, headers=world.headers()) for _ in range(6)))

    assert sorted(a.status_code for a in answers) == [201] + [400] * 5
