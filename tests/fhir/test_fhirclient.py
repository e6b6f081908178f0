"""SMART on FHIR's Python client (fhirclient, from PyPI), against Carepost over real HTTP: a
patient's MedicationRequests and DeviceRequests, page after page by the Bundles' `next` links."""

from __future__ import annotations

import asyncio

import pytest
from fhirclient import client as smart_client
from fhirclient.models.devicerequest import DeviceRequest
from fhirclient.models.medicationrequest import MedicationRequest
from fhirclient.models.patient import Patient

from carepost.app import create_app
from tests.cases_world import EXAMPLE_ORDER, cases_world
from tests.devices_world import devices_world, patient_order
from tests.servers import serve


@pytest.fixture(scope="module")
def base_url(settings):
    """Carepost itself, over real HTTP, on the suite's database."""
    with serve(lambda: create_app(settings)) as url:
        yield f"{url}/fhir/R4/"


def connected(base_url: str, key: str) -> smart_client.FHIRClient:
    smart = smart_client.FHIRClient(settings={"app_id": "carepost-tests", "api_base": base_url})
    smart.server.session.headers["Authorization"] = f"Bearer {key}"  # an account key, as a bearer token
    return smart


def pages_and_resources(search, server) -> tuple[int, list]:
    pages = list(search.perform_iter(server))
    return len(pages), [entry.resource for page in pages for entry in page.entry or []]


async def test_fhirclient_reads_a_patients_prescriptions_and_devices_following_next_links(client, db, settings, base_url):
    cases = await cases_world(db, settings.resolved_secret_key)
    for _ in range(3):
        placed = await client.post(f"/api/v1/cases/{cases.live_case}", json=EXAMPLE_ORDER, headers=cases.headers())
        assert placed.status_code == 200, placed.text
    devices = await devices_world(db)
    for _ in range(3):  # an item and a kit each: six DeviceRequests for one patient
        assert (await client.post("/api/v3/order", json=patient_order(devices), headers=devices.headers())).status_code == 201

    def read_with_fhirclient() -> dict:
        smart = connected(base_url, cases.live_key)
        assert smart.server.capabilityStatement.fhirVersion == "4.0.1"  # it read /metadata first
        patient = Patient.read(f"case-{cases.live_case}", smart.server)
        prescribed = MedicationRequest.where(struct={"patient": patient.id, "_count": "2"})
        devices_client = connected(base_url, devices.customer.live_key)
        requested = DeviceRequest.where(struct={"patient": f"pt-{devices.patient}", "_count": "4"})
        return {
            "patient": patient, "prescribed": pages_and_resources(prescribed, smart.server),
            "requested": pages_and_resources(requested, devices_client.server),
        }

    found = await asyncio.to_thread(read_with_fhirclient)
    assert found["patient"].name[0].family == "Garcia"
    pages, prescriptions = found["prescribed"]
    assert pages == 2 and len(prescriptions) == 3
    assert all(isinstance(p, MedicationRequest) and p.subject.reference == f"Patient/case-{cases.live_case}" for p in prescriptions)
    assert {p.medicationCodeableConcept.text for p in prescriptions} == {"Lisinopril 10 mg tablet"}
    assert all(p.dispenseRequest.quantity.value == 30 for p in prescriptions)
    pages, device_requests = found["requested"]
    assert pages == 2 and len(device_requests) == 6 and len({r.id for r in device_requests}) == 6
    assert {r.codeCodeableConcept.text for r in device_requests} == {"Test strips", "Starter kit"}
