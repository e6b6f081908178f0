"""Orders in each flow, placed through the suppliers' APIs, and a FHIR reader that validates
every resource it is served with fhir.resources' R4B models."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

import httpx
from fhir.resources.R4B import get_fhir_model_class

from tests.cases_world import EXAMPLE_ORDER, cases_world
from tests.devices_world import devices_world, patient_order, site_order
from tests.dialects.masks.helpers import place
from tests.factories import create_clinic, create_operator
from tests.pharmacy_world import PDF, order_body, pharmacy_world, token_for

FHIR = "/fhir/R4"
FHIR_JSON = "application/fhir+json"


def validated(resource: dict[str, Any]) -> dict[str, Any]:
    """The resource, after its R4B model has parsed and validated it (a Bundle: every entry too)."""
    get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    return resource


async def fhir_get(client: httpx.AsyncClient, path: str, key: str | None, **params: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    answer = await client.get(f"{FHIR}/{path}", params=params, headers=headers)
    assert answer.headers["content-type"].startswith(FHIR_JSON), answer.text
    validated(answer.json())
    return answer


async def every_resource(client: httpx.AsyncClient, type_name: str, key: str, **params: Any) -> list[dict[str, Any]]:
    """Every resource of a type the key may read: a DocumentReference search names a patient, so patient by patient."""
    if type_name != "DocumentReference":
        return await every_match(client, type_name, key, **params)
    found = []
    for patient in await every_match(client, "Patient", key):
        found += await every_match(client, type_name, key, patient=patient["id"], **params)
    return found


async def every_match(client: httpx.AsyncClient, type_name: str, key: str, **params: Any) -> list[dict[str, Any]]:
    """Every resource a search matches, page after page by its `next` links."""
    answer = await fhir_get(client, type_name, key, **params)
    assert answer.status_code == 200, answer.text
    found = []
    while True:
        bundle = answer.json()
        found += [e["resource"] for e in bundle.get("entry", []) if e["search"]["mode"] == "match"]
        following = [link["url"] for link in bundle["link"] if link["relation"] == "next"]
        if not following:
            assert len(found) == bundle["total"]
            return found
        answer = await client.get(following[0], headers={"Authorization": f"Bearer {key}"})
        validated(answer.json())


@dataclass
class FlowOrders:
    """An account of one flow with a test order and a live order; what FHIR should make of them."""

    flow: str
    keys: dict[str, str]  # by mode
    types: set[str]  # the resource types its orders yield, in one mode or the other
    extra: dict[str, Any] = field(default_factory=dict)


async def masks_orders(client: httpx.AsyncClient, db: Any, settings: Any) -> FlowOrders:
    clinic = await create_clinic(db)
    test_order = await place(client, clinic.test_key)
    await place(client, clinic.live_key, patient_name="Live Patient")
    headers = {"X-Api-Key": clinic.test_key}
    for action in ("complete_scan", "approve_scan", "start_mesh", "start_print", "start_qa", "print_label"):
        moved = await client.post(f"/api/partner/v1/test_helpers/orders/{test_order}/advance", json={"action": action}, headers=headers)
        assert moved.status_code == 200, moved.text
    return FlowOrders(
        "masks",
        {"test": clinic.test_key, "live": clinic.live_key},
        {"Patient", "DeviceRequest", "Device", "Organization", "Task", "DocumentReference"},
        {"order": test_order},
    )


async def devices_orders(client: httpx.AsyncClient, db: Any, settings: Any) -> FlowOrders:
    world = await devices_world(db)
    test = patient_order(world, patient={"id": world.test_patient})
    placed = await client.post("/api/v3/order", json=test, headers=world.headers("test"))
    assert placed.status_code == 201, placed.text
    live = []
    for body in (patient_order(world), site_order(world)):
        live.append(await client.post("/api/v3/order", json=body, headers=world.headers("live")))
        assert live[-1].status_code == 201, live[-1].text
    operator = {"Authorization": f"Bearer {await create_operator(db)}"}
    for action in ("reconfirm_address", "pack"):  # the live patient order packed: its hub is a serialized Device
        moved = await client.post(f"/api/ops/v1/orders/{live[0].json()['id']}/actions/{action}", headers=operator)
        assert moved.status_code == 200, moved.text
    keys = {"test": world.customer.test_key, "live": world.customer.live_key}
    return FlowOrders("devices", keys, {"Patient", "DeviceRequest", "Device", "Location", "Organization", "Task"}, {"order": placed.json()["id"]})


async def pharmacy_orders(client: httpx.AsyncClient, db: Any, settings: Any) -> FlowOrders:
    world = await pharmacy_world(db, settings.resolved_secret_key)
    prescription = {"document": base64.b64encode(PDF).decode(), "document_name": "receta.pdf", "issue_date": "2026-11-30"}
    details = [{"product": world.products["antibiotic"], "quantity": 2}, {"product": world.products["supply"], "quantity": 3}]
    ids = {}
    for mode in ("test", "live"):
        headers = world.headers(await token_for(client, world, mode=mode), mode=mode)
        placed = await client.post("/api/orders/resources/", json=order_body(world, details=details, prescriptions=[prescription]), headers=headers)
        assert placed.status_code == 201, placed.text
        ids[mode] = placed.json()["id"]
    keys = {"test": world.test_key, "live": world.live_key}
    return FlowOrders("pharmacy", keys, {"Patient", "MedicationRequest", "Location", "Organization", "Task", "DocumentReference"}, {"order": ids["test"]})


async def cases_orders(client: httpx.AsyncClient, db: Any, settings: Any) -> FlowOrders:
    world = await cases_world(db, settings.resolved_secret_key)
    ids = {}
    for mode, case in (("test", world.test_case), ("live", world.live_case)):
        placed = await client.post(f"/api/v1/cases/{case}", json=EXAMPLE_ORDER, headers=world.headers(mode))
        assert placed.status_code == 200, placed.text
        ids[mode] = placed.json()
    keys = {"test": world.test_key, "live": world.live_key}
    return FlowOrders("cases", keys, {"Patient", "Practitioner", "MedicationRequest", "Organization", "Task"}, {"case": world.test_case, "answers": ids})


EVERY_FLOW = (masks_orders, devices_orders, pharmacy_orders, cases_orders)
