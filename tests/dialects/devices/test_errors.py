"""Every message contract 002 lists, in the situation it names, with its exact text and status."""

from __future__ import annotations

import pytest

from tests.devices_world import WIRE_ADDRESS, World, devices_world, patient_order, site_order
from tests.dialects.devices.helpers import assert_error
from tests.factories import create_clinic, issue_key

MUST_CONTAIN = "Order must contain at least one of: orderItems, orderKits, returnItems, returnDevices, or returnPackedKits"
NON_ORDERABLE = "Order contains Items that are marked as non-orderable. Order cannot be placed."


@pytest.fixture
async def world(db) -> World:
    return await devices_world(db)


async def _post(client, world: World, body, **headers):
    return await client.post("/api/v3/order", json=body, headers={**world.headers(), **headers})


def _new_patient(world: World, **overrides):
    patient = {"firstName": "Ana", "lastName": "Lima", "address": dict(WIRE_ADDRESS)}
    patient.update(overrides)
    return patient


# Order structure


async def test_an_order_with_no_content(client, world):
    body = patient_order(world, orderItems=[], orderKits=[])
    assert_error(await _post(client, world, body), 400, MUST_CONTAIN)
    assert_error(await _post(client, world, {"patient": {"id": world.patient}}), 400, MUST_CONTAIN)


async def test_returns_without_a_label_need_a_shipping_option(client, world):
    body = patient_order(world, returnItems=[{"id": world.items["strips"], "count": 1}], emailLabel=False, shippingOption=None)
    assert_error(
        await _post(client, world, body), 400, "shippingOption is required when emailLabel is false and return items are included"
    )


async def test_neither_patient_nor_site(client, world):
    body = patient_order(world)
    del body["patient"]
    assert_error(await _post(client, world, body), 400, "patient or site required")
    assert_error(await _post(client, world, {**body, "patient": None, "site": None}), 400, "patient or site required")


# Inventory and items


async def test_more_than_any_fulfillment_site_holds(client, world):
    body = patient_order(world, orderItems=[{"count": 101, "item": {"id": world.items["strips"]}}])
    assert_error(await _post(client, world, body), 400, "insufficient_inventory")


async def test_a_non_orderable_item_ordered_directly(client, world):
    body = patient_order(world, orderItems=[{"count": 1, "item": {"id": world.items["legacy"]}}])
    assert_error(await _post(client, world, body), 400, NON_ORDERABLE)


@pytest.mark.parametrize("kit", ["legacy", "retired"])
async def test_a_kit_holding_a_non_orderable_item_or_archived(client, world, kit):
    body = patient_order(world, orderKits=[{"count": 1, "kit": {"id": world.kits[kit]}}])
    assert_error(await _post(client, world, body), 400, "item_not_orderable")


# Loaner kits


async def test_two_loaner_kits(client, world):
    kits = [{"count": 1, "kit": {"id": world.kits["loaner"]}}, {"count": 1, "kit": {"id": world.kits["loaner_two"]}}]
    assert_error(await _post(client, world, patient_order(world, orderKits=kits)), 400, "max_one_loaner_kit")


async def test_a_loaner_kit_quantity_over_one(client, world):
    kits = [{"count": 2, "kit": {"id": world.kits["loaner"]}}]
    assert_error(await _post(client, world, patient_order(world, orderKits=kits)), 400, "qty_over_one_loaner_kit")


async def test_a_loaner_kit_with_returns(client, world):
    body = patient_order(
        world, orderKits=[{"count": 1, "kit": {"id": world.kits["loaner"]}}], returnItems=[{"id": world.items["strips"], "count": 1}]
    )
    assert_error(await _post(client, world, body), 400, "no_returns_with_loaner_kit")


async def test_a_loaner_kit_to_a_site(client, world):
    body = site_order(world, orderKits=[{"count": 1, "kit": {"id": world.kits["loaner"]}}])
    assert_error(await _post(client, world, body), 400, "no_loaner_kit_to_site")


# Returns


async def test_a_device_returned_alone_and_inside_its_packed_kit(client, world, ops_headers):
    first = (await _post(client, world, patient_order(world))).json()
    for action, body in (
        ("reconfirm_address", None),
        ("pack", None),
        ("ship", {"tracking_numbers": [{"carrier": "usps", "value": "9400100000000000000001"}]}),
        ("deliver", None),
    ):
        moved = await client.post(f"/api/ops/v1/orders/{first['id']}/actions/{action}", json=body, headers=ops_headers)
        assert moved.status_code == 200, moved.text
    delivered = (await client.get(f"/api/v3/order/{first['id']}", headers=world.headers())).json()
    (kit,) = delivered["packedKits"]
    (device,) = kit["devices"]

    body = patient_order(
        world, orderItems=[], orderKits=[], returnDevices=[{"id": device["id"]}], returnPackedKits=[{"id": kit["id"], "quantity": 1}]
    )

    assert_error(await _post(client, world, body), 400, "Device cannot be included both as a return device and in a packed kit")
    # Each on its own is a valid return.
    assert (await _post(client, world, {**body, "returnPackedKits": []})).status_code == 201


# Patient and site


async def test_a_patient_id_not_of_this_customer(client, world, db):
    other = await devices_world(db)
    for patient_id in (10**9, other.patient, world.test_patient):
        body = patient_order(world, patient={"id": patient_id})
        assert_error(await _post(client, world, body), 400, "patient_does_not_exist")


async def test_site_validation_failures_are_invalid_order(client, world, db):
    other = await devices_world(db)
    both = patient_order(world, site={"id": world.sites["north"]})
    assert_error(await _post(client, world, both), 400, "invalid_order")
    for site in ({"id": world.sites["closed"]}, {"id": other.sites["north"]}, {"id": 10**9}, {}):
        assert_error(await _post(client, world, site_order(world, site=site)), 400, "invalid_order")


# New patient creation


@pytest.mark.parametrize(
    ("patient", "message"),
    [
        ({}, "Patient required"),
        ({"lastName": "Lima", "address": WIRE_ADDRESS}, "Must provide a non-blank string for firstName."),
        ({"firstName": "   ", "lastName": "Lima", "address": WIRE_ADDRESS}, "Must provide a non-blank string for firstName."),
        ({"firstName": "Ana", "lastName": "", "address": WIRE_ADDRESS}, "Must provide a non-blank string for lastName."),
        ({"firstName": "Ana", "lastName": "Lima"}, "Must provide an Address for Patient."),
        ({"firstName": "Ana", "lastName": "Lima", "address": {}}, "Must provide an Address for Patient."),
        ({"firstName": "Ana", "lastName": "Lima", "address": {**WIRE_ADDRESS, "lineOne": " "}}, "Must provide a Line One value in the Address."),
        ({"firstName": "Ana", "lastName": "Lima", "address": {**WIRE_ADDRESS, "city": None}}, "Must provide a City value in the Address."),
        ({"firstName": "Ana", "lastName": "Lima", "address": {**WIRE_ADDRESS, "state": ""}}, "Must provide a State value in the Address."),
        ({"firstName": "Ana", "lastName": "Lima", "address": {**WIRE_ADDRESS, "country": None}}, "Must provide a Country value in the Address."),
        ({"firstName": "Ana", "lastName": "Lima", "address": {**WIRE_ADDRESS, "zipCode": None}}, "Must provide a Zip Code value in the Address."),
        ({"firstName": "Ana", "lastName": "Lima", "address": WIRE_ADDRESS, "site": {}}, "Unable to find the Site provided."),
    ],
)
async def test_each_new_patient_rule(client, world, patient, message):
    assert_error(await _post(client, world, patient_order(world, patient=patient)), 400, message)


async def test_a_new_patients_site_not_found_or_not_active_names_the_site(client, world, db):
    other = await devices_world(db)
    for site_id, message in (
        (10**9, f"Site {10**9} not found"),
        (other.sites["north"], f"Site {other.sites['north']} not found"),
        (world.sites["closed"], f"Site {world.sites['closed']} not active"),
    ):
        body = patient_order(world, patient=_new_patient(world, site={"id": site_id}))
        assert_error(await _post(client, world, body), 400, message)


async def test_a_refused_new_patient_is_not_kept(client, world):
    body = patient_order(world, patient=_new_patient(world), orderItems=[{"count": 101, "item": {"id": world.items["strips"]}}])
    assert_error(await _post(client, world, body), 400, "insufficient_inventory")
    patients = (await client.get("/api/v3/patient", headers=world.headers())).json()
    assert patients["total"] == 1  # only the world's own patient


# Request format


async def test_malformed_json(client, world):
    for raw in (b'{"patient": ', b"not json", b'{"patient": {"id": 1},}'):
        response = await client.post(
            "/api/v3/order", content=raw, headers={**world.headers(), "Content-Type": "application/json"}
        )
        assert_error(response, 400, "Invalid JSON format")
    for raw in (b"[]", b'"order"', b""):
        response = await client.post("/api/v3/order", content=raw, headers={**world.headers(), "Content-Type": "application/json"})
        assert_error(response, 400, "Invalid JSON format")


@pytest.mark.parametrize(
    "change",
    [
        {"orderItems": [{"count": 1, "item": {}}]},  # the guide's empty item object
        {"orderItems": [{"count": 1, "item": {"id": 10**9}}]},  # no such item
        {"orderKits": [{"count": 1, "kit": {"id": 10**9, "kitItems": []}}]},
        {"orderItems": [{"count": "10", "item": {"id": 1}}]},  # a string is not a count
        {"orderItems": [{"count": 0, "item": {"id": 1}}]},
        {"orderItems": [{"count": 1.5, "item": {"id": 1}}]},
        {"orderItems": "strips"},
        {"emailLabel": "yes"},
        {"shippingOption": "teleport"},
        {"externalOrderIds": ["x" * 129]},
        {"externalOrderIds": [f"id-{n}" for n in range(21)]},
        {"orderItms": []},  # a misspelt field is refused, not ignored
        {"currentStatus": "shipped"},  # server-owned
        {"returnDevices": [{"id": 10**9}]},  # no such device out with this customer
        {"returnPackedKits": [{"id": 10**9, "quantity": 1}]},
        {"patient": {"id": "1"}},
        {"patient": {"firstName": "A", "lastName": "B", "address": WIRE_ADDRESS, "email": "not-an-email"}},
        {"patient": {"firstName": "A", "lastName": "B", "address": WIRE_ADDRESS, "sex": "robot"}},
        {"orderNotes": [{"note": ""}]},
    ],
)
async def test_data_constraint_violations(client, world, change):
    response = await _post(client, world, patient_order(world, **change))
    assert_error(response, 400, "Invalid data provided")


async def test_a_field_error_names_the_field(client, world):
    response = await _post(client, world, patient_order(world, emailLabel="yes"))
    assert response.json()["errors"][0]["field"] == "emailLabel"


# Credentials and permissions


async def test_missing_or_invalid_api_key(client, world):
    for headers in ({}, {"Impilo-API-Key": "cpk_live_nope"}, {"Authorization": f"Bearer {world.customer.live_key}"}):
        response = await client.post("/api/v3/order", json=patient_order(world), headers=headers)
        assert_error(response, 401, "Missing, invalid, or expired authentication token")


async def test_an_account_without_the_devices_api(client, db):
    clinic = await create_clinic(db, dialects=("masks",))
    for method, path in (("POST", "/api/v3/order"), ("GET", "/api/v3/order"), ("GET", "/api/v3/patient")):
        response = await client.request(method, path, json={}, headers={"Impilo-API-Key": clinic.live_key})
        assert_error(response, 403, "The requested feature has been disabled.")


async def test_a_read_only_key_may_read_but_not_order(client, world, db):
    read_only = {"Impilo-API-Key": await issue_key(db, world.customer, role="read_only")}
    assert_error(await client.post("/api/v3/order", json=patient_order(world), headers=read_only), 403, "The requested resource is forbidden.")
    assert_error(await client.post("/api/v3/site", json={}, headers=read_only), 403, "The requested resource is forbidden.")
    assert (await client.get("/api/v3/order", headers=read_only)).status_code == 200


async def test_a_live_key_on_the_sandbox_helper_is_denied(client, world):
    order = (await _post(client, world, patient_order(world))).json()
    response = await client.post(f"/api/v3/test_helpers/order/{order['id']}/reconfirm_address", headers=world.headers())
    assert_error(response, 403, "Access Denied")


async def test_a_huge_body_an_unknown_path_and_a_wrong_method_keep_the_envelope(client, world):
    huge = patient_order(world, orderNotes=[{"note": "x" * 2000}] * 20, externalOrderIds=["y" * 128] * 20)
    huge["padding"] = "z" * 300_000
    assert_error(await _post(client, world, huge), 413, "The request body is too large.")
    assert_error(await client.get("/api/v3/orders", headers=world.headers()), 404, "No such endpoint.")
    assert_error(await client.patch("/api/v3/order", json={}, headers=world.headers()), 405, "Method not allowed here.")


@pytest.mark.parametrize(
    ("address", "field"),
    [({**WIRE_ADDRESS, "lineOne": ""}, "address.lineOne"), ({**WIRE_ADDRESS, "zipCode": None}, "address.zipCode")],
)
async def test_new_patient_address_errors_name_fields_as_the_api_spells_them(client, world, address, field):
    patient = {"firstName": "Ana", "lastName": "Lima", "address": address}

    response = await _post(client, world, patient_order(world, patient=patient))

    assert response.json()["errors"] == [{"field": field, "message": response.json()["errors"][0]["message"]}]


async def test_an_unknown_shipping_option_names_its_field_like_every_other(client, world):
    response = await _post(client, world, patient_order(world, shippingOption="teleport"))

    assert_error(response, 400, "Invalid data provided")
    assert response.json()["errors"][0]["field"] == "shippingOption"
