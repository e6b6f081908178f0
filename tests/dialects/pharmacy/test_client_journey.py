"""A client written from contract 001 alone, start to finish: token, create with a user,
shipping, a coupon and a prescription; find it by search and filter; read it; change
its products; cancel it; and hear that nothing more may change."""

from __future__ import annotations

import base64

from tests.pharmacy_world import PDF, order_body, pharmacy_world, token_for


async def test_the_whole_journey(client, db, settings):
    world = await pharmacy_world(db, settings.resolved_secret_key)
    token = await token_for(client, world)
    headers = world.headers(token)
    body = order_body(
        world,
        details=[{"product": world.products["antibiotic"], "quantity": 1}, {"product": world.products["supply"], "quantity": 3}],
        coupon="DIEZ",
        prescriptions=[{"document": base64.b64encode(PDF).decode(), "document_name": "receta.pdf", "issue_date": "2026-11-28"}],
        comments="Entregar por la tarde",
    )
    body["user"].update(first_name="Lucía", last_name="Ramos")

    created = await client.post("/api/orders/resources/", json=body, headers=headers)

    assert created.status_code == 201, created.text
    order = created.json()
    # By hand: antibiotic 189.99 (0% IVA) − 19.00; gauze 269.70 − 26.97, IVA 242.73 × 16% = 38.84;
    # shipping 99.00 + 16% = 15.84; total 459.69 − 45.97 + 54.68 + 99.00 = 567.40.
    assert (order["subtotal"], order["discount"], order["iva"], order["shipping_price"], order["total"]) == (459.69, 45.97, 54.68, 99.0, 567.40)
    assert [(d["discount"], d["iva"], d["total"]) for d in order["details"]] == [(19.0, 0.0, 170.99), (26.97, 38.84, 281.57)]
    assert order["prescriptions"][0]["document_name"] == "receta.pdf"

    by_search = (await client.get("/api/orders/", params={"search": "lucía ramos"}, headers=headers)).json()
    by_filter = (await client.get("/api/orders/", params={"order_status__in": "quoted", "payment_status__in": "credit"}, headers=headers)).json()
    assert [r["id"] for r in by_search["results"]] == [order["id"]]
    assert order["id"] in [r["id"] for r in by_filter["results"]]

    detail = (await client.get(f"/api/orders/{order['id']}", headers=headers)).json()["results"][0]
    assert detail["total"] == 567.40 and detail["coupon"] == {"code": "DIEZ", "value": 0.1}

    changed = await client.patch(
        f"/api/orders/{order['id']}/",
        json={"details": [{"product": world.products["antibiotic"], "quantity": 2}]},
        headers=headers,
    )
    assert changed.status_code == 200, changed.text
    # 379.98 − 38.00 = 341.98, no IVA on the medicine; shipping 99.00 + 15.84; total 456.82.
    assert (changed.json()["subtotal"], changed.json()["discount"], changed.json()["iva"], changed.json()["total"]) == (379.98, 38.0, 15.84, 456.82)

    cancelled = await client.patch(f"/api/orders/{order['id']}/", json={"order_status": "cancelled"}, headers=headers)
    assert cancelled.status_code == 200 and cancelled.json()["patient_order_status"] == "cancelled"
    for later in ({"order_status": "cancelled"}, {"details": [{"product": world.products["supply"], "quantity": 1}]}):
        refused = await client.patch(f"/api/orders/{order['id']}/", json=later, headers=headers)
        assert refused.status_code == 400, refused.text
