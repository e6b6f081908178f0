"""Contract 003's PLACE_ORDER: the example as written, each rule's accept and refuse, the
documented messages verbatim, and 401, 403 and 404 as docs/cases.md decides them."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import select

from carepost.core.models import Order
from tests.cases_world import ADDRESS, EXAMPLE_ORDER, example
from tests.factories import create_clinic


def refused(answer, error: str, status: int = 400, message: str = "Invalid request") -> None:
    assert answer.status_code == status, answer.text
    assert answer.json() == {"status": status, "success": False, "message": message, "error": error}


async def test_the_contracts_example_as_written_is_accepted(client, db, world):
    for path in (f"/api/v1/cases/{world.live_case}", f"/api/cases/{world.live_case}"):
        answer = await client.post(path, json=EXAMPLE_ORDER, headers=world.headers())
        assert answer.status_code == 200, answer.text
        body = answer.json()
        order_id = body["data"]["order"]["id"]
        assert body == {"status": 200, "success": True, "message": "Order created successfully", "data": {"order": {"id": order_id}}}
    async with db.read() as session:
        order = await session.scalar(select(Order).where(Order.public_id == order_id))
    assert order.status == "received" and order.dialect == "cases"
    assert any("check digit" in w for w in order.warnings) and any("phoneNumber" in w for w in order.warnings)  # warnings, not refusals


async def test_the_case_shows_its_orders_with_status_and_timeline(client, world):
    placed = (await client.post(f"/api/v1/cases/{world.live_case}", json=EXAMPLE_ORDER, headers=world.headers())).json()
    shown = (await client.get(f"/api/v1/cases/{world.live_case}", headers=world.headers())).json()
    assert shown["success"] is True and shown["data"]["case"]["id"] == world.live_case
    [order] = shown["data"]["case"]["orders"]
    assert order["id"] == placed["data"]["order"]["id"] and order["status"] == "received"
    assert [e["name"] for e in order["timeline"]] == ["received"]
    assert order["prescriptionItems"][0]["drugId"] == "drug-456" and order["prescriber"]["firstName"] == "John"


async def test_no_shipping_address_uses_the_case_patients(client, db, world):
    body = copy.deepcopy(EXAMPLE_ORDER)
    del body["order"]["shippingAddress"]
    answer = await client.post(f"/api/v1/cases/{world.live_case}", json=body, headers=world.headers())
    async with db.read() as session:
        order = await session.scalar(select(Order).where(Order.public_id == answer.json()["data"]["order"]["id"]))
    assert order.shipping_address == ADDRESS


def _without(path: str) -> dict:
    body = copy.deepcopy(EXAMPLE_ORDER)
    *parents, leaf = path.split(".")
    target = body
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    del target[leaf]
    return body


def _with(path: str, value) -> dict:
    body = copy.deepcopy(EXAMPLE_ORDER)
    *parents, leaf = path.split(".")
    target = body
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[int(leaf) if leaf.isdigit() else leaf] = value
    return body


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("action", "action is required"),
        ("order", "order is required"),
        ("order.prescriber", "prescriber is required"),
        ("order.prescriber.firstName", "firstName is required"),
        ("order.prescriber.lastName", "lastName is required"),
        ("order.prescriber.npi", "npi is required"),
        ("order.prescriber.email", "email is required"),
        ("order.prescriber.phoneNumber", "phoneNumber is required"),
        ("order.prescriber.address", "address is required"),
        ("order.prescriber.address.addressLine1", "prescriber.address.addressLine1 is required"),
        ("order.prescriber.address.city", "prescriber.address.city is required"),
        ("order.shippingAddress.state", "shippingAddress.state is required"),
        ("order.shippingAddress.country", "shippingAddress.country is required"),
        ("order.shippingAddress.postalCode", "shippingAddress.postalCode is required"),
        ("order.diagnosis", "diagnosis is required"),
        ("order.pharmacyId", "pharmacyId is required"),
        ("order.prescriptionItems", "prescriptionItems is required"),
        ("order.prescriptionItems.0.drugId", "prescriptionItems[0].drugId is required"),
        ("order.prescriptionItems.0.quantity", "prescriptionItems[0].quantity is required"),
    ],
)
async def test_each_required_field(client, world, path, error):
    refused(await client.post(f"/api/v1/cases/{world.live_case}", json=_without(path), headers=world.headers()), error)


@pytest.mark.parametrize(
    ("path", "value", "error"),
    [
        ("action", "CANCEL_ORDER", "action must be PLACE_ORDER"),
        ("order", "now", "order must be an object"),
        ("order.shippingAddress.state", "XX", "shippingAddress.state must be a valid US state abbreviation"),
        ("order.shippingAddress.state", "California", "shippingAddress.state must be a valid US state abbreviation"),
        ("order.prescriber.address.state", "ZZ", "prescriber.address.state must be a valid US state abbreviation"),
        ("order.shippingAddress.country", "USA", "shippingAddress.country must be exactly 2 characters"),
        ("order.shippingAddress.postalCode", "9410", "shippingAddress.postalCode must be exactly 5 digits"),
        ("order.shippingAddress.postalCode", "94105-1234", "shippingAddress.postalCode must be exactly 5 digits"),
        ("order.shippingAddress.postalCode", "9410a", "shippingAddress.postalCode must be exactly 5 digits"),
        ("order.prescriber.email", "john.smith", "email must be a valid email address"),
        ("order.prescriber.phoneNumber", "call me", "phoneNumber must be a valid phone number"),
        ("order.prescriber.npi", "12345", "npi must be 10 digits"),
        ("order.prescriber.dea", "AB1234567", "dea must be a valid DEA number"),
        ("order.prescriber.firstName", 7, "firstName must be a string"),
        ("order.prescriber.firstName", "J" * 101, "firstName is too long (at most 100 characters)"),
        ("order.prescriptionItems", [], "prescriptionItems must contain at least one item"),
        ("order.prescriptionItems", "drug-456", "prescriptionItems must be an array"),
        ("order.prescriptionItems.0.quantity", "thirty", "prescriptionItems[0].quantity must be a positive number"),
        ("order.prescriptionItems.0.quantity", "0", "prescriptionItems[0].quantity must be a positive number"),
        ("order.prescriptionItems.0.refillCount", -1, "prescriptionItems[0].refillCount must be a whole number from 0 to 99"),
        ("order.prescriptionItems.0.supplyDays", "30", "prescriptionItems[0].supplyDays must be a whole number from 1 to 365"),
        ("order.prescriptionItems.0.customFields", [1], "prescriptionItems[0].customFields must be an object"),
        ("order.prescriptionItems.0.drugId", "drug-999", "prescriptionItems[0].drugId drug-999 is not in the formulary"),
        ("order.pharmacyId", "pharmacy-999", "pharmacyId pharmacy-999 is not a pharmacy of the network"),
        ("order.dateWritten", "15/01/2024", "dateWritten must be a date (YYYY-MM-DD)"),
    ],
)
async def test_each_rule_refuses_with_its_message(client, world, path, value, error):
    refused(await client.post(f"/api/v1/cases/{world.live_case}", json=_with(path, value), headers=world.headers()), error)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("order.shippingAddress.state", "ny"), ("order.shippingAddress.state", "DC"), ("order.shippingAddress.state", "PR"),
        ("order.shippingAddress.country", "us"), ("order.prescriber.npi", "1234567893"), ("order.prescriber.dea", "AB1234563"),
        ("order.prescriber.phoneNumber", "(415) 555-0123"), ("order.prescriptionItems.0.quantity", "7.5"),
        ("order.prescriptionItems.0.customFields", {"flavor": "cherry"}),
    ],
)
async def test_each_rule_accepts(client, world, path, value):
    answer = await client.post(f"/api/v1/cases/{world.live_case}", json=_with(path, value), headers=world.headers())
    assert answer.status_code == 200, answer.text


async def test_inactive_pharmacies_and_drugs_and_controlled_substances(client, world):
    case = f"/api/v1/cases/{world.live_case}"
    refused(await client.post(case, json=example(pharmacyId=f"closed-{world.tag}"), headers=world.headers()),
            f"pharmacyId closed-{world.tag} is not a pharmacy of the network")
    item = {"drugId": f"old-{world.tag}", "quantity": "1"}
    refused(await client.post(case, json=example(prescriptionItems=[item]), headers=world.headers()),
            f"prescriptionItems[0].drugId old-{world.tag} is not in the formulary")
    controlled = example(prescriptionItems=[{"drugId": world.controlled_drug, "quantity": "10"}])
    refused(await client.post(case, json=controlled, headers=world.headers()),
            f"dea is required: {world.controlled_drug} is a controlled substance (schedule II)")
    controlled["order"]["prescriber"]["dea"] = "AB1234563"
    assert (await client.post(case, json=controlled, headers=world.headers())).status_code == 200


async def test_keys_organizations_and_modes(client, world):
    path = f"/api/v1/cases/{world.live_case}"
    refused(await client.post(path, json=EXAMPLE_ORDER), "Missing API key", 401, "Unauthorized")
    refused(await client.post(path, json=EXAMPLE_ORDER, headers={"cv-api-key": "cpk_live_nope"}), "Invalid API key", 401, "Unauthorized")
    refused(await client.post(f"/api/v1/cases/{world.other_case}", json=EXAMPLE_ORDER, headers=world.headers()),
            "Case does not belong to the organization", 403, "Forbidden")
    assert (await client.post(f"/api/v1/cases/{world.test_case}", json=EXAMPLE_ORDER, headers=world.headers("test"))).status_code == 200
    refused(await client.get(f"/api/v1/cases/{world.other_case}", headers=world.headers()), "Case does not belong to the organization", 403, "Forbidden")


@pytest.mark.parametrize("mode", ["live", "test"])
async def test_an_unknown_case_answers_as_another_organizations_does(client, world, mode):
    """No existence oracle: an unknown id, another organization's case and a case of the other
    mode are one answer, in live and test mode alike (issue 24, item 13)."""
    foreign = world.other_case
    unknown = "123e4567-e89b-12d3-a456-000000000000"
    other_mode = world.test_case if mode == "live" else world.live_case
    for case_id in (foreign, unknown, other_mode):
        for answer in (
            await client.post(f"/api/v1/cases/{case_id}", json=EXAMPLE_ORDER, headers=world.headers(mode)),
            await client.get(f"/api/v1/cases/{case_id}", headers=world.headers(mode)),
        ):
            refused(answer, "Case does not belong to the organization", 403, "Forbidden")


async def test_a_key_of_an_account_without_the_cases_api_is_401_organization_not_found(client, db, world):
    clinic = await create_clinic(db)  # a masks clinic: no cases API
    answer = await client.post(f"/api/v1/cases/{world.live_case}", json=EXAMPLE_ORDER, headers={"cv-api-key": clinic.live_key})
    refused(answer, "Organization not found", 401, "Unauthorized")
    assert answer.headers["www-authenticate"].startswith("ApiKey")


@pytest.mark.parametrize("action", ["PLACE_ORDER ", " PLACE_ORDER", "place_order", "PLACE_ORDER\n", 1, ["PLACE_ORDER"]])
async def test_the_action_must_be_exactly_place_order(client, world, action):
    body = {**EXAMPLE_ORDER, "action": action}
    refused(await client.post(f"/api/v1/cases/{world.live_case}", json=body, headers=world.headers()), "action must be PLACE_ORDER")


async def test_bad_bodies_never_500(client, world):
    path = f"/api/v1/cases/{world.live_case}"
    refused(await client.post(path, content=b'{"action": ', headers={**world.headers(), "content-type": "application/json"}), "Request body must be valid JSON")
    refused(await client.post(path, json=[1, 2], headers=world.headers()), "body must be an object")
    nul = _with("order.diagnosis", "Hyper\u0000tension")
    answer = await client.post(path, json=nul, headers=world.headers())
    assert answer.status_code == 400 and answer.json()["success"] is False
    huge = _with("order.diagnosis", "x" * 6000)
    refused(await client.post(path, json=huge, headers=world.headers()), "diagnosis is too long (at most 5000 characters)")


async def test_an_idempotency_key_answers_a_repeat_as_the_first(client, world):
    headers = {**world.headers(), "Idempotency-Key": f"order-{world.tag}"}
    first = await client.post(f"/api/v1/cases/{world.live_case}", json=EXAMPLE_ORDER, headers=headers)
    again = await client.post(f"/api/v1/cases/{world.live_case}", json=EXAMPLE_ORDER, headers=headers)
    assert first.json() == again.json() and again.headers["Idempotent-Replayed"] == "true"


async def test_an_idempotency_key_on_the_longest_case_id_is_refused_as_any_unknown_case(client, world):
    """The case id (up to 64 characters) is part of the key's scope: it fits its column on PostgreSQL too."""
    headers = {**world.headers(), "Idempotency-Key": f"long-{world.tag}"}
    for case_id in ("0" * 64, "f" * 64):
        refused(await client.post(f"/api/v1/cases/{case_id}", json=EXAMPLE_ORDER, headers=headers),
                "Case does not belong to the organization", 403, "Forbidden")
