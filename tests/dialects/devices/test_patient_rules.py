"""Patient details a devices customer cannot get wrong: a birth date in the past (and
after 1900), a phone number that is one, one patient per externalIdentifier."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date, timedelta

import pytest

from tests.devices_world import WIRE_ADDRESS, devices_world
from tests.dialects.devices.helpers import assert_error

INVALID = "Invalid data provided"


@pytest.fixture
async def world(db):
    return await devices_world(db)


def _patient(**overrides):
    return {"firstName": "Ana", "lastName": "Lima", "address": dict(WIRE_ADDRESS), **overrides}


async def _create(client, world, mode: str = "live", **overrides):
    return await client.post("/api/v3/patient", json=_patient(**overrides), headers=world.headers(mode))


@pytest.mark.parametrize("born", [(date.today() + timedelta(days=1)).isoformat(), "1899-12-31", "2999-01-01"])
async def test_a_birth_date_in_the_future_or_before_1900_is_refused(client, world, born):
    response = await _create(client, world, dateOfBirth=born)

    assert_error(response, 400, INVALID)
    assert response.json()["errors"][0]["field"] == "dateOfBirth"


@pytest.mark.parametrize("born", ["1900-01-01", "1980-01-01", date.today().isoformat()])
async def test_a_plausible_birth_date_is_kept(client, world, born):
    response = await _create(client, world, dateOfBirth=born)

    assert response.status_code == 201, response.text
    assert response.json()["dateOfBirth"] == born


async def test_a_phone_number_that_is_not_one_is_refused(client, world):
    response = await _create(client, world, phoneNumber="not a phone")

    assert_error(response, 400, INVALID)
    assert response.json()["errors"][0]["field"] == "phoneNumber"


async def test_the_guides_own_phone_number_is_accepted(client, world):
    response = await _create(client, world, phoneNumber="+1234567890")

    assert response.status_code == 201, response.text


async def test_one_patient_per_external_identifier_within_a_customer_and_mode(client, world):
    identifier = f"ext-{uuid.uuid4().hex[:8]}"
    first = await _create(client, world, externalIdentifier=identifier)
    other = await _create(client, world)

    duplicate = await _create(client, world, externalIdentifier=identifier)
    renamed = await client.put(f"/api/v3/patient/{other.json()['id']}", json=_patient(externalIdentifier=identifier), headers=world.headers())
    kept = await client.put(f"/api/v3/patient/{first.json()['id']}", json=_patient(externalIdentifier=identifier), headers=world.headers())
    in_test_mode = await _create(client, world, mode="test", externalIdentifier=identifier)

    for refused in (duplicate, renamed):
        assert_error(refused, 400, INVALID)
        assert refused.json()["errors"][0]["field"] == "externalIdentifier"
    assert kept.status_code == 200  # a patient keeps its own identifier
    assert in_test_mode.status_code == 201  # test mode is a world of its own


async def test_a_new_patient_in_an_order_with_a_taken_identifier_is_refused(client, world):
    identifier = f"ext-{uuid.uuid4().hex[:8]}"
    await _create(client, world, externalIdentifier=identifier)
    body = {"patient": _patient(externalIdentifier=identifier), "orderItems": [{"count": 1, "item": {"id": world.items["strips"]}}]}

    assert_error(await client.post("/api/v3/order", json=body, headers=world.headers()), 400, INVALID)


async def test_concurrent_creates_with_one_identifier_make_one_patient(client, world):
    identifier = f"ext-{uuid.uuid4().hex[:8]}"

    answers = await asyncio.gather(*(_create(client, world, externalIdentifier=identifier) for _ in range(6)))

    assert sorted(a.status_code for a in answers) == [201] + [400] * 5
