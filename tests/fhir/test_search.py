"""Searching: by patient, status, _lastUpdated and identifier, with _include and paging by the
Bundle's links; and every bad parameter answered 400 with an OperationOutcome, never a 500."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.fhir.helpers import FHIR, cases_orders, devices_orders, every_match, fhir_get, masks_orders


def ids(bundle: dict, mode: str = "match") -> list[str]:
    return [e["resource"]["id"] for e in bundle.get("entry", []) if e["search"]["mode"] == mode]


async def test_a_patients_medication_requests_by_patient_status_identifier_and_time(client, db, settings):
    placed = await cases_orders(client, db, settings)
    key, patient = placed.keys["test"], f"case-{placed.extra['case']}"
    [request] = await every_match(client, "MedicationRequest", key)
    order_id = request["identifier"][0]["value"]
    an_hour_ago = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")

    async def matching(**params: str) -> list[str]:
        answer = await fhir_get(client, "MedicationRequest", key, **params)
        assert answer.status_code == 200, answer.text
        return ids(answer.json())

    assert await matching(patient=patient) == [request["id"]]
    assert await matching(patient=f"Patient/{patient}") == [request["id"]]
    assert await matching(patient="case-00000000-0000-0000-0000-000000000000") == []
    assert await matching(patient="pt-1") == []  # a devices patient is no cases patient
    assert await matching(status="active") == [request["id"]]
    assert await matching(status="completed,cancelled") == []
    answer = await fhir_get(client, "MedicationRequest", key, status=["active", "completed", "active"])
    assert ids(answer.json()) == []  # repeated: each must hold
    assert await matching(identifier=order_id) == await matching(identifier=f"https://carepost.dev/fhir/sid/order-id|{order_id}") == [request["id"]]
    assert await matching(identifier="ORD_1") == []
    assert await matching(identifier=f"http://example.org/other|{order_id}") == []
    assert await matching(_lastUpdated=f"ge{an_hour_ago}") == [request["id"]]
    assert await matching(_lastUpdated="lt2000-01-01") == []
    assert await matching(_lastUpdated="2999") == []
    assert await matching(_id=request["id"]) == [request["id"]]


async def test_include_brings_the_patient_and_the_prescriber_once(client, db, settings):
    placed = await cases_orders(client, db, settings)
    answer = await fhir_get(client, "MedicationRequest", placed.keys["test"], _include=["MedicationRequest:patient", "MedicationRequest:requester"])
    bundle = answer.json()
    included = [e["resource"]["resourceType"] + "/" + e["resource"]["id"] for e in bundle["entry"] if e["search"]["mode"] == "include"]
    request = bundle["entry"][0]["resource"]
    assert sorted(included) == sorted([request["subject"]["reference"], request["requester"]["reference"]])
    assert bundle["total"] == 1  # includes are not counted


async def test_pages_follow_next_and_previous_and_count_the_total(client, db, settings):
    placed = await devices_orders(client, db, settings)
    key = placed.keys["live"]  # two live orders: a patient's (an item and a kit) and a site's (the same)
    first = (await fhir_get(client, "DeviceRequest", key, _count=3)).json()
    assert first["total"] == 4 and len(first["entry"]) == 3
    links = {link["relation"]: link["url"] for link in first["link"]}
    assert "previous" not in links and links["self"].startswith("http://")
    second = (await client.get(links["next"], headers={"Authorization": f"Bearer {key}"})).json()
    assert len(second["entry"]) == 1 and "next" not in {link["relation"] for link in second["link"]}
    back = (await client.get(next(link["url"] for link in second["link"] if link["relation"] == "previous"), headers={"Authorization": f"Bearer {key}"})).json()
    assert ids(back) == ids(first)
    assert set(ids(first)) | set(ids(second)) == {r["id"] for r in await every_match(client, "DeviceRequest", key)}
    assert len(set(ids(first)) | set(ids(second))) == 4
    numbered = await every_match(client, "DeviceRequest", key, identifier=first["entry"][0]["resource"]["identifier"][1]["value"])
    assert len(numbered) == 2  # the order's number names both its lines
    only_count = (await fhir_get(client, "DeviceRequest", key, _count=0)).json()
    assert only_count["total"] == 4 and "entry" not in only_count


async def test_a_masks_orders_resources_found_by_its_patient(client, db, settings):
    placed = await masks_orders(client, db, settings)
    key = placed.keys["test"]
    [patient] = await every_match(client, "Patient", key)
    for type_name in ("DeviceRequest", "Device"):
        [found] = await every_match(client, type_name, key, patient=patient["id"])
        assert found["id"] == patient["id"]  # one order: its patient, its request and its mask share the order's id
    assert await every_match(client, "DeviceRequest", key, patient="masks-1") == []


BAD = [
    ("Patient", {"name": "x"}, "not-supported"),
    ("Patient", {"status": "active"}, "not-supported"),  # a Patient has no status here
    ("MedicationRequest", {"_count": "abc"}, "invalid"),
    ("MedicationRequest", {"_count": "101"}, "invalid"),
    ("MedicationRequest", {"_count": "99999999999999999999999"}, "invalid"),
    ("MedicationRequest", {"_offset": "10001"}, "invalid"),
    ("MedicationRequest", {"_offset": "-1"}, "invalid"),
    ("MedicationRequest", {"_lastUpdated": "yesterday"}, "invalid"),
    ("MedicationRequest", {"_lastUpdated": "2026-13-01"}, "invalid"),
    ("MedicationRequest", {"_lastUpdated": "ge9999-12-31T23:59:59.999999+00:00"}, "invalid"),
    ("MedicationRequest", {"_lastUpdated": "0000"}, "invalid"),
    ("MedicationRequest", {"status": "act\x00ive"}, "invalid"),
    ("MedicationRequest", {"identifier": "ORD\u2028"}, None),  # a line separator is no control character: simply no match
    ("MedicationRequest", {"patient": "x" * 201}, "invalid"),
    ("MedicationRequest", {"patient": ""}, "invalid"),
    ("MedicationRequest", {"_include": "Patient:link"}, "not-supported"),
    ("MedicationRequest", {"_format": "xml"}, "not-supported"),
]


@pytest.mark.parametrize(("type_name", "params", "issue"), BAD, ids=[f"{t}-{sorted(p)[0]}-{i}" for i, (t, p, _) in enumerate(BAD)])
async def test_bad_search_parameters_are_refused_with_an_operation_outcome(client, db, settings, type_name, params, issue):
    placed = await cases_orders(client, db, settings)
    answer = await fhir_get(client, type_name, placed.keys["test"], **params)
    if issue is None:
        assert answer.status_code == 200 and answer.json()["total"] == 0
        return
    assert answer.status_code == 400, answer.text
    outcome = answer.json()
    assert outcome["resourceType"] == "OperationOutcome" and outcome["issue"][0]["code"] == issue
    assert outcome["issue"][0]["details"]["text"]


async def test_unknown_types_ids_and_missing_or_wrong_keys(client, db, settings):
    placed = await cases_orders(client, db, settings)
    key = placed.keys["test"]
    for path in ("Observation", "Observation/1", "$everything", "Patient/" + "x" * 65, "Patient/a_b", "Patient/case-nope", "Patient/pt-99999999999999999999"):
        answer = await fhir_get(client, path, key)
        assert answer.status_code == 404, path
        assert answer.json()["issue"][0]["code"] == "not-found"
    for headers in ({}, {"Authorization": "Bearer sk_test_nope"}, {"X-Api-Key": "nope"}):
        answer = await client.get(f"{FHIR}/Patient", headers=headers)
        assert answer.status_code == 401 and answer.headers["www-authenticate"] == 'Bearer realm="fhir"'
        assert answer.json()["issue"][0]["code"] == "login"
    for header in ("X-Api-Key", "cv-api-key", "Impilo-API-Key"):  # any header one of its APIs takes
        assert (await client.get(f"{FHIR}/Patient", headers={header: key})).status_code == 200
    two_keys = await client.get(f"{FHIR}/Patient", headers={"X-Api-Key": key, "cv-api-key": placed.keys["live"]})
    assert two_keys.status_code == 401
    posted = await client.post(f"{FHIR}/Patient", json={"resourceType": "Patient"}, headers={"X-Api-Key": key})
    assert posted.status_code == 405 and posted.json()["resourceType"] == "OperationOutcome"


async def test_the_capability_statement_lists_what_is_served_without_a_key(client):
    answer = await fhir_get(client, "metadata", None)
    statement = answer.json()
    assert answer.status_code == 200 and statement["fhirVersion"] == "4.0.1"
    served = {r["type"]: r for r in statement["rest"][0]["resource"]}
    assert set(served) == {
        "Patient",
        "Practitioner",
        "Organization",
        "Location",
        "MedicationRequest",
        "DeviceRequest",
        "Device",
        "Task",
        "DocumentReference",
        "Binary",
        "Group",
    }
    assert {p["name"] for p in served["MedicationRequest"]["searchParam"]} == {"_id", "_lastUpdated", "identifier", "patient", "status"}
    assert served["MedicationRequest"]["searchInclude"] == ["MedicationRequest:patient", "MedicationRequest:requester"]
    assert statement["rest"][0]["operation"][0]["name"] == "export" and served["Group"]["operation"][0]["name"] == "export"


async def test_patients_of_every_kind_are_searched_by_last_updated(client, db, settings):
    an_hour_ago = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for orders in (devices_orders, cases_orders, masks_orders):
        key = (await orders(client, db, settings)).keys["test"]
        recent = await every_match(client, "Patient", key, _lastUpdated=f"gt{an_hour_ago}")
        assert recent and all(p["meta"]["lastUpdated"] > an_hour_ago for p in recent)
        assert await every_match(client, "Patient", key, _lastUpdated=f"lt{an_hour_ago}") == []
