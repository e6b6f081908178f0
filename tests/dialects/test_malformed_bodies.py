"""Every malformed body is the contract's one "invalid JSON" answer, on every surface:
not UTF-8, a string no UTF-8 can hold (a lone surrogate escape), nested absurdly deep,
a number of 5000 digits, NaN or Infinity."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from carepost.core.models import Order
from tests.devices_world import devices_world
from tests.dialects.masks.helpers import ORDERS
from tests.factories import create_clinic, mask_order

MALFORMED = {
    "not utf-8": b'{"patient": {"firstName": "\xff\xfe"}}',
    "deep nesting": b'{"a":' * 5000 + b"1" + b"}" * 5000,
    "fairly deep nesting": b"[" * 40 + b"]" * 40,
    "5000 digits": b'{"orderItems": [{"count": ' + b"9" * 5000 + b', "item": {"id": 1}}]}',
    "NaN": b'{"orderItems": [{"count": NaN, "item": {"id": 1}}]}',
    "Infinity": b'{"emailLabel": Infinity}',
    "a long float": b'{"count": 1.' + b"5" * 5000 + b"}",
    "truncated": b'{"orderItems": [',
    "a lone surrogate": b'{"patient": {"firstName": "\\ud800"}, "patient_name": "\\udfff"}',  # no UTF-8 can hold it
}


@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
async def test_devices_says_invalid_json_format(client, db, body):
    world = await devices_world(db)

    response = await client.post("/api/v3/order", content=body, headers={**world.headers(), "Content-Type": "application/json"})

    assert response.status_code == 400, response.text
    assert response.json()["message"] == "Invalid JSON format"


@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
async def test_masks_says_invalid_json(client, db, body):
    clinic = await create_clinic(db)

    response = await client.post(ORDERS, content=body, headers={"X-Api-Key": clinic.live_key, "Content-Type": "application/json"})

    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "invalid_json"


async def test_the_operator_api_says_invalid_json_too(client, ops_headers):
    response = await client.post(
        "/api/ops/v1/orders/ORD_X/actions/complete_scan", content=b"[" * 100, headers={**ops_headers, "Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_json"


async def test_a_surrogate_pair_escape_is_one_character_and_kept(client, db):
    clinic = await create_clinic(db)
    body = json.dumps(mask_order(patient_name="Ana \U0001f600 Ruiz"), ensure_ascii=True).encode()  # the emoji as \ud83d\ude00
    assert b"\\ud83d\\ude00" in body

    response = await client.post(ORDERS, content=body, headers={"X-Api-Key": clinic.live_key, "Content-Type": "application/json"})

    assert response.status_code == 201, response.text
    async with db.read() as session:
        recipient = await session.scalar(select(Order.recipient).where(Order.public_id == response.json()["data"]["vitacore_order_id"]))
    assert recipient["name"] == "Ana \U0001f600 Ruiz"
