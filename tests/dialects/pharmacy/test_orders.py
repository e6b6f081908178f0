"""GET /api/orders/ (page, search, filters, ordering), GET /api/orders/{id}, PATCH /api/orders/{id}/."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import date, timedelta

import httpx
import pytest
from sqlalchemy import select

from carepost.core.accounts import service as accounts
from carepost.core.accounts import users
from carepost.core.models import Order, RetailOrder, Stock
from tests.factories import create_pharmacy_client
from tests.pharmacy_world import PASSWORD, order_body, pharmacy_world, token_for

CREATE = "/api/orders/resources/"
ORDERS = "/api/orders/"
LIST_FIELDS = {
    "id", "created_at", "order_status", "patient_order_status", "patient", "payment_status", "products_count", "details",
    "shipping", "payment_method", "total", "origin", "expected_delivery_date", "max_delivery_date",
}


async def _place(client, world, token, *, first="Ana", last="López", **order) -> dict:
    body = order_body(world, **order)
    body["user"].update(first_name=first, last_name=last)
    response = await client.post(CREATE, json=body, headers=world.headers(token))
    assert response.status_code == 201, response.text
    return response.json()


async def _list(client, world, token, **params):
    return await client.get(ORDERS, params=params, headers=world.headers(token))


async def test_the_list_has_exactly_the_contracts_fields_newest_first(client, world, token):
    first = await _place(client, world, token)
    second = await _place(client, world, token, coupon="DIEZ")

    page = (await _list(client, world, token)).json()

    assert page["count"] == 2 and page["next"] is None and page["previous"] is None
    assert [r["id"] for r in page["results"]] == [second["id"], first["id"]]
    result = page["results"][0]
    assert set(result) == LIST_FIELDS
    assert result["patient"] == "Ana López" and result["products_count"] == 5 and result["total"] == 622.31
    assert result["shipping"] == {"street": "Av. Reforma", "exterior_number": "222", "city": "Ciudad de México"}
    assert result["payment_method"] == "Crédito" and result["details"][0]["quantity"] == 2


async def test_search_needs_every_term_to_match_the_patients_name(client, world, token):
    await _place(client, world, token, first="María José", last="Hernández")
    await _place(client, world, token, first="José", last="Pérez")

    both = (await _list(client, world, token, search="josé")).json()
    one = (await _list(client, world, token, search="josé hernández")).json()
    none = (await _list(client, world, token, search="josé garcía")).json()

    assert (both["count"], one["count"], none["count"]) == (2, 1, 0)
    assert one["results"][0]["patient"] == "María José Hernández"


async def test_each_filter(client, world, token):
    credit = await _place(client, world, token)
    transfer = await _place(client, world, token, payment_method=world.payment_methods["spei"])
    cancelled = await _place(client, world, token)
    await client.patch(f"{ORDERS}{cancelled['id']}/", json={"order_status": "cancelled"}, headers=world.headers(token))
    today = date.today()

    def ids(**params):
        async def run():
            return {r["id"] for r in (await _list(client, world, token, **params)).json()["results"]}
        return run()

    assert await ids(payment_status__in="unpaid") == {transfer["id"]}
    assert await ids(payment_status__in="credit,unpaid") == {credit["id"], transfer["id"], cancelled["id"]}
    assert await ids(order_status__in="cancelled") == {cancelled["id"]}
    assert await ids(exclude_order_status__in="cancelled") == {credit["id"], transfer["id"]}
    assert await ids(patient=credit["patient"]["id"]) == {credit["id"]}
    in_two_days = (today + timedelta(days=2)).isoformat()  # the standard method takes 2 to 4 days
    assert len(await ids(expected_delivery_date_after=in_two_days, expected_delivery_date_before=in_two_days)) == 3
    assert await ids(expected_delivery_date_before=(today + timedelta(days=1)).isoformat()) == set()
    assert len(await ids(max_delivery_date_after=(today + timedelta(days=4)).isoformat())) == 3
    assert await ids(max_delivery_date_after=(today + timedelta(days=5)).isoformat()) == set()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"expected_delivery_date_before": "not-a-date"}, {"expected_delivery_date_before": ["Enter a valid date."]}),
        ({"order_status__in": "quoted,lost"}, {"order_status__in": ["Select a valid choice. lost is not one of the available choices."]}),
        ({"patient": "ana"}, {"patient": ["Enter a number."]}),
    ],
)
async def test_bad_filters_are_400(client, world, token, params, expected):
    response = await _list(client, world, token, **params)

    assert response.status_code == 400 and response.json() == expected


async def test_pages_link_absolutely_and_a_page_past_the_end_is_404(client, world, token, settings):
    placed = [await _place(client, world, token) for _ in range(3)]

    first = (await _list(client, world, token, page_size=2, search="Ana")).json()
    second = (await _list(client, world, token, page=2, page_size=2, search="Ana")).json()
    past = await _list(client, world, token, page=3, page_size=2)
    garbage = await _list(client, world, token, page="two")

    assert first["count"] == 3 and len(first["results"]) == 2
    assert first["next"] == f"{settings.public_url}/api/orders/?page_size=2&search=Ana&page=2" and first["previous"] is None
    assert second["next"] is None and second["previous"] == f"{settings.public_url}/api/orders/?page_size=2&search=Ana"
    assert [r["id"] for r in first["results"] + second["results"]] == [p["id"] for p in reversed(placed)]
    assert past.status_code == 404 and past.json() == {"detail": "Invalid page."}
    assert garbage.status_code == 404


async def test_ordering_by_expected_delivery_date(client, world, token):
    slow = await _place(client, world, token, shipping_method=world.shipping_methods["nat"])  # 3 to 7 days
    fast = await _place(client, world, token)  # 2 to 4 days

    ascending = (await _list(client, world, token, ordering="expected_delivery_date")).json()["results"]
    descending = (await _list(client, world, token, ordering="-expected_delivery_date")).json()["results"]
    unknown = (await _list(client, world, token, ordering="total")).json()["results"]

    assert [r["id"] for r in ascending] == [fast["id"], slow["id"]]
    assert [r["id"] for r in descending] == [slow["id"], fast["id"]]
    assert [r["id"] for r in unknown] == [fast["id"], slow["id"]]  # ignored: the default, newest first


async def test_the_detail_is_shown_in_the_list_envelope_with_every_field(client, world, token):
    placed = await _place(client, world, token, coupon="DIEZ")

    response = await client.get(f"{ORDERS}{placed['id']}", headers=world.headers(token))

    body = response.json()
    assert response.status_code == 200 and (body["count"], body["next"], body["previous"]) == (1, None, None)
    (order,) = body["results"]
    for field in (
        "id", "details", "patient", "shipping", "store", "payment", "payment_references", "payment_method", "coupon",
        "generated_by", "updated_by", "invoicing", "payment_date", "shipping_date", "expected_delivery_date",
        "max_delivery_date", "receiving_date", "patient_order_status", "prescriptions", "shipping_method", "created_at",
        "updated_at", "insurance_refund_status", "order_status", "payment_status", "rejection_reason", "origin",
        "subtotal", "iva", "shipping_price", "shipping_discount", "shipping_cost", "discount", "total", "cfdi", "reminder",
    ):
        assert field in order, field
    assert order["total"] == 622.31 and order["coupon"] == {"code": "DIEZ", "value": 0.1}
    assert order["details"][0]["product"]["name"] == "Paracetamol" and order["details"][0]["price"] == 125.5
    assert order["patient"]["user"]["first_name"] == "Ana"
    assert order["insurance_refund_status"] == "not_applicable"


async def test_other_tenants_and_the_other_modes_orders_are_not_found(client, db, settings, world, token):
    placed = await _place(client, world, token)
    other = await pharmacy_world(db, settings.resolved_secret_key)
    other_token = await token_for(client, other)
    test_token = await token_for(client, world, mode="test")

    for headers in (other.headers(other_token), world.headers(test_token, mode="test")):
        assert (await client.get(f"{ORDERS}{placed['id']}/", headers=headers)).json() == {"detail": "Not found."}
        patched = await client.patch(f"{ORDERS}{placed['id']}/", json={"order_status": "cancelled"}, headers=headers)
        assert patched.status_code == 404
    assert (await client.get(f"{ORDERS}99999999999/", headers=world.headers(token))).status_code == 404
    assert (await client.get(f"{ORDERS}abc/", headers=world.headers(token))).json() == {"detail": "Not found."}
    assert (await _list(client, other, other_token)).json()["count"] == 0


async def test_patching_details_recomputes_every_total_and_moves_stock(client, db, world, token):
    placed = await _place(client, world, token, coupon="DIEZ")

    response = await client.patch(
        f"{ORDERS}{placed['id']}/", json={"details": [{"product": world.products["supply"], "quantity": 3}]}, headers=world.headers(token)
    )

    assert response.status_code == 200, response.text
    changed = response.json()
    # 269.70 − 10% (26.97) = 242.73; IVA 38.84 + shipping 15.84; total 242.73 + 54.68 + 99.00
    assert (changed["subtotal"], changed["discount"], changed["iva"], changed["total"]) == (269.70, 26.97, 54.68, 396.41)
    assert [(d["product"], d["quantity"]) for d in changed["details"]] == [(world.products["supply"], 3)]
    async with db.transaction() as session:
        medicine = await session.scalar(select(Stock).where(Stock.item_id == world.products["medicine"]))
    assert medicine.reserved == 0  # the removed line's units went back


async def test_cancel_then_every_later_patch_is_refused(client, db, world, token):
    placed = await _place(client, world, token)

    cancelled = await client.patch(f"{ORDERS}{placed['id']}/", json={"order_status": "cancelled"}, headers=world.headers(token))
    again = await client.patch(f"{ORDERS}{placed['id']}/", json={"order_status": "cancelled"}, headers=world.headers(token))
    details = await client.patch(f"{ORDERS}{placed['id']}/", json={"details": [{"product": world.products["medicine"], "quantity": 1}]},
        headers=world.headers(token))

    assert cancelled.status_code == 200 and cancelled.json()["order_status"] == "cancelled"
    assert cancelled.json()["patient_order_status"] == "cancelled"
    assert again.status_code == 400 and again.json() == {"order_status": ["The order can no longer be cancelled: it is cancelled."]}
    assert details.status_code == 400
    assert details.json() == {"details": ["Products can only change while the order is quoted or approved; it is cancelled."]}
    async with db.transaction() as session:
        stock = await session.scalar(select(Stock).where(Stock.item_id == world.products["medicine"]))
    assert stock.reserved == 0


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"order_status": "approved"}, {"order_status": ["This is not a valid choice."]}),
        ({"total": 1}, {"total": ["Unknown field."]}),
        ({}, {"non_field_errors": ["Send either details or order_status."]}),
    ],
)
async def test_any_other_patch_is_400(client, world, token, body, expected):
    placed = await _place(client, world, token)

    response = await client.patch(f"{ORDERS}{placed['id']}/", json=body, headers=world.headers(token))

    assert response.status_code == 400 and response.json() == expected


async def test_a_user_of_another_account_lists_nothing_here(client, db, world):
    stranger = await create_pharmacy_client(db)
    token = (await client.post("/api/token/", json={"email": stranger.email, "password": stranger.password},
        headers={"X-API-Key": stranger.clinic.live_key})).json()["access"]

    response = await client.get(ORDERS, headers={"X-API-Key": stranger.clinic.live_key, "Authorization": f"Bearer {token}"})

    assert response.json()["count"] == 0
    async with db.transaction() as session:
        assert await session.scalar(select(Order.id).where(Order.account_id == stranger.clinic.account_id)) is None


async def test_every_path_answers_without_its_trailing_slash_and_without_a_redirect(client, world, token):
    placed = await _place(client, world, token)

    listed = await client.get("/api/orders", headers=world.headers(token))
    shown = await client.get(f"/api/orders/{placed['id']}", headers=world.headers(token))
    changed = await client.patch(
        f"/api/orders/{placed['id']}", json={"details": [{"product": world.products["medicine"], "quantity": 1}]}, headers=world.headers(token)
    )
    created = await client.post("/api/orders/resources", json=order_body(world), headers=world.headers(token))
    calculated = await client.post("/api/orders/calculate", json=order_body(world), headers=world.headers(token))

    assert [r.status_code for r in (listed, shown, changed, created, calculated)] == [200, 200, 200, 201, 200]
    assert all("location" not in r.headers for r in (listed, shown, changed, created, calculated))


async def test_generated_by_and_updated_by_are_users_and_prescriptions_carry_their_document(client, db, world, token):
    """Contract 001's detail: `"generated_by": USER, "updated_by": USER`, and PRESCRIPTION's
    `document` (BASE64 STRING) as it was sent (issue 24, item 7)."""
    document = base64.b64encode(b"%PDF-1.7\n" + b"receta " * 500).decode()
    placed = await _place(
        client, world, token, details=[{"product": world.products["antibiotic"], "quantity": 1}],
        prescriptions=[{"document": document, "document_name": "receta.pdf", "issue_date": date.today().isoformat()}],
    )
    assert placed["generated_by"]["email"] == world.email and placed["prescriptions"][0]["document"] is None
    colleague = f"colega-{uuid.uuid4().hex[:6]}@farmacia.example"
    async with db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=world.slug)
        await users.ensure_user(session, account_id=account.id, email=colleague, password=PASSWORD, first_name="Rosa", last_name="Díaz")
    signed = await client.post("/api/token/", json={"email": colleague, "password": PASSWORD}, headers={"X-API-Key": world.live_key})
    other = world.headers(signed.json()["access"])
    patched = await client.patch(f"{ORDERS}{placed['id']}/", json={"details": [{"product": world.products["antibiotic"], "quantity": 2}]}, headers=other)
    assert patched.status_code == 200, patched.text

    (order,) = (await client.get(f"{ORDERS}{placed['id']}", headers=world.headers(token))).json()["results"]
    assert order["generated_by"] == {"id": placed["generated_by"]["id"], "email": world.email, "phone": None, "first_name": "", "last_name": ""}
    assert order["updated_by"]["email"] == colleague and (order["updated_by"]["first_name"], order["updated_by"]["last_name"]) == ("Rosa", "Díaz")
    (prescription,) = order["prescriptions"]
    assert prescription["document"] == document and prescription["document_name"] == "receta.pdf"


@pytest.mark.parametrize("field", ["quantity", "product"])
async def test_a_boolean_is_no_integer(client, world, token, field):
    body = order_body(world)
    body["order"]["details"][0][field] = True
    answer = await client.post(CREATE, json=body, headers=world.headers(token))
    assert answer.status_code == 400
    assert answer.json() == {"order": {"details": [{field: ["A valid integer is required."]}]}}


async def test_ordering_takes_comma_separated_fields_in_turn(client, db, world, token):
    soon = await _place(client, world, token)  # the standard method: 2-4 days
    later = await _place(client, world, token, shipping_method=world.shipping_methods["nat"])  # 3-7 days
    again_soon = await _place(client, world, token)
    async with db.transaction() as session:  # the same expected day: the second field decides
        first = await session.get(RetailOrder, soon["id"])
        (await session.get(RetailOrder, again_soon["id"])).expected_delivery_date = first.expected_delivery_date

    def ids(answer: httpx.Response) -> list[int]:
        return [o["id"] for o in answer.json()["results"]]

    both = await _list(client, world, token, ordering="expected_delivery_date,-created_at")
    assert ids(both) == [again_soon["id"], soon["id"], later["id"]]
    reversed_ties = await _list(client, world, token, ordering="expected_delivery_date,created_at")
    assert ids(reversed_ties) == [soon["id"], again_soon["id"], later["id"]]
    unknown_ignored = await _list(client, world, token, ordering="nonsense,-expected_delivery_date")
    assert ids(unknown_ignored)[0] == later["id"]


@pytest.mark.parametrize("order_id", ["12345678901234567890123", "9" * 60, "9223372036854775808"])
async def test_an_id_past_any_order_is_404(client, world, token, order_id):
    answer = await client.get(f"{ORDERS}{order_id}", headers=world.headers(token))
    assert answer.status_code == 404 and answer.json() == {"detail": "Not found."}


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml; charset=utf-8"])
async def test_a_body_that_is_not_json_is_415(client, world, token, content_type):
    answer = await client.post(
        CREATE, content=json.dumps(order_body(world)), headers={**world.headers(token), "Content-Type": content_type}
    )
    assert answer.status_code == 415
    assert answer.json() == {"detail": f'Unsupported media type "{content_type.split(";")[0]}" in request.'}
    fine = await client.post(CREATE, content=json.dumps(order_body(world)), headers={**world.headers(token), "Content-Type": "application/json; charset=utf-8"})
    assert fine.status_code == 201
