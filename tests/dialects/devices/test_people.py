"""Patients and sites endpoints: create, list, fetch, update, archive, in the guide's shapes."""

from __future__ import annotations

import json

from tests.devices_world import WIRE_ADDRESS, devices_world, patient_order
from tests.dialects.devices.helpers import PAGE_FIELDS, PATIENT_FIELDS, SITE_FIELDS, assert_error


async def test_a_site_is_created_listed_updated_and_archived(db, client):
    world = await devices_world(db)
    headers = world.headers()

    created = await client.post("/api/v3/site", json={"name": "East clinic", "address": WIRE_ADDRESS, "phoneNumber": "+15035550199"}, headers=headers)
    assert created.status_code == 201, created.text
    site = created.json()
    assert set(site) == SITE_FIELDS and site["active"] is True and site["address"]["lineOne"] == "1 Main St"

    updated = await client.put(f"/api/v3/site/{site['id']}", json={"name": "East campus", "address": {**WIRE_ADDRESS, "lineTwo": "Bldg 2"}}, headers=headers)
    assert updated.json()["name"] == "East campus" and updated.json()["address"]["lineTwo"] == "Bldg 2"

    archived = await client.delete(f"/api/v3/site/{site['id']}", headers=headers)
    assert archived.status_code == 200 and archived.json()["active"] is False
    active = (await client.get("/api/v3/site", params={"active": "true"}, headers=headers)).json()
    every = (await client.get("/api/v3/site", headers=headers)).json()
    assert set(every) == PAGE_FIELDS
    assert [s["id"] for s in active["content"]] == [world.sites["north"]]
    assert [s["id"] for s in every["content"]] == [site["id"], world.sites["closed"], world.sites["north"]]
    # An archived site takes no orders.
    body = patient_order(world)
    del body["patient"]
    assert_error(await client.post("/api/v3/order", json={**body, "site": {"id": site["id"]}}, headers=headers), 400, "invalid_order")


async def test_a_patient_is_created_fetched_updated_and_archived(db, client):
    world = await devices_world(db)
    headers = world.headers()
    body = {
        "firstName": "Ana", "lastName": "Lima", "address": WIRE_ADDRESS, "site": {"id": world.sites["north"]},
        "dateOfBirth": "1975-05-05", "sex": "female", "email": "ana@example.com", "externalIdentifier": "emr-9",
    }

    created = await client.post("/api/v3/patient", json=body, headers=headers)
    assert created.status_code == 201, created.text
    patient = created.json()
    assert set(patient) == PATIENT_FIELDS and patient["site"]["id"] == world.sites["north"] and patient["archived"] is False
    assert (await client.get(f"/api/v3/patient/{patient['id']}", headers=headers)).json() == patient

    moved = await client.put(f"/api/v3/patient/{patient['id']}", json={**body, "lastName": "Lima-Souza", "site": None}, headers=headers)
    assert moved.json()["lastName"] == "Lima-Souza" and moved.json()["site"] is None

    by_external = (await client.get("/api/v3/patient", params={"externalIdentifier": "emr-9"}, headers=headers)).json()
    assert [p["id"] for p in by_external["content"]] == [patient["id"]]
    at_north = (await client.get("/api/v3/patient", params={"siteId": world.sites["north"]}, headers=headers)).json()
    assert [p["id"] for p in at_north["content"]] == [world.patient]

    archived = await client.delete(f"/api/v3/patient/{patient['id']}", headers=headers)
    assert archived.json()["archived"] is True
    assert_error(
        await client.post("/api/v3/order", json=patient_order(world, patient={"id": patient["id"]}), headers=headers),
        400,
        "patient_does_not_exist",
    )
    current = (await client.get("/api/v3/patient", params={"archived": "false"}, headers=headers)).json()
    assert [p["id"] for p in current["content"]] == [world.patient]


async def test_patient_and_site_rules_use_the_contracts_messages(db, client):
    world = await devices_world(db)
    headers = world.headers()
    assert_error(await client.post("/api/v3/patient", json={"lastName": "L", "address": WIRE_ADDRESS}, headers=headers), 400,
        "Must provide a non-blank string for firstName.")
    assert_error(await client.post("/api/v3/patient", json={"firstName": "F", "lastName": "L"}, headers=headers), 400, "Must provide an Address for Patient.")
    assert_error(
        await client.post("/api/v3/patient", json={"firstName": "F", "lastName": "L", "address": WIRE_ADDRESS, "site": {"id": world.sites["closed"]}},
            headers=headers),
        400,
        f"Site {world.sites['closed']} not active",
    )
    assert_error(await client.post("/api/v3/site", json={"address": WIRE_ADDRESS}, headers=headers), 400, "A site needs a name.")
    assert_error(await client.post("/api/v3/site", json={"name": "S", "address": {**WIRE_ADDRESS, "city": ""}}, headers=headers), 400,
        "Must provide a City value in the Address.")
    assert_error(await client.post("/api/v3/patient", json={"firstName": "F", "unknown": 1}, headers=headers), 400, "Invalid data provided")
    assert_error(await client.get("/api/v3/patient", params={"size": 1000}, headers=headers), 400, "Invalid data provided")


async def test_a_site_sent_as_json_without_a_content_type_is_accepted_as_an_order_is(db, client):
    world = await devices_world(db)
    body = json.dumps({"name": "West clinic", "address": WIRE_ADDRESS}).encode()

    created = await client.post("/api/v3/site", content=body, headers={**world.headers(), "content-type": ""})

    assert created.status_code == 201, created.text
    assert created.json()["name"] == "West clinic"
