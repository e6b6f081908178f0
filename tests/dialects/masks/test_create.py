"""POST /api/partner/v1/orders: the contract's example and every documented status."""

from __future__ import annotations

import re

from sqlalchemy import select

from carepost.core.accounts import service as accounts
from carepost.core.models import CommerceLedgerOrder, Order
from tests.conftest import PUBLIC_URL
from tests.factories import create_clinic, issue_key, mask_order

ORDERS = "/api/partner/v1/orders"
ISO_MILLIS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


async def test_contract_example_creates_then_replays(client, db):
    clinic = await create_clinic(db)
    body = {"secret_key": clinic.live_key, **mask_order(idempotency_key="your-unique-request-id-optional")}

    first = await client.post(ORDERS, json=body)

    assert first.status_code == 201, first.text
    assert first.json()["success"] is True
    data = first.json()["data"]
    assert set(data) == {
        "idempotent_replay", "request_id", "shopify_order_id", "shopify_order_name", "vitacore_order_id",
        "patient_email", "patient_name", "forge_sends_email_to_client", "mask_type", "scan_upload_url", "placed_at",
    }
    assert data["idempotent_replay"] is False
    assert data["request_id"] == first.headers["request-id"]
    assert re.fullmatch(r"ORD_\d{10}", data["vitacore_order_id"])
    assert re.fullmatch(r"\d{10}", data["shopify_order_id"])
    assert data["shopify_order_name"] == "#1001"
    assert data["patient_email"] == "patient@example.com"
    assert data["patient_name"] == "Jane Doe"
    assert data["mask_type"] == "cpap"
    assert data["forge_sends_email_to_client"] is False
    assert data["scan_upload_url"] == (
        f"{PUBLIC_URL}/api/portal/start-scan?order_id={data['vitacore_order_id']}&email=patient%40example.com"
    )
    assert ISO_MILLIS.match(data["placed_at"])

    again = await client.post(ORDERS, json=body)

    assert again.status_code == 200
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json()["data"] == {**data, "idempotent_replay": True}
    async with db.transaction() as session:
        orders = (await session.scalars(select(Order).where(Order.account_id == clinic.account_id))).all()
        store = (await session.scalars(select(CommerceLedgerOrder).where(CommerceLedgerOrder.account_id == clinic.account_id))).all()
    assert len(orders) == 1 and len(store) == 1
    assert store[0].payment_terms == "NET_30"
    assert store[0].company_contact_email == "orders@clinic.example"


async def test_mask_type_defaults_to_cpap_and_nose_is_accepted(client, db):
    clinic = await create_clinic(db)
    headers = {"X-Api-Key": clinic.live_key}
    body = mask_order()
    del body["mask_type"]

    default = await client.post(ORDERS, json=body, headers=headers)
    nasal = await client.post(ORDERS, json=mask_order(mask_type="nose"), headers=headers)

    assert default.status_code == 201 and default.json()["data"]["mask_type"] == "cpap"
    assert nasal.status_code == 201 and nasal.json()["data"]["mask_type"] == "nose"
    assert default.json()["data"]["shopify_order_name"] == "#1001"
    assert nasal.json()["data"]["shopify_order_name"] == "#1002"


async def test_test_key_places_a_test_order_without_the_store(client, db):
    clinic = await create_clinic(db)

    response = await client.post(ORDERS, json=mask_order(), headers={"X-Api-Key": clinic.test_key})

    data = response.json()["data"]
    assert response.status_code == 201
    # Strings of the documented types a typed client expects, plainly fake (no order reached the store).
    assert data["shopify_order_id"] == f"test_{data['vitacore_order_id']}"
    assert data["shopify_order_name"].startswith("#TEST-")
    assert data["scan_upload_url"].endswith("&sandbox=true")
    status = (await client.get(f"{ORDERS}/{data['vitacore_order_id']}/status", headers={"X-Api-Key": clinic.test_key})).json()["data"]
    assert (status["shopify_order_id"], status["shopify_order_name"]) == (data["shopify_order_id"], data["shopify_order_name"])
    async with db.transaction() as session:
        store = (await session.scalars(select(CommerceLedgerOrder).where(CommerceLedgerOrder.account_id == clinic.account_id))).all()
        order = await session.scalar(select(Order).where(Order.public_id == data["vitacore_order_id"]))
    assert store == []
    assert order.mode == "test"


async def test_401_for_missing_invalid_and_revoked_keys(client, db):
    clinic = await create_clinic(db)
    async with db.transaction() as session:
        await accounts.revoke_key(session, key_id=clinic.live_key_id)

    missing = await client.post(ORDERS, json=mask_order())
    invalid = await client.post(ORDERS, json=mask_order(), headers={"X-Api-Key": "vtc_not_a_key"})
    revoked = await client.post(ORDERS, json={"secret_key": clinic.live_key, **mask_order()})

    for response in (missing, invalid, revoked):
        assert response.status_code == 401
        assert response.json()["success"] is False
        assert response.json()["error"]["request_id"] == response.headers["request-id"]
    assert missing.json()["error"]["code"] == "missing_api_key"
    assert invalid.json()["error"]["code"] == "invalid_api_key"
    assert revoked.json()["error"]["code"] == "invalid_api_key"


async def test_400_names_the_missing_address_field(client, db):
    clinic = await create_clinic(db)
    body = mask_order()
    del body["shipping_address"]["zip"]

    response = await client.post(ORDERS, json=body, headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert {"field": "shipping_address.zip", "message": "Field required"} in error["fields"]


async def test_403_when_the_mask_type_is_not_allowed_for_the_clinic(client, db):
    clinic = await create_clinic(db, mask_types=("cpap",))

    response = await client.post(ORDERS, json=mask_order(mask_type="nose"), headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "mask_type_not_allowed"


async def test_403_for_a_read_only_key(client, db):
    clinic = await create_clinic(db)
    reader = await issue_key(db, clinic, role="read_only")

    response = await client.post(ORDERS, json=mask_order(), headers={"X-Api-Key": reader})

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "read_only_key"


async def test_409_when_another_key_reuses_the_idempotency_key(client, db):
    clinic = await create_clinic(db)
    body = mask_order(idempotency_key="shared-key-123")

    first = await client.post(ORDERS, json=body, headers={"X-Api-Key": clinic.live_key})
    other = await client.post(ORDERS, json=body, headers={"X-Api-Key": clinic.test_key})

    assert first.status_code == 201
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "idempotency_key_reused"


async def test_409_when_the_idempotency_key_comes_back_with_another_body(client, db):
    clinic = await create_clinic(db)
    headers = {"X-Api-Key": clinic.live_key}

    first = await client.post(ORDERS, json=mask_order(idempotency_key="changing-body-1"), headers=headers)
    changed = await client.post(ORDERS, json=mask_order(idempotency_key="changing-body-1", patient_name="John Roe"), headers=headers)

    assert first.status_code == 201
    assert changed.status_code == 409
    assert changed.json()["error"]["code"] == "idempotency_key_mismatch"


async def test_same_idempotency_key_in_two_clinics_makes_two_orders(client, db):
    one, two = await create_clinic(db), await create_clinic(db)
    body = mask_order(idempotency_key="per-clinic-key-1")

    a = await client.post(ORDERS, json=body, headers={"X-Api-Key": one.live_key})
    b = await client.post(ORDERS, json=body, headers={"X-Api-Key": two.live_key})

    assert a.status_code == b.status_code == 201
    assert a.json()["data"]["vitacore_order_id"] != b.json()["data"]["vitacore_order_id"]


async def test_422_for_each_way_a_clinic_can_be_unconfigured(client, db):
    cases = {
        "no settings": await create_clinic(db, configure_masks=False),
        "ordering disabled": await create_clinic(db, ordering_enabled=False),
        "no contact e-mail": await create_clinic(db, contact_email=None),
        "no variant": await create_clinic(db, variants={"nose": "variant-nasal-1"}),
        "masks API disabled": await create_clinic(db, dialects=("devices",)),
    }
    for label, clinic in cases.items():
        response = await client.post(ORDERS, json=mask_order(), headers={"X-Api-Key": clinic.live_key})
        assert response.status_code == 422, label
        assert response.json()["error"]["code"] == "clinic_not_configured", label


async def test_the_idempotency_key_header_is_honoured_as_the_bodys_key(client, db):
    """docs/platform.md: every dialect's POST honours `Idempotency-Key` (issue 24, item 15)."""
    clinic = await create_clinic(db)
    body = mask_order()
    body.pop("idempotency_key", None)
    headers = {"X-Api-Key": clinic.live_key, "Idempotency-Key": "header-key-0001"}
    first = await client.post(ORDERS, json=body, headers=headers)
    again = await client.post(ORDERS, json=body, headers=headers)
    assert first.status_code == 201 and again.status_code == 200 and again.headers["idempotent-replayed"] == "true"
    assert again.json()["data"]["vitacore_order_id"] == first.json()["data"]["vitacore_order_id"]
    both = await client.post(ORDERS, json={**body, "idempotency_key": "header-key-0001"}, headers=headers)
    assert both.status_code == 200 and both.json()["data"]["vitacore_order_id"] == first.json()["data"]["vitacore_order_id"]
    async with db.read() as session:
        placed = await session.scalars(select(Order).where(Order.account_id == clinic.account_id))
        assert len(list(placed)) == 1


async def test_two_different_idempotency_keys_are_a_400(client, db):
    clinic = await create_clinic(db)
    answer = await client.post(
        ORDERS, json=mask_order(idempotency_key="in-the-body-1"), headers={"X-Api-Key": clinic.live_key, "Idempotency-Key": "in-the-header-1"}
    )
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert "differ" in error["message"] and [f["field"] for f in error["fields"]] == ["idempotency_key"]
