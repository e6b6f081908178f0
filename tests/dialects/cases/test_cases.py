"""An organization opens its own cases (`POST /api/v1/cases`) and reads them back."""

from __future__ import annotations

import pytest

from tests.cases_world import ADDRESS, EXAMPLE_ORDER

PATIENT = {"firstName": "Ana", "lastName": "Ruiz", "dateOfBirth": "1975-10-30", "sex": "Female", "email": "ana@example.com", "phoneNumber": "+14155550123", "address": ADDRESS}


async def test_open_a_case_then_order_on_it(client, world):
    made = await client.post("/api/v1/cases", json={"patient": PATIENT}, headers=world.headers())
    assert made.status_code == 200, made.text
    case = made.json()["data"]["case"]
    assert made.json()["message"] == "Case created successfully" and case["orders"] == [] and case["mode"] == "live"
    assert case["patient"]["sex"] == "female" and case["patient"]["address"] == ADDRESS
    assert (await client.post(f"/api/v1/cases/{case['id']}", json=EXAMPLE_ORDER, headers=world.headers())).status_code == 200
    assert (await client.get(f"/api/v1/cases/{case['id']}", headers=world.headers("test"))).status_code == 404  # a live case


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
