"""An organization opens its own cases (`POST /api/v1/cases`) and reads them back."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from carepost.core.models import Account, Case
from tests.cases_world import ADDRESS, EXAMPLE_ORDER

PATIENT = {"firstName": "Ana", "lastName": "Ruiz", "dateOfBirth": "1975-10-30", "sex": "Female", "email": "ana@example.com",
    "phoneNumber": "+14155550123", "address": ADDRESS}


async def test_open_a_case_then_order_on_it(client, world):
    made = await client.post("/api/v1/cases", json={"patient": PATIENT}, headers=world.headers())
    assert made.status_code == 200, made.text
    case = made.json()["data"]["case"]
    assert made.json()["message"] == "Case created successfully" and case["orders"] == [] and case["mode"] == "live"
    assert case["patient"]["sex"] == "female" and case["patient"]["address"] == ADDRESS
    assert (await client.post(f"/api/v1/cases/{case['id']}", json=EXAMPLE_ORDER, headers=world.headers())).status_code == 200
    assert (await client.get(f"/api/v1/cases/{case['id']}", headers=world.headers("test"))).status_code == 403  # a live case, with a test key


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"firstName": None}, "firstName is required"),
        ({"email": "ana"}, "email must be a valid email address"),
        ({"sex": "robot"}, "sex must be one of female, male, other, unknown"),
        ({"dateOfBirth": "30/10/1975"}, "dateOfBirth must be a date (YYYY-MM-DD)"),
        ({"address": {**ADDRESS, "state": "XX"}}, "patient.address.state must be a valid US state abbreviation"),
    ],
)
async def test_a_bad_patient_is_refused(client, world, change, error):
    answer = await client.post("/api/v1/cases", json={"patient": {**PATIENT, **change}}, headers=world.headers())
    assert answer.status_code == 400 and answer.json()["error"] == error


async def test_no_prescription_until_the_worker_made_it(client, world):
    placed = (await client.post(f"/api/v1/cases/{world.live_case}", json=EXAMPLE_ORDER, headers=world.headers())).json()
    path = f"/api/v1/cases/{world.live_case}/orders/{placed['data']['order']['id']}/prescription"
    answer = await client.get(path, headers=world.headers())
    assert answer.status_code == 404 and answer.json()["error"] == "Prescription not found"


async def test_an_operator_opens_a_case_for_an_organization(client, db, world, ops_headers):
    async with db.read() as session:
        slug = await session.scalar(select(Account.slug).join(Case, Case.account_id == Account.id).where(Case.public_id == world.live_case))
    made = await client.post(f"/api/ops/v1/accounts/{slug}/cases?mode=test", json={"patient": PATIENT}, headers=ops_headers)
    assert made.status_code == 201 and made.json()["mode"] == "test"
    assert (await client.get(f"/api/v1/cases/{made.json()['id']}", headers=world.headers("test"))).status_code == 200
    bad = await client.post(f"/api/ops/v1/accounts/{slug}/cases", json={"patient": {**PATIENT, "email": "nope"}}, headers=ops_headers)
    assert bad.status_code == 400 and bad.json()["error"]["message"] == "email must be a valid email address"
