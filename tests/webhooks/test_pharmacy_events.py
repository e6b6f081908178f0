"""A pharmacy order's life as webhooks: each change, in order, signed, with the detail object."""

from __future__ import annotations

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from tests.dialects.pharmacy.test_invoicing import INVOICING
from tests.pharmacy_world import order_body, pharmacy_world, public_id, token_for
from tests.webhooks.conftest import add_endpoint, run_until, verified


@pytest.fixture
async def world(db, settings):
    return await pharmacy_world(db, settings.resolved_secret_key)


async def test_every_change_of_an_order_arrives_signed_and_in_order(client, db, world, worker, receiver, ops_headers):
    endpoint = await add_endpoint(client, world.live_key, receiver.url + "/hooks")
    token = await token_for(client, world)
    created = (await client.post("/api/orders/resources/", json={**order_body(world), "invoicing": INVOICING}, headers=world.headers(token))).json()
    order = await public_id(db, created["id"])
    for action, extra in (("approve", {}), ("start_building", {}), ("dispatch", {"carrier": "DHL", "tracking_number": "JD0123"}), ("deliver", {})):
        answer = await client.post(f"/api/ops/v1/orders/{order}/actions/{action}", json=extra, headers=ops_headers)
        assert answer.status_code == 200, answer.text
    await run_until(worker, lambda: len(receiver.received) >= 6)

    events = [verified(endpoint["secret"], r) for r in receiver.received]
    kinds = [(e["type"], e["change"]) for e in events]
    assert ("order.invoice.stamped", "invoice_stamped") in kinds
    assert [k for k in kinds if not k[0].startswith("order.invoice")] == [
        ("order.created", "placed"), ("order.updated", "approved"), ("order.updated", "building_started"),
        ("order.shipped", "dispatched"), ("order.delivered", "delivered"),
    ]
    assert all(e["data"]["id"] == created["id"] and e["flow"] == "pharmacy" for e in events)  # the detail object
    stamped = next(e for e in events if e["type"] == "order.invoice.stamped")
    assert stamped["data"]["cfdi"] and stamped["data"]["invoice"]["status"] == "stamped"
    ids = [r.headers["webhook-id"] for r in receiver.received]
    assert len(set(ids)) == len(ids) and all(i.startswith("msg_") for i in ids)
    assert all(r.path == "/hooks" for r in receiver.received)


async def test_a_tampered_body_or_a_wrong_secret_fails_verification(client, world, worker, receiver):
    endpoint = await add_endpoint(client, world.live_key, receiver.url)
    sent = await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers={"X-Api-Key": world.live_key})
    assert sent.status_code == 202
    await run_until(worker, lambda: len(receiver.received) >= 1)
    [got] = receiver.received
    assert verified(endpoint["secret"], got)["type"] == "webhook.test"
    assert got.headers["webhook-id"] == sent.json()["event_id"]
    with pytest.raises(WebhookVerificationError):
        Webhook(endpoint["secret"]).verify(got.body.replace(b"webhook.test", b"webhook.tast"), got.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook("whsec_" + "A" * 32).verify(got.body, got.headers)


async def test_test_mode_events_go_only_to_test_endpoints(client, world, worker, receiver):
    live = await add_endpoint(client, world.live_key, receiver.url + "/live")
    test = await add_endpoint(client, world.test_key, receiver.url + "/test")
    assert (live["mode"], test["mode"]) == ("live", "test")
    token = await token_for(client, world, mode="test")
    await client.post("/api/orders/resources/", json=order_body(world), headers=world.headers(token, mode="test"))
    await run_until(worker, lambda: len(receiver.received) >= 1)
    assert [r.path for r in receiver.received] == ["/test"]
    assert verified(test["secret"], receiver.received[0])["type"] == "order.created"
