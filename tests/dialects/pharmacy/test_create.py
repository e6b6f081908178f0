"""POST /api/orders/resources/ and /api/orders/calculate/, as a client written from contract 001."""

from __future__ import annotations

import asyncio
import base64

import pytest
from sqlalchemy import func, select

from carepost.core.models import Order, Stock
from tests.pharmacy_world import PDF, order_body, pharmacy_world, token_for

CREATE = "/api/orders/resources/"
CALCULATE = "/api/orders/calculate/"


async def _create(client, world, token, body, **headers):
    return await client.post(CREATE, json=body, headers={**world.headers(token), **headers})


async def test_the_worked_example_with_a_percentage_coupon(client, world, token):
    response = await _create(client, world, token, order_body(world, coupon="DIEZ"))

    assert response.status_code == 201, response.text
    order = response.json()
    assert (order["subtotal"], order["discount"], order["iva"], order["shipping_price"], order["shipping_discount"], order["total"]) == (
        520.70, 52.07, 54.68, 99.00, 0.0, 622.31
    )
    assert order["coupon"] == {"code": "DIEZ", "value": 0.1}
    assert [(d["product"], d["quantity"], d["subtotal"], d["discount"], d["iva"], d["total"]) for d in order["details"]] == [
        (world.products["medicine"], 2, 251.0, 25.10, 0.0, 225.90),
        (world.products["supply"], 3, 269.70, 26.97, 38.84, 281.57),
    ]
    assert order["selected_shipping_method"] == world.shipping_methods["std"]  # the cheapest serving the zip
    assert order["expected_delivery_date"].endswith("Z") and order["max_delivery_date"] > order["expected_delivery_date"]
    assert order["patient_order_status"] == "in_process" and order["order_status"] == "quoted"
    assert order["payment_status"] == "credit"  # a credit payment method
    assert order["shipping"]["zipcode"] == world.zipcode and order["store"] is None
    assert order["cfdi"] is None and isinstance(order["id"], int)


async def test_a_fixed_coupon_and_a_transfer(client, world, token):
    body = order_body(world, coupon="CINCUENTA", payment_method=world.payment_methods["spei"])

    order = (await _create(client, world, token, body)).json()

    assert (order["discount"], order["iva"], order["total"]) == (50.0, 54.85, 624.55)
    assert order["payment_status"] == "unpaid"


@pytest.mark.parametrize("code", ["VIEJO", "NO-EXISTE"])
async def test_an_unusable_coupon_still_creates_the_order_without_it(client, world, token, code):
    response = await _create(client, world, token, order_body(world, coupon=code))

    assert response.status_code == 201
    assert response.json()["coupon"] is None and response.json()["discount"] == 0.0


async def test_a_coupon_with_one_use_is_used_once(client, world, token):
    first = (await _create(client, world, token, order_body(world, coupon="UNA"))).json()
    second = (await _create(client, world, token, order_body(world, coupon="UNA"))).json()

    assert first["coupon"]["code"] == "UNA" and second["coupon"] is None


async def test_calculate_gives_the_same_totals_and_creates_nothing(client, db, world, token):
    body = order_body(world, coupon="DIEZ")
    async with db.transaction() as session:
        before = await session.scalar(select(func.count()).select_from(Order))

    calculated = await client.post(CALCULATE, json=body, headers=world.headers(token))
    created = (await _create(client, world, token, body)).json()

    assert calculated.status_code == 200, calculated.text
    for key in ("subtotal", "discount", "iva", "shipping_price", "shipping_discount", "total", "details", "coupon", "selected_shipping_method"):
        assert calculated.json()[key] == created[key], key
    async with db.transaction() as session:
        assert await session.scalar(select(func.count()).select_from(Order)) == before + 1  # only the create


async def test_pick_up_at_a_store_ships_nothing(client, world, token):
    body = order_body(world, store=world.store)
    del body["order"]["shipping"]

    order = (await _create(client, world, token, body)).json()

    assert order["store"]["id"] == world.store and order["shipping"] is None
    assert order["shipping_price"] == 0.0 and order["selected_shipping_method"] is None
    assert order["total"] == 520.70 + 43.15


async def test_free_shipping_from_the_threshold(client, world, token):
    body = order_body(world, details=[{"product": world.products["medicine"], "quantity": 8}])  # 1,004.00

    order = (await _create(client, world, token, body)).json()

    assert order["shipping_discount"] == 99.0 and order["total"] == 1004.0


async def test_a_prescription_product_needs_a_prescription(client, world, token):
    details = [{"product": world.products["antibiotic"], "quantity": 1}]
    prescription = {"document": base64.b64encode(PDF).decode(), "document_name": "receta.pdf", "issue_date": "2026-11-30"}

    missing = await _create(client, world, token, order_body(world, details=details))
    given = await _create(client, world, token, order_body(world, details=details, prescriptions=[prescription]))
    as_data_url = await _create(
        client, world, token, order_body(world, details=details, prescriptions=[{**prescription,
            "document": "data:application/pdf;base64," + prescription["document"]}])
    )

    assert missing.status_code == 400
    assert missing.json() == {"order": {"prescriptions": ["A prescription is required for: Amoxicilina."]}}
    assert given.status_code == 201, given.text
    assert given.json()["prescriptions"][0]["document_name"] == "receta.pdf"
    assert as_data_url.status_code == 201, as_data_url.text


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("not base64 at all!", "The document is not valid base64."),
        (base64.b64encode(b"just some text, not a document").decode(), "The document must be a PDF, JPEG or PNG file."),
        (base64.b64encode(PDF + b"\x00" * (5 * 1024 * 1024)).decode(), "The document is larger than 5 MB."),
        ("data:application/pdf," + "JVBERi0=", "The document must be base64-encoded."),
    ],
    ids=["not-base64", "not-a-document", "over-5-mb", "data-url-without-base64"],
)
async def test_a_bad_prescription_document_is_a_field_error(client, world, token, document, message):
    prescription = {"document": document, "issue_date": "2026-11-30"}

    response = await _create(client, world, token, order_body(world, prescriptions=[prescription]))

    assert response.status_code == 400, response.text
    assert response.json() == {"order": {"prescriptions": [{"document": [message]}]}}


async def test_an_expired_prescription_is_refused(client, world, token):
    prescription = {"document": base64.b64encode(PDF).decode(), "issue_date": "2020-01-01", "expiring_date": "2020-06-01"}

    response = await _create(client, world, token, order_body(world, prescriptions=[prescription]))

    assert response.json() == {"order": {"prescriptions": [{"expiring_date": ["The prescription has expired."]}]}}


async def test_an_idempotent_retry_places_one_order(client, db, world, token):
    body = order_body(world)
    headers = {"Idempotency-Key": f"retry-{world.tag}"}

    first = await _create(client, world, token, body, **headers)
    again = await _create(client, world, token, body, **headers)

    assert first.status_code == 201 and again.status_code == 200
    assert again.headers["idempotent-replayed"] == "true" and again.json() == first.json()


async def test_fifty_orders_for_the_last_ten_units_never_oversell(client, db, settings):
    world = await pharmacy_world(db, settings.resolved_secret_key, scarce_units=10)
    token = await token_for(client, world)

    def body() -> dict:
        return order_body(world, details=[{"product": world.products["scarce"], "quantity": 1}])

    answers = await asyncio.gather(*(_create(client, world, token, body()) for _ in range(50)))

    assert sorted(a.status_code for a in answers) == [201] * 10 + [400] * 40
    refused = next(a for a in answers if a.status_code == 400)
    assert refused.json() == {"order": {"details": ["There is not enough stock for this order."]}}
    async with db.transaction() as session:
        stock = await session.scalar(select(Stock).where(Stock.item_id == world.products["scarce"]))
    assert (stock.on_hand, stock.reserved) == (10, 10)


async def test_test_orders_reserve_no_live_stock(client, db, world):
    token = await token_for(client, world, mode="test")
    body = order_body(world, details=[{"product": world.products["scarce"], "quantity": 10}])

    response = await client.post(CREATE, json=body, headers=world.headers(token, mode="test"))

    assert response.status_code == 201, response.text
    async with db.transaction() as session:
        stock = await session.scalar(select(Stock).where(Stock.item_id == world.products["scarce"]))
    assert stock.reserved == 0


async def test_calculate_takes_an_idempotency_key_too(client, world, token):
    headers = {**world.headers(token), "Idempotency-Key": f"calc-{world.tag}"}
    body = order_body(world)

    first = await client.post(CALCULATE, json=body, headers=headers)
    again = await client.post(CALCULATE, json=body, headers=headers)
    other = await client.post(CALCULATE, json=order_body(world, coupon="DIEZ"), headers=headers)

    assert first.status_code == 200 and again.status_code == 200
    assert again.headers["idempotent-replayed"] == "true" and again.json() == first.json()
    assert other.status_code == 422 and "detail" in other.json()  # the key, reused with another body


async def test_test_orders_spend_no_coupon_use(client, world):
    test_token = await token_for(client, world, mode="test")
    live_token = await token_for(client, world)

    sandbox = await client.post(CREATE, json=order_body(world, coupon="UNA"), headers=world.headers(test_token, mode="test"))
    live = await client.post(CREATE, json=order_body(world, coupon="UNA"), headers=world.headers(live_token))

    assert sandbox.json()["coupon"]["code"] == "UNA"
    assert live.json()["coupon"]["code"] == "UNA"  # its one use was still there for a live order
