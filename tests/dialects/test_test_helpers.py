"""Test helpers in the pharmacy and cases sandboxes (masks' and devices' have their own tests):
a test key moves its test orders through every step, happy and unhappy, each move an event;
a live key, another tenant's order, a move the status forbids and a bad body are refused in
the dialect's own envelope."""

from __future__ import annotations

import asyncio

import pytest

from tests.cases_world import EXAMPLE_ORDER, CasesWorld, cases_world
from tests.pharmacy_world import PharmacyWorld, order_body, pharmacy_world, token_for

EVENTS = "/api/webhooks/v1/events"


async def event_changes(client, key: str) -> list[str]:
    answer = await client.get(EVENTS, params={"limit": 100}, headers={"Authorization": f"Bearer {key}"})
    return [e["payload"].get("change", e["type"]) for e in reversed(answer.json()["data"])]


# --- pharmacy ---------------------------------------------------------------------------------


@pytest.fixture
async def pharmacy(db, settings) -> PharmacyWorld:
    return await pharmacy_world(db, settings.resolved_secret_key)


async def pharmacy_test_order(client, world: PharmacyWorld) -> tuple[int, dict[str, str]]:
    headers = world.headers(await token_for(client, world, mode="test"), mode="test")
    placed = await client.post("/api/orders/resources/", json=order_body(world, payment_method=world.payment_methods["spei"]), headers=headers)
    assert placed.status_code == 201, placed.text
    return placed.json()["id"], headers


def pharmacy_helper(order_id: int | str, action: str) -> str:
    return f"/api/test_helpers/orders/{order_id}/{action}/"


async def test_a_pharmacy_test_order_walks_its_whole_path_by_test_helpers(client, pharmacy):
    order_id, headers = await pharmacy_test_order(client, pharmacy)
    steps = (
        ("approve", {}), ("start_building", {}), ("start_payment", {}), ("mark_paid", {}),
        ("dispatch", {"carrier": "dhl", "tracking_number": "JD014600006281234567"}), ("deliver", {"note": "left at the door"}),
    )
    for action, body in steps:
        moved = await client.post(pharmacy_helper(order_id, action), json=body, headers=headers)
        assert moved.status_code == 200, (action, moved.text)
    answered = moved.json()
    assert (answered["id"], answered["order_status"], answered["payment_status"]) == (order_id, "delivered", "paid")
    assert await event_changes(client, pharmacy.test_key) == [
        "placed", "approved", "building_started", "payment_started", "paid", "dispatched", "delivered",
    ]


async def test_a_pharmacy_test_orders_payment_can_be_rejected_and_the_order_cancelled(client, pharmacy):
    order_id, headers = await pharmacy_test_order(client, pharmacy)
    rejected = await client.post(pharmacy_helper(order_id, "reject_payment"), json={"reason": "card declined"}, headers=headers)
    assert rejected.status_code == 200 and rejected.json()["payment_status"] == "rejected"
    cancelled = await client.post(pharmacy_helper(order_id, "cancel"), headers=headers)
    assert cancelled.status_code == 200 and cancelled.json()["order_status"] == "cancelled"
    assert await event_changes(client, pharmacy.test_key) == ["placed", "payment_rejected", "cancelled"]


async def test_pharmacy_test_helpers_refuse_in_drfs_words(client, db, settings, pharmacy):
    order_id, headers = await pharmacy_test_order(client, pharmacy)
    live = pharmacy.headers(await token_for(client, pharmacy))
    refused = await client.post(pharmacy_helper(order_id, "approve"), headers=live)
    assert refused.status_code == 403 and refused.json() == {"detail": "Test helpers work only with test keys, on test orders."}

    other = await pharmacy_world(db, settings.resolved_secret_key)
    other_headers = other.headers(await token_for(client, other, mode="test"), mode="test")
    for unknown in (order_id, 999_999_999, "abc", "9" * 30):
        missing = await client.post(pharmacy_helper(unknown, "approve"), headers=other_headers)
        assert missing.status_code == 404 and missing.json() == {"detail": "Not found."}
    control = await client.post(pharmacy_helper("%00", "approve"), headers=other_headers)  # refused at the edge
    assert control.status_code == 400 and control.json() == {"path": ["Null characters are not allowed."]}

    too_early = await client.post(pharmacy_helper(order_id, "deliver"), headers=headers)
    assert too_early.status_code == 409 and too_early.json() == {"detail": "An order in status quoted can't deliver."}
    not_an_action = await client.post(pharmacy_helper(order_id, "explode"), headers=headers)
    assert not_an_action.status_code == 400 and "action" in not_an_action.json()
    not_its_input = await client.post(pharmacy_helper(order_id, "approve"), json={"carrier": "dhl"}, headers=headers)
    assert not_its_input.status_code == 400 and "carrier" in not_its_input.json()
    bad_type = await client.post(pharmacy_helper(order_id, "reject_payment"), json={"reason": 5}, headers=headers)
    assert bad_type.status_code == 400 and "reason" in bad_type.json()
    assert (await client.post(pharmacy_helper(order_id, "approve"), headers={"X-API-Key": pharmacy.test_key})).status_code == 401
    assert await event_changes(client, pharmacy.test_key) == ["placed"]  # nothing refused moved it


# --- cases ------------------------------------------------------------------------------------


@pytest.fixture
async def cases(db, settings) -> CasesWorld:
    return await cases_world(db, settings.resolved_secret_key)


async def cases_test_order(client, world: CasesWorld) -> str:
    placed = await client.post(f"/api/v1/cases/{world.test_case}", json=EXAMPLE_ORDER, headers=world.headers("test"))
    assert placed.status_code == 200, placed.text
    return placed.json()["data"]["order"]["id"]


def cases_helper(world: CasesWorld, order_id: str, action: str, case: str | None = None) -> str:
    return f"/api/v1/test_helpers/cases/{case or world.test_case}/orders/{order_id}/{action}"


async def order_status(client, world: CasesWorld, order_id: str) -> dict:
    case = (await client.get(f"/api/v1/cases/{world.test_case}", headers=world.headers("test"))).json()["data"]["case"]
    return next(o for o in case["orders"] if o["id"] == order_id)


async def sent_to_the_pharmacy(client, world: CasesWorld, worker, order_id: str) -> None:
    """The pipeline's own steps; then a test order waits for its helpers (or the autopilot)."""
    for _ in range(100):
        if (await order_status(client, world, order_id))["status"] == "sent_to_pharmacy":
            break
        if not await worker.run_once():
            await asyncio.sleep(0.02)
    for _ in range(5):  # and stays there
        await worker.run_once()
    assert (await order_status(client, world, order_id))["status"] == "sent_to_pharmacy"


@pytest.fixture
def worker(db, settings):
    from carepost.worker import Worker

    return Worker.for_settings(db, settings)


async def test_a_cases_test_order_walks_its_whole_path_by_test_helpers(client, cases, worker):
    order_id = await cases_test_order(client, cases)
    await sent_to_the_pharmacy(client, cases, worker, order_id)
    for action, body in (("accept", {}), ("fill", {}), ("ship", {"carrier": "ups", "tracking_number": "1Z999AA10123456784"}), ("deliver", {})):
        moved = await client.post(cases_helper(cases, order_id, action), json=body, headers=cases.headers("test"))
        assert moved.status_code == 200, (action, moved.text)
    answer = moved.json()
    assert answer["success"] is True and answer["data"]["order"]["status"] == "delivered"
    assert answer["data"]["order"]["tracking"]["trackingNumber"] == "1Z999AA10123456784"
    assert await event_changes(client, cases.test_key) == [
        "received", "prescription_stored", "sent_to_pharmacy", "accepted", "filled", "shipped", "delivered",
    ]


async def test_a_cases_test_order_can_be_rejected_or_fail_and_be_retried(client, cases, worker):
    rejected_id = await cases_test_order(client, cases)
    await sent_to_the_pharmacy(client, cases, worker, rejected_id)
    rejected = await client.post(cases_helper(cases, rejected_id, "reject"), json={"reason": "out of stock"}, headers=cases.headers("test"))
    assert rejected.status_code == 200
    assert (rejected.json()["data"]["order"]["status"], rejected.json()["data"]["order"]["failure"]) == ("rejected", "out of stock")

    failing_id = await cases_test_order(client, cases)  # the pipeline gives up before the pharmacy has it
    failed = await client.post(cases_helper(cases, failing_id, "fail"), json={"reason": "pharmacy unreachable"}, headers=cases.headers("test"))
    assert failed.status_code == 200 and failed.json()["data"]["order"]["failure"] == "pharmacy unreachable"
    retried = await client.post(cases_helper(cases, failing_id, "retry"), headers=cases.headers("test"))
    assert retried.status_code == 200 and retried.json()["data"]["order"]["status"] == "received"
    types = [e["type"] for e in reversed((await client.get(EVENTS, params={"order_id": failing_id}, headers={"X-Api-Key": cases.test_key})).json()["data"])]
    assert types == ["case.order.received", "case.order.failed", "case.order.retried"]


async def test_cases_test_helpers_refuse_in_the_contracts_envelope(client, cases):
    order_id = await cases_test_order(client, cases)
    live = await client.post(cases_helper(cases, order_id, "accept"), headers=cases.headers("live"))
    assert live.status_code == 403 and live.json() == {
        "status": 403, "success": False, "message": "Forbidden", "error": "Test helpers work only with test keys, on test orders.",
    }
    other = await client.post(cases_helper(cases, order_id, "accept", case=cases.other_case), headers=cases.headers("test"))
    assert other.status_code == 403 and other.json()["error"] == "Case does not belong to the organization"
    unknown = await client.post(cases_helper(cases, "ord_unknown", "accept"), headers=cases.headers("test"))
    assert unknown.status_code == 404 and unknown.json()["error"] == "Order not found."
    for odd in ("ord%00x", "9" * 30):
        assert (await client.post(cases_helper(cases, odd, "accept"), headers=cases.headers("test"))).status_code in (400, 404)
    assert (await client.post(cases_helper(cases, order_id, "accept", case="%00"), headers=cases.headers("test"))).status_code in (400, 403)
    too_early = await client.post(cases_helper(cases, order_id, "deliver"), headers=cases.headers("test"))
    assert too_early.status_code == 409 and too_early.json()["success"] is False
    for action, body in (("explode", {}), ("accept", {"carrier": "ups"}), ("reject", {"reason": ["x"]})):
        refused = await client.post(cases_helper(cases, order_id, action), json=body, headers=cases.headers("test"))
        assert refused.status_code == 400 and refused.json()["message"] == "Invalid request", refused.text
    assert (await client.post(cases_helper(cases, order_id, "accept"))).status_code == 401
    assert await event_changes(client, cases.test_key) == ["received"]


async def test_racing_test_helpers_move_an_order_once(client, pharmacy):
    order_id, headers = await pharmacy_test_order(client, pharmacy)
    answers = await asyncio.gather(*(client.post(pharmacy_helper(order_id, "approve"), headers=headers) for _ in range(6)))
    assert sorted(a.status_code for a in answers) == [200] + [409] * 5
    assert await event_changes(client, pharmacy.test_key) == ["placed", "approved"]
