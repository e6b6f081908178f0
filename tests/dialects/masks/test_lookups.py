"""FUPC and barcode lookups: every request_type, every barcode form, scoping, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from carepost.core.models import AccessAuditEntry
from tests.dialects.masks.helpers import place, status_url
from tests.factories import create_clinic, create_operator, issue_key

FUPC = "/api/partner/v1/fupc/lookup"
BARCODE = "/api/partner/v1/barcode/lookup"
LABEL_STEPS = ("complete_scan", "approve_scan", "start_mesh", "start_print", "start_qa", "print_label")
SECTIONS = {
    "summary": ["summary"],
    "patient": ["patient"],
    "clinical": ["clinical"],
    "manufacturing": ["manufacturing"],
    "qa": ["qa"],
    "udi": ["udi"],
    "order": ["order"],
    "full": ["summary", "patient", "clinical", "manufacturing", "qa", "udi", "order"],
}


async def labelled_order(client, db, key: str) -> tuple[str, dict]:
    """An order placed with `key` and walked by an operator until its UDI label is printed."""
    order_id = await place(client, key)
    token = await create_operator(db)
    for action in LABEL_STEPS:
        response = await client.post(f"/api/ops/v1/orders/{order_id}/actions/{action}", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200
    status = await client.get(status_url(order_id), headers={"X-Api-Key": key})
    return order_id, status.json()["data"]


async def test_fupc_lookup_defaults_to_the_patient_section(client, db):
    clinic = await create_clinic(db)
    order_id, status = await labelled_order(client, db, clinic.live_key)
    fupc = status["udi"]["lot"]

    response = await client.get(FUPC, params={"fupc": fupc}, headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["request_id"] == response.headers["request-id"]
    assert data["request_type"] == "patient"
    assert data["barcode"] == {"raw": fupc, "kind": "fupc", "fupc": fupc, "gs1": None}
    assert data["resolved"]["order_id"] == order_id
    assert data["resolved"]["fupc"] == fupc
    assert data["resolved"]["scan_id"] == status["scan_id"]
    assert data["resolved"]["vm_job_id"].startswith("job-")
    assert data["resolved"]["shopify_order_id"] == status["shopify_order_id"]
    assert data["patient"] == {
        "name": "Jane Doe",
        "email": "patient@example.com",
        "phone": "+15551234567",
        "label": None,
        "b2b_patient": {"label": "Jane D.", "phone": "+15551234567"},
        "shipping_address": {
            "first_name": "Jane", "last_name": "Doe", "address1": "123 Main Street", "address2": "Apt 4",
            "city": "Portland", "province": "Oregon", "country": "United States", "country_code": "US", "zip": "97201",
        },
        "billing_address": None,
    }


@pytest.mark.parametrize(("request_type", "sections"), SECTIONS.items())
async def test_every_request_type_returns_its_sections(client, db, request_type, sections):
    clinic = await create_clinic(db)
    _, status = await labelled_order(client, db, clinic.live_key)

    response = await client.post(FUPC, json={"fupc": status["udi"]["lot"], "request_type": request_type, "secret_key": clinic.live_key})

    data = response.json()["data"]
    assert response.status_code == 200
    present = [s for s in SECTIONS["full"] if s in data]
    assert present == sections
    if "udi" in data:
        assert data["udi"] == status["udi"]
    if "qa" in data:
        assert data["qa"]["passed"] is True and data["qa"]["fupc"] == status["udi"]["lot"]
    if "order" in data:
        assert data["order"]["vitacore_order_id"] == status["vitacore_order_id"]


async def test_barcode_lookup_by_every_form_resolves_the_same_mask(client, db):
    clinic = await create_clinic(db)
    order_id, status = await labelled_order(client, db, clinic.live_key)
    udi = status["udi"]
    raw_scan = "]d201" + udi["di"] + "11" + udi["production_date"][2:].replace("-", "") + "10" + udi["lot"]
    gs_separated = "\x1d10" + udi["lot"] + "\x1d01" + udi["di"]
    forms = {
        "gs1": udi["gs1_element_string"],
        "raw scanner": raw_scan,
        "gs-separated": gs_separated,
        "fupc": udi["lot"],
        "scan id": status["scan_id"],
        "order id": order_id,
    }

    for label, barcode in forms.items():
        response = await client.get(BARCODE, params={"barcode": barcode, "request_type": "summary"}, headers={"X-Api-Key": clinic.live_key})
        assert response.status_code == 200, (label, response.text)
        data = response.json()["data"]
        assert data["resolved"]["order_id"] == order_id, label
        assert data["summary"]["product_name"] == "Form Fit Full Face CPAP"

    gs1 = (await client.post(BARCODE, json={"barcode": raw_scan, "request_type": "udi"}, headers={"X-Api-Key": clinic.live_key})).json()["data"]
    assert gs1["barcode"]["kind"] == "gs1"
    assert gs1["barcode"]["gs1"] == {
        "gtin": udi["di"], "lot": udi["lot"], "production_date": udi["production_date"], "element_string": udi["gs1_element_string"]
    }


async def test_400_for_bad_fupcs_and_barcodes_and_missing_request_type(client, db):
    clinic = await create_clinic(db)
    headers = {"X-Api-Key": clinic.live_key}

    cases = {
        "short fupc": await client.get(FUPC, params={"fupc": "ABC123"}, headers=headers),
        "symbols in fupc": await client.post(FUPC, json={"fupc": "AB-C123"}, headers=headers),
        "unknown request_type": await client.get(FUPC, params={"fupc": "ABC1234", "request_type": "everything"}, headers=headers),
        "missing request_type (GET)": await client.get(BARCODE, params={"barcode": "ABC1234"}, headers=headers),
        "missing request_type (POST)": await client.post(BARCODE, json={"barcode": "ABC1234"}, headers=headers),
        "missing barcode": await client.get(BARCODE, params={"request_type": "patient"}, headers=headers),
        "nonsense barcode": await client.get(BARCODE, params={"barcode": "not a code", "request_type": "patient"}, headers=headers),
        "bad GTIN check digit": await client.get(
            BARCODE, params={"barcode": "(01)00628678429094(11)260610(10)F4F0J5K", "request_type": "udi"}, headers=headers
        ),
    }

    for label, response in cases.items():
        assert response.status_code == 400, label
        assert response.json()["success"] is False


async def test_other_clinics_masks_are_404_and_unknown_fupcs_too(client, db):
    clinic, other = await create_clinic(db), await create_clinic(db)
    order_id, status = await labelled_order(client, db, clinic.live_key)
    fupc = status["udi"]["lot"]
    sibling_key = await issue_key(db, clinic)

    other_clinic = await client.get(FUPC, params={"fupc": fupc}, headers={"X-Api-Key": other.live_key})
    other_mode = await client.get(FUPC, params={"fupc": fupc}, headers={"X-Api-Key": clinic.test_key})
    unknown = await client.get(FUPC, params={"fupc": "ZZZZZZZ"}, headers={"X-Api-Key": clinic.live_key})
    by_order = await client.get(BARCODE, params={"barcode": order_id, "request_type": "order"}, headers={"X-Api-Key": other.live_key})
    same_clinic_other_key = await client.get(FUPC, params={"fupc": fupc}, headers={"X-Api-Key": sibling_key})

    for response in (other_clinic, other_mode, unknown, by_order):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "mask_not_found"
    assert other_clinic.json()["error"]["message"] == unknown.json()["error"]["message"]
    assert same_clinic_other_key.status_code == 200  # lookups are the clinic's, not one key's


async def test_a_gtin_of_another_product_does_not_match(client, db):
    clinic = await create_clinic(db)
    _, status = await labelled_order(client, db, clinic.live_key)
    nasal_gtin = "00628678429109"  # this mask is full face

    response = await client.get(
        BARCODE, params={"barcode": f"(01){nasal_gtin}(10){status['udi']['lot']}", "request_type": "udi"}, headers={"X-Api-Key": clinic.live_key}
    )

    assert response.status_code == 404


async def test_lookups_and_status_reads_are_audited(client, db):
    clinic = await create_clinic(db)
    order_id, status = await labelled_order(client, db, clinic.live_key)

    looked = await client.get(FUPC, params={"fupc": status["udi"]["lot"]}, headers={"X-Api-Key": clinic.live_key})
    read = await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})
    refused = await client.get(FUPC, params={"fupc": "ZZZZZZZ"}, headers={"X-Api-Key": clinic.live_key})

    async with db.transaction() as session:
        entries = {
            e.request_id: e
            for e in await session.scalars(select(AccessAuditEntry).where(AccessAuditEntry.account_id == clinic.account_id))
        }
    assert entries[looked.headers["request-id"]].action == "fupc_lookup"
    assert entries[read.headers["request-id"]].action == "status"
    assert entries[read.headers["request-id"]].api_key_id == clinic.live_key_id
    assert refused.headers["request-id"] not in entries  # nothing was read


async def test_401_without_a_key(client):
    assert (await client.get(FUPC, params={"fupc": "ABC1234"})).status_code == 401
    assert (await client.post(BARCODE, json={"barcode": "ABC1234", "request_type": "patient"})).status_code == 401
