"""The events API: every event of an account and mode, newest first, with Stripe's cursors,
filters, its own scope, and the retention the worker keeps; and a receiver that was down
recovering every event it missed through it, page by page."""

from __future__ import annotations

import json
from typing import Any

import pytest

from carepost.core.retention.policies import RetentionPeriods
from carepost.core.retention.service import sweep
from tests.devices_world import devices_world, patient_order
from tests.dialects.masks.helpers import place
from tests.factories import create_clinic
from tests.webhooks.conftest import add_endpoint, run_until

EVENTS = "/api/webhooks/v1/events"
STEPS = ("complete_scan", "approve_scan", "start_mesh")


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def events(client, key: str, **query: Any) -> dict[str, Any]:
    answer = await client.get(EVENTS, params=query, headers=bearer(key))
    assert answer.status_code == 200, answer.text
    return answer.json()


async def move(client, ops_headers, order_id: str, *steps: str) -> None:
    for step in steps:
        moved = await client.post(f"/api/ops/v1/orders/{order_id}/actions/{step}", headers=ops_headers)
        assert moved.status_code == 200, moved.text


async def test_every_order_event_is_listed_newest_first_without_any_endpoint(client, db, ops_headers):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    await move(client, ops_headers, order_id, *STEPS)

    listed = await events(client, clinic.live_key)
    assert listed["object"] == "list" and listed["has_more"] is False
    assert [e["payload"]["change"] for e in listed["data"]] == ["start_mesh", "approve_scan", "complete_scan", "placed"]
    first = listed["data"][-1]
    assert first["type"] == "order.created" and first["order_id"] == order_id and first["mode"] == "live"
    assert first["payload"]["data"]["vitacore_order_id"] == order_id  # the body a delivery sends
    one = await client.get(f"{EVENTS}/{first['id']}", headers={"X-Api-Key": clinic.live_key})
    assert one.status_code == 200 and one.json() == first


async def test_filters_by_type_family_order_and_time(client, db, ops_headers):
    clinic = await create_clinic(db)
    first, second = await place(client, clinic.live_key), await place(client, clinic.live_key)
    await move(client, ops_headers, first, "complete_scan")

    assert [e["order_id"] for e in (await events(client, clinic.live_key, type="order.created"))["data"]] == [second, first]
    assert len((await events(client, clinic.live_key, type="order.*"))["data"]) == 3
    assert (await events(client, clinic.live_key, type="case.order.*"))["data"] == []
    assert [e["payload"]["change"] for e in (await events(client, clinic.live_key, order_id=first))["data"]] == ["complete_scan", "placed"]
    everything = (await events(client, clinic.live_key))["data"]
    newest = everything[0]["created_at"]
    assert [e["id"] for e in (await events(client, clinic.live_key, since=newest))["data"]] == [everything[0]["id"]]
    assert everything[0]["id"] not in [e["id"] for e in (await events(client, clinic.live_key, until=newest))["data"]]


async def test_a_numbered_flows_events_name_the_order_by_its_number(client, db):
    world = await devices_world(db)
    order = (await client.post("/api/v3/order", json=patient_order(world, orderKits=[]), headers=world.headers())).json()
    listed = await events(client, world.customer.live_key, order_id=str(order["id"]))
    assert [(e["type"], e["order_id"]) for e in listed["data"]] == [("order.created", str(order["id"]))]


async def test_cursors_page_both_ways_with_no_gap_and_no_repeat(client, db, ops_headers):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    await move(client, ops_headers, order_id, *STEPS)  # four events in all
    everything = [e["id"] for e in (await events(client, clinic.live_key))["data"]]

    page = await events(client, clinic.live_key, limit=3)
    assert [e["id"] for e in page["data"]] == everything[:3] and page["has_more"] is True
    rest = await events(client, clinic.live_key, limit=3, starting_after=everything[2])
    assert [e["id"] for e in rest["data"]] == everything[3:] and rest["has_more"] is False
    newer = await events(client, clinic.live_key, limit=2, ending_before=everything[3])
    assert [e["id"] for e in newer["data"]] == everything[1:3] and newer["has_more"] is True  # the two just newer, newest first
    newest = await events(client, clinic.live_key, limit=2, ending_before=everything[1])
    assert [e["id"] for e in newest["data"]] == everything[:1] and newest["has_more"] is False


async def test_another_accounts_or_modes_events_are_not_there(client, db):
    clinic, other = await create_clinic(db), await create_clinic(db)
    await place(client, clinic.live_key)
    event_id = (await events(client, clinic.live_key))["data"][0]["id"]

    assert (await events(client, clinic.test_key))["data"] == []  # the test key sees test events only
    assert (await events(client, other.live_key))["data"] == []
    for key in (other.live_key, clinic.test_key):
        missing = await client.get(f"{EVENTS}/{event_id}", headers=bearer(key))
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "event_not_found"
        cursor = await client.get(EVENTS, params={"starting_after": event_id}, headers=bearer(key))
        assert cursor.status_code == 400 and cursor.json()["error"]["code"] == "event_not_found"
    assert (await client.get(f"{EVENTS}/msg_unknown", headers=bearer(clinic.live_key))).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"limit": "0"}, {"limit": "101"}, {"limit": "ten"}, {"since": "yesterday"}, {"until": "99999-01-01T00:00:00Z"},
        {"type": "x" * 65}, {"order_id": "o" * 65}, {"starting_after": "m" * 41}, {"type": ""},
        {"type": "order.\x00"}, {"order_id": "ORD_\x00"}, {"starting_after": "msg_\x00"}, {"ending_before": "msg_\u2028"},
        {"order_id": "9" * 30}, {"since": "2026-12-05T00:00:00\x00"},
    ],
)
async def test_bad_queries_are_refused_in_the_platforms_envelope(client, db, query):
    clinic = await create_clinic(db)
    answer = await client.get(EVENTS, params=query, headers=bearer(clinic.live_key))
    if query.get("order_id") == "9" * 30:  # a number past any id names no order: nothing, not an error
        assert answer.status_code == 200 and answer.json()["data"] == []
        return
    assert answer.status_code in (400, 422), answer.text
    assert answer.json()["error"]["code"]


async def test_both_cursors_at_once_are_refused(client, db):
    clinic = await create_clinic(db)
    await place(client, clinic.live_key)
    event_id = (await events(client, clinic.live_key))["data"][0]["id"]
    answer = await client.get(EVENTS, params={"starting_after": event_id, "ending_before": event_id}, headers=bearer(clinic.live_key))
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "conflicting_cursors"


async def test_without_a_key_there_is_nothing(client):
    assert (await client.get(EVENTS)).status_code == 401


async def test_the_worker_forgets_events_past_their_retention(client, db, ops_headers):
    clinic = await create_clinic(db)
    await place(client, clinic.live_key)
    assert len((await events(client, clinic.live_key))["data"]) == 1

    await sweep(db, RetentionPeriods(webhook_event_days=30))
    assert len((await events(client, clinic.live_key))["data"]) == 1  # a second old: kept
    await sweep(db, RetentionPeriods(webhook_event_days=0))
    assert (await events(client, clinic.live_key))["data"] == []


async def test_a_receiver_that_was_down_recovers_every_missed_event_page_by_page(client, db, worker, receiver, ops_headers):
    clinic = await create_clinic(db)
    await add_endpoint(client, clinic.live_key, receiver.url)
    first = await place(client, clinic.live_key)
    await run_until(worker, lambda: len(receiver.received) == 1)
    last_seen = receiver.received[0].headers["webhook-id"]

    receiver.script = [503] * 1000  # down
    await move(client, ops_headers, first, *STEPS)
    second = await place(client, clinic.live_key)
    await move(client, ops_headers, second, "complete_scan", "approve_scan")
    await run_until(worker, lambda: len({r.headers["webhook-id"] for r in receiver.received}) == 7)  # each tried, each refused

    recovered: list[dict[str, Any]] = []
    cursor = last_seen
    while True:  # what a partner does when it comes back: everything newer than what it has, two at a time
        page = await events(client, clinic.live_key, ending_before=cursor, limit=2)
        recovered.extend(reversed(page["data"]))  # oldest first
        if not page["has_more"]:
            break
        cursor = page["data"][0]["id"]

    missed = receiver.received[1:]
    recovered_ids = [e["id"] for e in recovered]
    assert len(recovered_ids) == len(set(recovered_ids)) == 6  # none twice
    assert set(recovered_ids) == {r.headers["webhook-id"] for r in missed}  # every one it missed
    assert recovered_ids == [e["id"] for e in reversed((await events(client, clinic.live_key, limit=100))["data"][:6])]  # as they happened
    bodies = {r.headers["webhook-id"]: json.loads(r.body) for r in missed}
    assert all(e["payload"] == bodies[e["id"]] for e in recovered)  # the very body each delivery carried
    assert [e["order_id"] for e in recovered] == [first] * 3 + [second] * 3
