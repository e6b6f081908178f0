"""A request that presents two different credentials is refused (401), never resolved
by precedence; the same key in two places is fine."""

from __future__ import annotations

from sqlalchemy import func, select

from carepost.core.models import Order
from tests.devices_world import devices_world
from tests.dialects.masks.helpers import ORDERS
from tests.factories import create_clinic, mask_order


async def _orders(db, account_id: int) -> int:
    async with db.transaction() as session:
        return await session.scalar(select(func.count()).select_from(Order).where(Order.account_id == account_id))


async def test_a_wrong_body_secret_beside_a_valid_header_key_is_refused(client, db):
    clinic = await create_clinic(db)

    response = await client.post(ORDERS, json={**mask_order(), "secret_key": "vc_live_wrong"}, headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "conflicting_credentials"
    assert await _orders(db, clinic.account_id) == 0


async def test_a_live_header_and_a_test_body_key_of_one_account_are_refused(client, db):
    clinic = await create_clinic(db)

    response = await client.post(ORDERS, json={**mask_order(), "secret_key": clinic.test_key}, headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 401
    assert await _orders(db, clinic.account_id) == 0


async def test_the_same_key_in_the_header_and_the_body_is_accepted(client, db):
    clinic = await create_clinic(db)

    response = await client.post(ORDERS, json={**mask_order(), "secret_key": clinic.live_key}, headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 201, response.text


async def test_two_different_masks_header_keys_are_refused(client, db):
    clinic = await create_clinic(db)
    other = await create_clinic(db)

    twice = await client.post(ORDERS, json=mask_order(), headers=[("X-Api-Key", clinic.live_key), ("X-Api-Key", other.live_key)])
    bearer_and_header = await client.post(
        ORDERS, json=mask_order(), headers={"Authorization": f"Bearer {other.live_key}", "X-Api-Key": clinic.live_key}
    )

    for response in (twice, bearer_and_header):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "conflicting_credentials"
        assert response.headers["www-authenticate"]
    assert await _orders(db, clinic.account_id) == await _orders(db, other.account_id) == 0


async def test_two_devices_keys_are_refused_with_the_contracts_401(client, db):
    world = await devices_world(db)
    other = await create_clinic(db, dialects=("devices",))

    response = await client.get(
        "/api/v3/order", headers=[("Impilo-API-Key", world.customer.live_key), ("Impilo-API-Key", other.live_key)]
    )

    assert response.status_code == 401
    assert response.json()["message"] == "Missing, invalid, or expired authentication token"
