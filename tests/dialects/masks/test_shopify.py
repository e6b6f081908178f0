"""The Shopify mirror, against a local server speaking Shopify's Admin GraphQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from carepost.adapters.commerce.shopify import ShopifyConnection
from carepost.core.commerce.connections import save_connection
from carepost.core.kit.sealing import seal
from carepost.core.models import CommerceConnection, IdempotencyRecord, Order
from tests.dialects.masks.helpers import ORDERS, cancel_url, place, status_url
from tests.factories import create_clinic, mask_order
from tests.mail_server import free_port
from tests.servers import serve
from tests.shopify_server import API_PATH, TOKEN, FakeShop, app_for

COMPANY = {
    "company_id": "gid://shopify/Company/11",
    "company_location_id": "gid://shopify/CompanyLocation/22",
    "company_contact_id": "gid://shopify/CompanyContact/33",
    "payment_terms_template_id": "gid://shopify/PaymentTermsTemplate/4",
}


@pytest.fixture
def shop():
    fake = FakeShop()
    with serve(lambda: app_for(fake)) as url:
        fake.url = url  # type: ignore[attr-defined]
        yield fake


async def shopify_clinic(db, settings, endpoint: str, token: str = TOKEN):
    clinic = await create_clinic(db)
    async with db.transaction() as session:
        await save_connection(
            session,
            account_id=clinic.account_id,
            provider="shopify",
            config={"endpoint": endpoint, **COMPANY},
            sealed_credentials=seal(settings.resolved_secret_key, token),
        )
    return clinic


async def test_a_live_order_becomes_a_b2b_net_30_order_in_the_clinics_store(client, db, settings, shop):
    clinic = await shopify_clinic(db, settings, shop.url + API_PATH)

    response = await client.post(ORDERS, json=mask_order(mask_type="nose"), headers={"X-Api-Key": clinic.live_key})

    data = response.json()["data"]
    assert response.status_code == 201, response.text
    [(gid, order)] = shop.orders.items()
    assert data["shopify_order_id"] == gid.rsplit("/", 1)[1] and data["shopify_order_name"] == order["name"]
    assert order["payment_pending"] is True
    sent = order["draft"]["input"]
    assert sent["purchasingEntity"]["purchasingCompany"] == {
        "companyId": COMPANY["company_id"], "companyLocationId": COMPANY["company_location_id"], "companyContactId": COMPANY["company_contact_id"]
    }
    assert sent["paymentTerms"] == {"paymentTermsTemplateId": COMPANY["payment_terms_template_id"]}
    assert sent["lineItems"] == [{"variantId": "variant-nasal-1", "quantity": 1}]
    assert sent["email"] == "orders@clinic.example"
    assert sent["shippingAddress"]["countryCode"] == "US" and sent["shippingAddress"]["firstName"] == "Jane"
    assert {"key": "carepost_order_id", "value": data["vitacore_order_id"]} in sent["customAttributes"]
    assert {"key": "patient_name", "value": "Jane Doe"} in sent["customAttributes"]


async def test_cancel_cancels_the_shopify_order(client, db, settings, shop):
    clinic = await shopify_clinic(db, settings, shop.url + API_PATH)
    order_id = await place(client, clinic.live_key)

    response = await client.post(cancel_url(order_id), headers={"X-Api-Key": clinic.live_key})

    assert response.json()["data"]["shopify_cancelled"] is True
    [order] = shop.orders.values()
    assert order["cancelled"] == {"reason": "CUSTOMER", "refund": False, "restock": True}


@pytest.mark.parametrize(
    "failure",
    [
        "http_500",
        "throttled",
        "create_user_error",
        "complete_user_error",
        "create_no_draft",
        "complete_order_null",
        "complete_no_draft",
        "body_not_an_object",
    ],
)
async def test_each_store_failure_is_502_with_nothing_half_made(client, db, settings, shop, failure):
    clinic = await shopify_clinic(db, settings, shop.url + API_PATH)
    shop.fail = failure

    response = await client.post(ORDERS, json=mask_order(idempotency_key=f"shopify-{failure}"), headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 502
    assert response.json()["error"]["code"] == "commerce_failed"
    assert shop.orders == {} and shop.drafts == {}  # a created-but-uncompleted draft was deleted
    if failure.startswith("complete_"):
        assert len(shop.deleted_drafts) == 1
    async with db.transaction() as session:
        orders = await session.scalar(select(func.count()).select_from(Order).where(Order.account_id == clinic.account_id))
        record = await session.scalar(select(IdempotencyRecord).where(IdempotencyRecord.key == f"shopify-{failure}"))
    assert orders == 0 and record is None  # the client may retry with the same key


async def test_a_wrong_token_or_an_unreachable_store_is_502(client, db, settings, shop):
    wrong_token = await shopify_clinic(db, settings, shop.url + API_PATH, token="shpat_wrong")
    unreachable = await shopify_clinic(db, settings, f"http://127.0.0.1:{free_port()}{API_PATH}")

    for clinic in (wrong_token, unreachable):
        response = await client.post(ORDERS, json=mask_order(), headers={"X-Api-Key": clinic.live_key})
        assert response.status_code == 502


async def test_a_failed_store_cancel_is_502_and_the_order_stays(client, db, settings, shop):
    clinic = await shopify_clinic(db, settings, shop.url + API_PATH)
    order_id = await place(client, clinic.live_key)
    shop.fail = "cancel_user_error"

    response = await client.post(cancel_url(order_id), headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 502
    status = (await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})).json()["data"]
    assert status["is_cancelled"] is False


async def test_test_keys_never_reach_shopify(client, db, settings, shop):
    clinic = await shopify_clinic(db, settings, shop.url + API_PATH)

    order_id = await place(client, clinic.test_key)
    await client.post(cancel_url(order_id), headers={"X-Api-Key": clinic.test_key})

    assert shop.requests == 0


async def test_the_access_token_is_stored_sealed(db, settings, shop):
    clinic = await shopify_clinic(db, settings, shop.url + API_PATH)

    async with db.transaction() as session:
        stored = await session.get(CommerceConnection, clinic.account_id)

    assert TOKEN not in stored.sealed_credentials and TOKEN not in str(stored.config)


def test_the_default_endpoint_is_the_shops_admin_graphql_url():
    assert ShopifyConnection.endpoint_for("forge-b2b.myshopify.com") == "https://forge-b2b.myshopify.com/admin/api/2025-01/graphql.json"
