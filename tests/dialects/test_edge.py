"""What every surface shares at the edge: control characters refused in each contract's
own 400 envelope (on PostgreSQL too, which cannot store a NUL), HEAD, Allow, the
authentication challenge, no redirects, and the security headers."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from carepost.core.models import Order
from tests.devices_world import WIRE_ADDRESS, devices_world
from tests.dialects.masks.helpers import ORDERS, place, status_url
from tests.factories import create_clinic, mask_order

NUL = "\u0000"
DEVICES_INVALID = "Invalid data provided"


def assert_masks_refusal(response, field: str) -> None:
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_characters"
    assert error["fields"] == [{"field": field, "message": "Control characters (such as NUL) are not allowed."}]


def assert_devices_refusal(response, field: str) -> None:
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["message"] == DEVICES_INVALID
    assert body["errors"][0]["field"] == field


async def _orders_of(db, account_id: int) -> int:
    async with db.transaction() as session:
        return await session.scalar(select(func.count()).select_from(Order).where(Order.account_id == account_id))


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"patient_name": f"Jane{NUL}Doe"}, "patient_name"),
        ({"shipping_address": {**mask_order()["shipping_address"], "city": f"Port{NUL}land"}}, "shipping_address.city"),
        ({"idempotency_key": f"key-{NUL}-12345678"}, "idempotency_key"),
        ({f"bad{NUL}name": "x"}, "(a field name)"),
    ],
)
async def test_a_nul_in_a_masks_body_is_refused_and_nothing_is_stored(client, db, overrides, field):
    clinic = await create_clinic(db)

    response = await client.post(ORDERS, json=mask_order(**overrides), headers={"X-Api-Key": clinic.live_key})

    assert_masks_refusal(response, field)
    assert await _orders_of(db, clinic.account_id) == 0


async def test_a_nul_in_a_masks_path_or_query_is_refused(client, db):
    clinic = await create_clinic(db)
    headers = {"X-Api-Key": clinic.live_key}

    assert_masks_refusal(await client.get(status_url("ORD_%00"), headers=headers), "path")
    lookup = await client.get("/api/partner/v1/fupc/lookup", params={"fupc": f"AB{NUL}", "request_type": "summary"}, headers=headers)
    assert_masks_refusal(lookup, "fupc")


async def test_a_gs1_group_separator_is_text_not_a_control_character(client, db):
    clinic = await create_clinic(db)

    response = await client.get(
        "/api/partner/v1/barcode/lookup", params={"barcode": "\x1d10ABC1234", "request_type": "summary"}, headers={"X-Api-Key": clinic.live_key}
    )

    assert response.json()["error"]["code"] != "invalid_characters"  # parsed as a barcode, not refused


async def test_line_breaks_in_a_one_line_field_are_refused_but_not_in_a_note(client, db):
    clinic = await create_clinic(db)

    response = await client.post(ORDERS, json=mask_order(patient_name="Jane\r\nBcc: x@evil.example"), headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 400
    assert response.json()["error"]["fields"][0]["field"] == "patient_name"
    assert "one line" in response.json()["error"]["fields"][0]["message"]


async def test_a_nul_in_a_devices_request_is_refused(client, db):
    world = await devices_world(db)
    patient = {"firstName": f"Ana{NUL}", "lastName": "Lima", "address": dict(WIRE_ADDRESS)}
    body = {"patient": patient, "orderItems": [{"item": {"id": world.items["strips"]}, "count": 1}]}

    assert_devices_refusal(await client.post("/api/v3/order", json=body, headers=world.headers()), "patient.firstName")
    assert_devices_refusal(await client.get("/api/v3/order", params={"externalOrderId": f"x{NUL}"}, headers=world.headers()), "externalOrderId")
    assert_devices_refusal(await client.get("/api/v3/patient/1%00", headers=world.headers()), "path")
    assert_devices_refusal(await client.post("/api/v3/patient", json=patient, headers=world.headers()), "firstName")


async def test_a_line_break_in_a_devices_name_is_refused(client, db):
    world = await devices_world(db)

    response = await client.post(
        "/api/v3/patient", json={"firstName": "Ana\nLima", "lastName": "Lima", "address": dict(WIRE_ADDRESS)}, headers=world.headers()
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "firstName"


async def test_a_nul_on_the_operator_api_is_refused(client, ops_headers):
    response = await client.get("/api/ops/v1/orders/ORD_%00", headers=ops_headers)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_characters"


async def test_a_nul_in_the_portal_link_shows_a_page_not_json(client):
    response = await client.get("/api/portal/start-scan", params={"order_id": f"ORD_{NUL}", "email": "a@b.c"})

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert "This scan link is not valid" in response.text


async def test_a_nul_in_a_portal_upload_link_is_refused_in_the_masks_envelope(client):
    response = await client.post(
        "/api/portal/start-scan/files/front_video", params={"order_id": f"ORD_{NUL}", "email": "a@b.c"}, files={"file": b"x"}
    )

    assert_masks_refusal(response, "order_id")


# HTTP manners


async def test_head_answers_as_get_without_a_body(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    got = await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})
    head = await client.head(status_url(order_id), headers={"X-Api-Key": clinic.live_key})

    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


async def test_405_names_the_allowed_methods(client):
    response = await client.delete(ORDERS)

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    ("path", "challenge"),
    [
        (status_url("ORD_X"), "Bearer"),
        ("/api/v3/order", "ApiKey"),
        ("/api/ops/v1/orders/ORD_X", "Bearer"),
    ],
)
async def test_401_says_how_to_authenticate(client, path, challenge):
    response = await client.get(path)

    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith(challenge)


async def test_a_trailing_slash_is_not_redirected_to_the_host_header(client):
    response = await client.post(f"{ORDERS}/", json={}, headers={"Host": "evil.example"})

    assert response.status_code == 404
    assert "location" not in response.headers
    assert response.json()["error"]["code"] == "route_not_found"


async def test_api_answers_carry_nosniff_and_no_store(client, db):
    clinic = await create_clinic(db)

    for response in (
        await client.post(ORDERS, json=mask_order(), headers={"X-Api-Key": clinic.live_key}),
        await client.get("/api/v3/order"),
        await client.get("/nowhere"),
    ):
        assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers.get("cache-control") is None  # an unowned path carries no patient data
    assert (await client.get("/api/v3/order")).headers["cache-control"] == "no-store"


async def test_the_portal_page_is_locked_down(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    page = await client.get("/api/portal/start-scan", params={"order_id": order_id, "email": "patient@example.com"})

    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["cache-control"] == "no-store"
    assert "<script>" not in page.text and "<style>" not in page.text  # nothing inline for the CSP to refuse
    script = await client.get("/api/portal/assets/upload.js")
    assert script.status_code == 200 and "uploadUrl" in script.text


async def test_a_portal_link_without_its_email_shows_a_page(client):
    response = await client.get("/api/portal/start-scan", params={"order_id": "ORD_123"})

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert "This scan link is not valid" in response.text
