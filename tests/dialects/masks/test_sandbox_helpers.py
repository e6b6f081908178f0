"""The sandbox: a test key moves its own test orders through every step."""

from __future__ import annotations

from tests.dialects.masks.helpers import cancel_url, place, status_url
from tests.factories import create_clinic, issue_key


def advance_url(order_id: str) -> str:
    return f"/api/partner/v1/test_helpers/orders/{order_id}/advance"


async def test_a_test_key_reaches_every_step_and_sees_the_cancel_409(client, db):
    clinic = await create_clinic(db)
    headers = {"X-Api-Key": clinic.test_key}
    order_id = await place(client, clinic.test_key)

    uploaded = await client.post(advance_url(order_id), json={"action": "complete_scan"}, headers=headers)
    assert uploaded.status_code == 200 and uploaded.json()["data"]["current_step_id"] == "scan_review"
    assert (await client.post(cancel_url(order_id), headers=headers)).status_code == 409

    for action in ("approve_scan", "start_mesh", "start_print", "start_qa", "print_label"):
        assert (await client.post(advance_url(order_id), json={"action": action}, headers=headers)).status_code == 200
    shipped = await client.post(
        advance_url(order_id), json={"action": "ship", "carrier": "usps", "tracking_number": "9400 1000 0000 0000 0000 00"}, headers=headers
    )

    data = shipped.json()["data"]
    assert data["is_test"] is True and data["is_shipped"] is True
    assert data["udi"]["gs1_element_string"].startswith("(01)00628678429093(11)")
    assert (await client.get(status_url(order_id), headers=headers)).json()["data"] == data


async def test_live_keys_cannot_use_test_helpers(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    response = await client.post(advance_url(order_id), json={"action": "complete_scan"}, headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "test_mode_only"


async def test_test_helpers_reach_only_the_keys_own_orders(client, db):
    clinic, other = await create_clinic(db), await create_clinic(db)
    order_id = await place(client, clinic.test_key)
    second_test_key = await issue_key(db, clinic, mode="test")

    for key in (other.test_key, second_test_key):
        response = await client.post(advance_url(order_id), json={"action": "complete_scan"}, headers={"X-Api-Key": key})
        assert response.status_code == 404


async def test_unknown_actions_are_a_validation_error(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.test_key)

    response = await client.post(advance_url(order_id), json={"action": "warp"}, headers={"X-Api-Key": clinic.test_key})

    assert response.status_code == 400
    assert response.json()["error"]["fields"][0]["field"] == "action"
