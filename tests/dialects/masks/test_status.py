"""GET /api/partner/v1/orders/{id}/status: the documented body and its scoping."""

from __future__ import annotations

from carepost.core.accounts import service as accounts
from tests.dialects.masks.helpers import cancel_url, place, status_url
from tests.factories import create_clinic, issue_key


async def test_status_of_a_new_order_is_awaiting_scan(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    response = await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 200
    assert response.json()["success"] is True
    data = response.json()["data"]
    assert list(data) == [
        "vitacore_order_id", "shopify_order_id", "shopify_order_name", "patient_email", "patient_name", "placed_at",
        "is_test", "scan_id", "scan_status", "current_step_id", "current_step_label", "progress_caption",
        "is_shipped", "is_cancelled", "cancelled_at", "tracking", "udi", "updated_at",
    ]
    assert data["vitacore_order_id"] == order_id
    assert data["shopify_order_name"] == "#1001"
    assert data["is_test"] is False
    assert data["scan_id"] is None and data["scan_status"] is None
    assert data["current_step_id"] == "awaiting_scan"
    assert data["current_step_label"] == "Awaiting scan"
    assert data["is_shipped"] is False and data["is_cancelled"] is False
    assert data["cancelled_at"] is None and data["tracking"] is None and data["udi"] is None
    assert data["updated_at"] == data["placed_at"]


async def test_status_accepts_bearer_credentials(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    response = await client.get(status_url(order_id), headers={"Authorization": f"Bearer {clinic.live_key}"})

    assert response.status_code == 200


async def test_status_401_without_a_valid_key(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    assert (await client.get(status_url(order_id))).status_code == 401
    assert (await client.get(status_url(order_id), headers={"X-Api-Key": "cpk_live_nope"})).status_code == 401


async def test_status_is_404_for_unknown_ids_and_anyone_but_the_placing_key(client, db):
    clinic, other_clinic = await create_clinic(db), await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    second_key_same_clinic = await issue_key(db, clinic)

    responses = {
        "unknown id": await client.get(status_url("ORD_0000000000"), headers={"X-Api-Key": clinic.live_key}),
        "other clinic": await client.get(status_url(order_id), headers={"X-Api-Key": other_clinic.live_key}),
        "other key": await client.get(status_url(order_id), headers={"X-Api-Key": second_key_same_clinic}),
        "test key of the same clinic": await client.get(status_url(order_id), headers={"X-Api-Key": clinic.test_key}),
    }

    for label, response in responses.items():
        assert response.status_code == 404, label
        assert response.json()["error"]["code"] == "order_not_found", label
    # Someone else's order reads exactly like a missing one.
    assert responses["other clinic"].json()["error"]["message"] == responses["unknown id"].json()["error"]["message"]


async def test_a_test_order_is_invisible_to_the_live_key(client, db):
    clinic = await create_clinic(db)
    test_order = await place(client, clinic.test_key)

    as_live = await client.get(status_url(test_order), headers={"X-Api-Key": clinic.live_key})
    as_test = await client.get(status_url(test_order), headers={"X-Api-Key": clinic.test_key})

    assert as_live.status_code == 404
    assert as_test.status_code == 200 and as_test.json()["data"]["is_test"] is True


async def test_an_account_whose_masks_api_is_switched_off_gets_422_everywhere(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    async with db.transaction() as session:
        await accounts.ensure_account(session, slug=clinic.slug, name="Clinic", dialects={"devices"})

    status = await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})
    cancel = await client.post(cancel_url(order_id), headers={"X-Api-Key": clinic.live_key})

    for response in (status, cancel):
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "clinic_not_configured"
