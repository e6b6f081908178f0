"""Bad input always gets the masks error envelope with a 4xx, never a 500."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from carepost.core.models import Order
from tests.dialects.masks.helpers import ORDERS, place, status_url
from tests.factories import create_clinic, mask_order


def assert_envelope(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["success"] is False
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert body["error"]["request_id"] == response.headers["request-id"]
    return body["error"]


async def test_malformed_json(client, db):
    clinic = await create_clinic(db)

    response = await client.post(
        ORDERS, content=b'{"patient_name": "Jane",', headers={"X-Api-Key": clinic.live_key, "Content-Type": "application/json"}
    )

    assert_envelope(response, 400, "invalid_json")


async def test_malformed_json_without_credentials_is_still_400(client):
    response = await client.post(ORDERS, content=b"{nope", headers={"Content-Type": "application/json"})

    assert_envelope(response, 400, "invalid_json")


async def test_json_that_is_not_an_object(client, db):
    clinic = await create_clinic(db)

    for payload in ([1, 2], "text", 42, None):
        response = await client.post(ORDERS, json=payload, headers={"X-Api-Key": clinic.live_key})
        assert response.status_code == 400, payload
        assert response.json()["error"]["code"] == "invalid_json"


async def test_json_without_a_content_type_is_accepted(client, db):
    clinic = await create_clinic(db)

    response = await client.post(
        ORDERS, content=json.dumps({"secret_key": clinic.live_key, **mask_order()}).encode(), headers={}
    )

    assert response.status_code == 201, response.text


async def test_a_form_encoded_body_is_refused_clearly(client, db):
    clinic = await create_clinic(db)

    response = await client.post(ORDERS, data={"patient_name": "Jane"}, headers={"X-Api-Key": clinic.live_key})

    error = assert_envelope(response, 400, "invalid_json")
    assert "application/json" in error["message"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("patient_name", 123),
        ("patient_email", ["a@b.c"]),
        ("phone", 15551234567),
        ("shipping_address", "123 Main Street"),
        ("mask_type", "full_face"),
        ("forge_sends_email_to_client", "yes"),
        ("idempotency_key", 12345678),
    ],
)
async def test_wrong_types_and_values(client, db, field, value):
    clinic = await create_clinic(db)

    response = await client.post(ORDERS, json=mask_order(**{field: value}), headers={"X-Api-Key": clinic.live_key})

    error = assert_envelope(response, 400, "validation_error")
    assert error["fields"][0]["field"].startswith(field)


@pytest.mark.parametrize(
    ("field", "value", "why"),
    [
        ("patient_email", "not-an-email", "not an e-mail"),
        ("patient_name", "", "blank"),
        ("patient_name", "   ", "blank after trimming"),
        ("patient_name", "x" * 201, "too long"),
        ("idempotency_key", "short", "under 8 characters"),
        ("idempotency_key", "k" * 256, "too long"),
    ],
)
async def test_invalid_values(client, db, field, value, why):
    clinic = await create_clinic(db)

    response = await client.post(ORDERS, json=mask_order(**{field: value}), headers={"X-Api-Key": clinic.live_key})

    assert_envelope(response, 400, "validation_error")


_MISSING = object()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("country_code", "XX"),
        ("country_code", "USA"),
        ("company", "ACME"),
        *((required, _MISSING) for required in ("first_name", "last_name", "address1", "city", "country_code", "zip")),
        ("city", "  "),
    ],
)
async def test_shipping_address_problems_name_the_field(client, db, name, value):
    clinic = await create_clinic(db)
    body = mask_order()
    if value is _MISSING:
        del body["shipping_address"][name]
    else:
        body["shipping_address"][name] = value

    response = await client.post(ORDERS, json=body, headers={"X-Api-Key": clinic.live_key})

    error = assert_envelope(response, 400, "validation_error")
    assert error["fields"][0]["field"] == f"shipping_address.{name}"


async def test_a_lowercase_country_code_is_normalised(client, db):
    clinic = await create_clinic(db)
    body = mask_order()
    body["shipping_address"]["country_code"] = "us"

    response = await client.post(ORDERS, json=body, headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 201


async def test_something_that_is_no_phone_number_is_refused(client, db):
    clinic = await create_clinic(db)

    response = await client.post(ORDERS, json=mask_order(phone="call me maybe"), headers={"X-Api-Key": clinic.live_key})

    error = assert_envelope(response, 400, "invalid_input")
    assert error["fields"][0]["field"] == "phone"


async def test_fictional_but_plausible_phones_pass_with_a_warning(client, db):
    clinic = await create_clinic(db)

    order_id = await place(client, clinic.live_key, phone="+1234567890")
    fictional_id = await place(client, clinic.live_key, phone="+15551234567")

    async with db.transaction() as session:
        order = await session.scalar(select(Order).where(Order.public_id == order_id))
        fictional = await session.scalar(select(Order).where(Order.public_id == fictional_id))
    assert order.warnings and order.warnings[0].startswith("phone_implausible")
    assert fictional.warnings and fictional.warnings[0].startswith("phone_not_assigned")


async def test_a_one_megabyte_body_is_refused_before_parsing(client, db):
    clinic = await create_clinic(db)
    body = mask_order(patient_name="x" * (1024 * 1024))

    response = await client.post(ORDERS, json=body, headers={"X-Api-Key": clinic.live_key})

    assert_envelope(response, 413, "payload_too_large")


async def test_a_large_body_streamed_without_content_length_is_refused(client, db):
    clinic = await create_clinic(db)

    async def chunks():
        yield b'{"patient_name": "'
        for _ in range(64):
            yield b"x" * 16384
        yield b'"}'

    response = await client.post(ORDERS, content=chunks(), headers={"X-Api-Key": clinic.live_key})

    assert_envelope(response, 413, "payload_too_large")


async def test_unknown_fields_are_refused_and_never_set_server_values(client, db):
    clinic = await create_clinic(db)
    smuggled = mask_order(vitacore_order_id="ORD_1111111111", is_test=True, placed_at="2000-01-01T00:00:00.000Z")

    response = await client.post(ORDERS, json=smuggled, headers={"X-Api-Key": clinic.live_key})

    error = assert_envelope(response, 400, "validation_error")
    assert {f["field"] for f in error["fields"]} == {"vitacore_order_id", "is_test", "placed_at"}
    assert {f["message"] for f in error["fields"]} == {"Unknown field."}
    async with db.transaction() as session:
        assert (await session.scalars(select(Order).where(Order.account_id == clinic.account_id))).all() == []


async def test_unknown_routes_and_methods_use_the_envelope(client, db):
    clinic = await create_clinic(db)
    headers = {"X-Api-Key": clinic.live_key}

    assert_envelope(await client.get("/api/partner/v1/nothing-here", headers=headers), 404, "route_not_found")
    assert_envelope(await client.delete(status_url("ORD_1234567890"), headers=headers), 405, "method_not_allowed")
