"""Every number and day in a query string is bounded before it reaches SQL: out of range
is the surface's own 400 (or its 404 for a page), never a 500 (issue 24, item 1)."""

from __future__ import annotations

import pytest

from tests.devices_world import devices_world
from tests.factories import create_clinic
from tests.pharmacy_world import order_body, pharmacy_world, token_for
from tests.webhooks.conftest import add_endpoint

PAST_INT64 = "9223372036854775808"
HUGE = "99999999999999999999999"


@pytest.fixture
async def pharmacy(client, db, settings):
    world = await pharmacy_world(db, settings.resolved_secret_key)
    return world, world.headers(await token_for(client, world))


@pytest.mark.parametrize("value", [HUGE, PAST_INT64])
async def test_pharmacy_patient_past_any_id_is_a_field_error(client, pharmacy, value):
    _, headers = pharmacy
    answer = await client.get("/api/orders/", params={"patient": value}, headers=headers)
    assert answer.status_code == 400, answer.text
    assert answer.json() == {"patient": ["Select a valid choice. That choice is not one of the available choices."]}


@pytest.mark.parametrize("value", ["99999999999999999999", PAST_INT64, "1000001"])
async def test_pharmacy_page_past_any_list_is_invalid_page(client, pharmacy, value):
    _, headers = pharmacy
    answer = await client.get("/api/orders/", params={"page": value}, headers=headers)
    assert answer.status_code == 404 and answer.json() == {"detail": "Invalid page."}


@pytest.mark.parametrize("name", ["expected_delivery_date_before", "max_delivery_date_before"])
async def test_pharmacy_the_last_day_there_is_bounds_nothing(client, pharmacy, name):
    world, headers = pharmacy
    assert (await client.post("/api/orders/resources/", json=order_body(world), headers=headers)).status_code == 201
    answer = await client.get("/api/orders/", params={name: "9999-12-31"}, headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.json()["count"] == 1
    early = await client.get("/api/orders/", params={name.replace("_before", "_after"): "0001-01-01"}, headers=headers)
    assert early.status_code == 200 and early.json()["count"] == 1


@pytest.mark.parametrize("params", [{"page": HUGE}, {"page": "1000001"}, {"size": HUGE}, {"patientId": PAST_INT64}, {"siteId": HUGE}])
async def test_devices_listing_bounds(client, db, params):
    world = await devices_world(db)
    answer = await client.get("/api/v3/order", params=params, headers=world.headers())
    assert answer.status_code == 400, answer.text
    assert answer.json()["status"] == 400


@pytest.mark.parametrize(
    "params",
    [
        {"since": "9999-12-31T23:59:59"},
        {"until": "0001-01-01T00:00:00"},
        {"since": "9999-12-31T23:59:59-14:00"},
        {"since": HUGE},
        {"until": "2026-01-01T00:00:00"},  # no offset: read as UTC
        {"since": "0"},
    ],
)
async def test_webhook_deliveries_time_filters(client, db, receiver, params):
    clinic = await create_clinic(db)
    endpoint = await add_endpoint(client, clinic.live_key, receiver.url)
    answer = await client.get(
        f"/api/webhooks/v1/endpoints/{endpoint['id']}/deliveries", params=params, headers={"Authorization": f"Bearer {clinic.live_key}"}
    )
    assert answer.status_code in (200, 400), answer.text
    if answer.status_code == 400:
        assert answer.json()["error"]["code"] == "validation_error"
    if "-14:00" in str(params) or params.get("since") in (HUGE, "0"):
        assert answer.status_code == 400  # past year 9999 in UTC; a number is no time
