"""The sandbox's catalog: any key, in any header its APIs take, sees the ids its account may name
in each of its APIs, in the key's mode only; an order placed with those ids succeeds."""

from __future__ import annotations

from tests.cases_world import EXAMPLE_ORDER, cases_world
from tests.devices_world import devices_world, patient_order
from tests.factories import create_clinic
from tests.pharmacy_world import order_body, pharmacy_world, token_for

CATALOG = "/api/sandbox/v1/catalog"


async def catalog(client, headers: dict[str, str]) -> dict:
    answer = await client.get(CATALOG, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def test_a_masks_key_sees_its_clinics_mask_types_in_either_header(client, db):
    clinic = await create_clinic(db, mask_types=("cpap",))
    for headers in ({"X-Api-Key": clinic.test_key}, {"Authorization": f"Bearer {clinic.test_key}"}):
        found = await catalog(client, headers)
        assert found["mode"] == "test" and list(found["apis"]) == ["masks"]
        assert [t["mask_type"] for t in found["apis"]["masks"]["mask_types"]] == ["cpap"]


async def test_a_devices_test_key_sees_test_patients_and_sites_only_and_their_ids_place_an_order(client, db):
    world = await devices_world(db)
    found = (await catalog(client, {"Impilo-API-Key": world.customer.test_key}))["apis"]["devices"]
    assert [p["id"] for p in found["patients"]] == [world.test_patient]
    assert set(found["patients"][0]) == {"id", "external_identifier"}  # no names: patient data
    assert [s["id"] for s in found["sites"]] == [world.test_site]
    assert world.kits["starter"] in [k["id"] for k in found["kits"]] and world.items["strips"] in [i["id"] for i in found["items"]]
    live = (await catalog(client, {"Impilo-API-Key": world.customer.live_key}))["apis"]["devices"]
    assert world.patient in [p["id"] for p in live["patients"]] and world.test_patient not in [p["id"] for p in live["patients"]]

    body = patient_order(world, patient={"id": found["patients"][0]["id"]}, orderKits=[{"count": 1, "kit": {"id": world.kits["starter"]}}])
    assert (await client.post("/api/v3/order", json=body, headers=world.headers("test"))).status_code == 201


async def test_a_pharmacy_key_sees_products_payment_shipping_and_stores_and_they_place_an_order(client, db, settings):
    world = await pharmacy_world(db, settings.resolved_secret_key)
    found = (await catalog(client, {"X-API-Key": world.test_key}))["apis"]["pharmacy"]
    assert world.products["medicine"] in [p["id"] for p in found["products"]]
    assert [m["id"] for m in found["payment_methods"]] == sorted(world.payment_methods.values())
    assert world.shipping_methods["std"] in [m["id"] for m in found["shipping_methods"]] and world.store in [s["id"] for s in found["stores"]]
    headers = world.headers(await token_for(client, world, mode="test"), mode="test")
    body = order_body(world, payment_method=found["payment_methods"][0]["id"])
    assert (await client.post("/api/orders/resources/", json=body, headers=headers)).status_code == 201


async def test_a_cases_key_sees_its_own_cases_of_its_mode_pharmacies_and_drugs(client, db, settings):
    world = await cases_world(db, settings.resolved_secret_key)
    found = (await catalog(client, {"cv-api-key": world.test_key}))["apis"]["cases"]
    assert [c["id"] for c in found["cases"]] == [world.test_case]  # not the live one, not another organization's
    assert {"id": "drug-456", "name": "Lisinopril", "controlled": False} in found["drugs"]
    assert "pharmacy-123" in [p["id"] for p in found["pharmacies"]]
    placed = await client.post(f"/api/v1/cases/{found['cases'][0]['id']}", json=EXAMPLE_ORDER, headers=world.headers("test"))
    assert placed.status_code == 200


async def test_without_a_key_with_a_bad_one_or_with_two_it_answers_in_the_platforms_envelope(client, db):
    clinic, other = await create_clinic(db), await create_clinic(db)
    for headers in ({}, {"X-Api-Key": "cpk_test_nope"}, {"X-Api-Key": clinic.test_key, "cv-api-key": other.test_key}):
        answer = await client.get(CATALOG, headers=headers)
        assert answer.status_code == 401 and answer.json()["error"]["code"], answer.text
