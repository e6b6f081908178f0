"""The sandbox's autopilot: with it on, a test order in each flow reaches its final state by
itself and a receiver gets every event of its path, signed; a magic e-mail tag takes the
documented unhappy path; live orders are never touched; off, test orders stay put; a new
worker carries a walk on; steps are an interval apart."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

import pytest

from carepost.core.accounts.service import Scope
from carepost.core.patients.service import PatientIn, create_patient
from carepost.worker import Worker
from tests.cases_world import EXAMPLE_ORDER, cases_world
from tests.devices_world import ADDRESS, devices_world, patient_order
from tests.dialects.masks.helpers import place, status_url
from tests.factories import create_clinic
from tests.pharmacy_world import order_body, pharmacy_world, token_for
from tests.webhooks.conftest import add_endpoint, run_until, verified

EVENTS = "/api/webhooks/v1/events"


async def autopilot(client, ops_headers, slug: str, *, on: bool = True, interval: float = 0) -> None:
    answer = await client.put(
        f"/api/ops/v1/accounts/{slug}/sandbox", json={"autopilot": on, "autopilot_interval_seconds": interval}, headers=ops_headers
    )
    assert answer.status_code == 200 and answer.json() == {"autopilot": on, "autopilot_interval_seconds": interval}


async def changes(client, key: str) -> list[str]:
    answer = await client.get(EVENTS, params={"limit": 100}, headers={"Authorization": f"Bearer {key}"})
    return [e["payload"].get("change") or e["type"] for e in reversed(answer.json()["data"])]


def signed_changes(receiver, secret: str) -> list[str]:
    return [verified(secret, r).get("change") or verified(secret, r)["type"] for r in receiver.received]


async def test_a_masks_test_order_is_made_shipped_and_delivered_by_itself(client, db, worker, receiver, ops_headers):
    clinic = await create_clinic(db)
    await autopilot(client, ops_headers, clinic.slug)
    endpoint = await add_endpoint(client, clinic.test_key, receiver.url)
    order_id = await place(client, clinic.test_key)
    path = ["placed", "complete_scan", "approve_scan", "start_mesh", "start_print", "start_qa", "print_label", "ship", "deliver"]
    await run_until(worker, lambda: len(receiver.received) == len(path))
    assert signed_changes(receiver, endpoint["secret"]) == path
    status = (await client.get(status_url(order_id), headers={"X-Api-Key": clinic.test_key})).json()["data"]
    assert status["current_step_id"] == "delivered" and status["tracking"]["carrier"] == "fedex"


async def test_a_masks_rescan_tag_redoes_the_scan_and_factory_cancel_stops_the_order(client, db, worker, ops_headers):
    clinic = await create_clinic(db)
    await autopilot(client, ops_headers, clinic.slug)
    rescan = await place(client, clinic.test_key, patient_email="jane+rescan@example.com")
    await run_until_status(client, worker, status_url(rescan), clinic.test_key, "delivered")
    cancelled = await place(client, clinic.test_key, patient_email="jane+factory_cancel@example.com")
    await run_until_status(client, worker, status_url(cancelled), clinic.test_key, "cancelled")
    found = await changes(client, clinic.test_key)
    assert found[:4] == ["placed", "complete_scan", "reject_scan", "complete_scan"]  # the first scan refused, the second made
    assert found[-2:] == ["placed", "factory_cancel"]


async def run_until_status(client, worker, url: str, key: str, step: str) -> None:
    async def reached() -> bool:
        return (await client.get(url, headers={"X-Api-Key": key})).json()["data"]["current_step_id"] == step

    for _ in range(400):
        if await reached():
            return
        await worker.run_once()
    assert await reached()


async def test_a_devices_test_order_is_packed_shipped_and_delivered_by_itself(client, db, worker, receiver, ops_headers):
    world = await devices_world(db)
    await autopilot(client, ops_headers, world.customer.slug)
    endpoint = await add_endpoint(client, world.customer.test_key, receiver.url)
    order = (await client.post("/api/v3/order", json=patient_order(world, patient={"id": world.test_patient}), headers=world.headers("test"))).json()
    path = ["placed", "address_reconfirmed", "packed", "shipped", "delivered"]
    await run_until(worker, lambda: len(receiver.received) == len(path))
    assert signed_changes(receiver, endpoint["secret"]) == path
    latest = (await client.get(f"/api/v3/order/{order['id']}", headers=world.headers("test"))).json()
    assert latest["currentStatus"] == "delivered"


async def test_a_devices_patient_tagged_cancel_has_its_order_cancelled(client, db, worker, ops_headers):
    world = await devices_world(db)
    await autopilot(client, ops_headers, world.customer.slug)
    async with db.transaction() as session:
        tagged = await create_patient(
            session, scope=Scope(world.customer.account_id, "test"),
            patient_in=PatientIn(first_name="Tess", last_name="Cancel", address=dict(ADDRESS), email="tess+cancel@example.com"),
        )
    order = (await client.post("/api/v3/order", json=patient_order(world, patient={"id": tagged.id}), headers=world.headers("test"))).json()
    await run_until_changes(client, worker, world.customer.test_key, 2)
    assert await changes(client, world.customer.test_key) == ["placed", "cancelled"]
    assert (await client.get(f"/api/v3/order/{order['id']}", headers=world.headers("test"))).json()["currentStatus"] == "cancelled"


async def run_until_changes(client, worker, key: str, count: int) -> None:
    for _ in range(400):
        if len(await changes(client, key)) >= count:
            return
        await worker.run_once()
    assert len(await changes(client, key)) >= count


async def test_a_pharmacy_test_order_is_approved_paid_dispatched_and_delivered_by_itself(client, db, settings, worker, receiver, ops_headers):
    world = await pharmacy_world(db, settings.resolved_secret_key)
    await autopilot(client, ops_headers, world.slug)
    endpoint = await add_endpoint(client, world.test_key, receiver.url)
    headers = world.headers(await token_for(client, world, mode="test"), mode="test")
    placed = await client.post("/api/orders/resources/", json=order_body(world), headers=headers)
    assert placed.status_code == 201, placed.text
    path = ["placed", "approved", "paid", "building_started", "dispatched", "delivered"]
    await run_until(worker, lambda: len(receiver.received) == len(path))
    assert signed_changes(receiver, endpoint["secret"]) == path
    order = (await client.get(f"/api/orders/{placed.json()['id']}/", headers=headers)).json()["results"][0]
    assert (order["order_status"], order["payment_status"]) == ("delivered", "paid")


async def test_a_pharmacy_patient_tagged_payment_rejected_has_the_payment_rejected_and_the_order_cancelled(client, db, settings, worker, ops_headers):
    world = await pharmacy_world(db, settings.resolved_secret_key)
    await autopilot(client, ops_headers, world.slug)
    headers = world.headers(await token_for(client, world, mode="test"), mode="test")
    body = order_body(world, payment_method=world.payment_methods["spei"])  # a transfer: credit is never rejected
    body["user"]["email"] = "ana+payment_rejected@example.mx"
    placed = await client.post("/api/orders/resources/", json=body, headers=headers)
    assert placed.status_code == 201, placed.text
    await run_until_changes(client, worker, world.test_key, 3)
    assert await changes(client, world.test_key) == ["placed", "payment_rejected", "cancelled"]


async def test_a_cases_test_order_is_filled_shipped_and_delivered_by_itself_or_rejected(client, db, settings, worker, receiver, ops_headers):
    world = await cases_world(db, settings.resolved_secret_key)
    await autopilot(client, ops_headers, f"org-{world.tag}")
    endpoint = await add_endpoint(client, world.test_key, receiver.url)
    placed = await client.post(f"/api/v1/cases/{world.test_case}", json=EXAMPLE_ORDER, headers=world.headers("test"))
    assert placed.status_code == 200
    path = [f"case.order.{name}" for name in ("received", "prescription_stored", "sent_to_pharmacy", "accepted", "filled", "shipped", "delivered")]
    await run_until(worker, lambda: len(receiver.received) == len(path))
    assert [verified(endpoint["secret"], r)["type"] for r in receiver.received] == path

    opened = await client.post("/api/v1/cases", json={"patient": {"firstName": "Rita", "lastName": "Reject", "email": "rita+reject@example.com"}},
                               headers=world.headers("test"))
    case_id = opened.json()["data"]["case"]["id"]
    assert (await client.post(f"/api/v1/cases/{case_id}", json=EXAMPLE_ORDER, headers=world.headers("test"))).status_code == 200
    await run_until(worker, lambda: len(receiver.received) == len(path) + 4)
    assert [verified(endpoint["secret"], r)["type"] for r in receiver.received[len(path):]] == [
        "case.order.received", "case.order.prescription_stored", "case.order.sent_to_pharmacy", "case.order.rejected",
    ]


async def test_live_orders_are_never_touched_and_off_leaves_test_orders_where_they_are(client, db, worker, ops_headers):
    clinic = await create_clinic(db)
    await autopilot(client, ops_headers, clinic.slug)
    live = await place(client, clinic.live_key)
    await autopilot(client, ops_headers, clinic.slug, on=False)
    test = await place(client, clinic.test_key)
    for _ in range(20):
        await worker.run_once()
    assert await changes(client, clinic.live_key) == ["placed"]
    assert await changes(client, clinic.test_key) == ["placed"]
    for order_id, key in ((live, clinic.live_key), (test, clinic.test_key)):
        assert (await client.get(status_url(order_id), headers={"X-Api-Key": key})).json()["data"]["current_step_id"] == "awaiting_scan"


async def test_turned_off_midway_the_walk_stops_and_a_new_worker_carries_on_a_walk(client, db, settings, ops_headers):
    clinic = await create_clinic(db)
    await autopilot(client, ops_headers, clinic.slug)
    await place(client, clinic.test_key)
    first = Worker.for_settings(db, settings)
    await run_until_changes(client, first, clinic.test_key, 3)  # placed, complete_scan, approve_scan…
    del first  # the worker goes away mid-walk: the next step waits on the outbox
    walked = len(await changes(client, clinic.test_key))
    await run_until_changes(client, Worker.for_settings(db, settings), clinic.test_key, 9)  # a new one finishes the walk
    assert walked < 9 and (await changes(client, clinic.test_key))[-1] == "deliver"

    await place(client, clinic.test_key)
    await run_until_changes(client, Worker.for_settings(db, settings), clinic.test_key, 11)  # the second order starts walking
    await autopilot(client, ops_headers, clinic.slug, on=False)
    stopped = await changes(client, clinic.test_key)
    worker = Worker.for_settings(db, settings)
    for _ in range(20):
        await worker.run_once()
    assert await changes(client, clinic.test_key) == stopped


async def test_steps_are_an_interval_apart(client, db, worker, ops_headers):
    clinic = await create_clinic(db)
    await autopilot(client, ops_headers, clinic.slug, interval=0.3)
    await place(client, clinic.test_key)
    await run_until_changes(client, worker, clinic.test_key, 4)
    answer = await client.get(EVENTS, params={"limit": 4}, headers={"X-Api-Key": clinic.test_key})
    moments = [datetime.fromisoformat(e["created_at"].replace("Z", "+00:00")) for e in reversed(answer.json()["data"])]
    assert all((later - earlier).total_seconds() >= 0.3 for earlier, later in zip(moments, moments[1:], strict=False))


@pytest.mark.parametrize(
    "body",
    [{"autopilot": "yes"}, {"autopilot": True, "autopilot_interval_seconds": -1}, {"autopilot": True, "autopilot_interval_seconds": 1e9},
     {"autopilot": True, "extra": 1}, {}],
)
async def test_bad_settings_are_refused(client, db, ops_headers, body: dict[str, Any]):
    clinic = await create_clinic(db)
    answer = await client.put(f"/api/ops/v1/accounts/{clinic.slug}/sandbox", json=body, headers=ops_headers)
    assert answer.status_code in (400, 422) and answer.json()["error"]["code"]
    assert (await client.get(f"/api/ops/v1/accounts/{clinic.slug}/sandbox", headers=ops_headers)).json()["autopilot"] is False


async def test_an_unknown_account_and_no_operator_are_refused(client, ops_headers):
    assert (await client.put("/api/ops/v1/accounts/nobody/sandbox", json={"autopilot": True}, headers=ops_headers)).status_code == 404
    assert (await client.put("/api/ops/v1/accounts/nobody/sandbox", json={"autopilot": True})).status_code == 401


async def test_two_workers_at_once_walk_a_test_order_once(client, db, settings, ops_headers):
    clinic = await create_clinic(db)
    await autopilot(client, ops_headers, clinic.slug)
    await place(client, clinic.test_key)
    workers = [Worker.for_settings(db, settings), Worker.for_settings(db, settings)]

    async def walk(worker: Worker) -> None:
        for _ in range(300):
            if len(await changes(client, clinic.test_key)) >= 9:
                return
            await worker.run_once()

    await asyncio.gather(*(walk(w) for w in workers))
    assert await changes(client, clinic.test_key) == [
        "placed", "complete_scan", "approve_scan", "start_mesh", "start_print", "start_qa", "print_label", "ship", "deliver",
    ]
