"""A new order's webhook event carries the order as its flow's API shows it right
after the create, in every flow. Placing renders that data from what it wrote, not
by reading the order back (core/orders/events.py, `view_after`): these tests hold
the two ways to the same answer, field for field, in live and test mode."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from tests.cases_world import cases_world, example
from tests.devices_world import devices_world, patient_order, site_order
from tests.dialects.masks.helpers import place, status_url
from tests.factories import create_clinic
from tests.pharmacy_world import PDF, order_body, pharmacy_world, token_for

EVENTS = "/api/webhooks/v1/events"


async def created_event_data(client, key: str, event_type: str = "order.created") -> dict[str, Any]:
    """The data of the account's one event of that type, from the events API."""
    answer = await client.get(EVENTS, params={"type": event_type}, headers={"Authorization": f"Bearer {key}"})
    assert answer.status_code == 200, answer.text
    [event] = answer.json()["data"]
    return event["payload"]["data"]


@pytest.mark.parametrize("mode", ["live", "test"])
async def test_masks(client, db, mode):
    clinic = await create_clinic(db)
    key = clinic.live_key if mode == "live" else clinic.test_key
    order_id = await place(client, key)
    status = (await client.get(status_url(order_id), headers={"X-Api-Key": key})).json()["data"]
    assert await created_event_data(client, key) == status


def new_patient_order(world, **overrides: Any) -> dict[str, Any]:
    """A patient order naming a new patient (the world's patients are live ones)."""
    patient = {"firstName": "Pat", "lastName": "Doe", "externalIdentifier": "ext-1", "sex": "female",
               "address": {"lineOne": "1 Main St", "city": "Portland", "state": "OR", "zipCode": "97201", "country": "US"}}
    return patient_order(world, patient=patient, **overrides)


@pytest.mark.parametrize(("mode", "body"), [("live", patient_order), ("live", site_order), ("live", new_patient_order),
                                            ("test", new_patient_order)])
async def test_devices(client, db, mode, body):
    world = await devices_world(db)
    headers = world.headers(mode)
    created = await client.post("/api/v3/order", json=body(world, orderNotes=[{"note": "Leave at the door"}]), headers=headers)
    assert created.status_code == 201, created.text
    shown = (await client.get(f"/api/v3/order/{created.json()['id']}", headers=headers)).json()
    assert shown == created.json()
    assert await created_event_data(client, headers["Impilo-API-Key"]) == shown


@pytest.mark.parametrize("mode", ["live", "test"])
async def test_pharmacy(client, db, settings, mode):
    world = await pharmacy_world(db, settings.resolved_secret_key)
    headers = world.headers(await token_for(client, world, mode=mode), mode=mode)
    prescription = {"document": base64.b64encode(PDF).decode(), "document_name": "receta.pdf", "issue_date": "2026-11-30"}
    details = [{"product": world.products["antibiotic"], "quantity": 1}, {"product": world.products["supply"], "quantity": 3}]
    body = order_body(world, details=details, prescriptions=[prescription], coupon="DIEZ")
    created = await client.post("/api/orders/resources/", json=body, headers=headers)
    assert created.status_code == 201, created.text
    [shown] = (await client.get(f"/api/orders/{created.json()['id']}/", headers=headers)).json()["results"]  # the contract's page of one
    assert shown["prescriptions"][0]["document"] == base64.b64encode(PDF).decode()
    shown["prescriptions"][0]["document"] = None  # the document itself only in this GET, never in an event (docs/pharmacy.md)
    assert await created_event_data(client, world.live_key if mode == "live" else world.test_key) == shown


@pytest.mark.parametrize("mode", ["live", "test"])
async def test_cases(client, db, settings, mode):
    world = await cases_world(db, settings.resolved_secret_key)
    case = world.live_case if mode == "live" else world.test_case
    body = example()
    body["order"]["prescriptionItems"].append({**body["order"]["prescriptionItems"][0], "quantity": "60"})
    placed = await client.post(f"/api/v1/cases/{case}", json=body, headers=world.headers(mode))
    assert placed.status_code == 200, placed.text
    [shown] = (await client.get(f"/api/v1/cases/{case}", headers=world.headers(mode))).json()["data"]["case"]["orders"]
    assert await created_event_data(client, world.headers(mode)["cv-api-key"], "case.order.received") == {"caseId": case, **shown}
