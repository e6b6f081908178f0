"""How deliveries behave: retried on the (shortened) schedule with one webhook-id, 410
disables, a hanging receiver is cut at the timeout, one order's events stay in order,
rotation signs with both secrets, replays resend, a long-failing endpoint is disabled."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from standardwebhooks.webhooks import WebhookVerificationError

from carepost.core.models import WebhookEndpoint
from carepost.worker import Worker
from tests.pharmacy_world import order_body, pharmacy_world, token_for
from tests.servers import serve
from tests.webhook_receiver import ReceiverState, receiver_app
from tests.webhooks.conftest import add_endpoint, run_until, run_until_delivery, verified


@pytest.fixture
async def world(db, settings):
    return await pharmacy_world(db, settings.resolved_secret_key)


def key(world) -> dict[str, str]:
    return {"Authorization": f"Bearer {world.live_key}"}


async def deliveries(client, world, endpoint_id: str, **params: str) -> list[dict]:
    answer = await client.get(f"/api/webhooks/v1/endpoints/{endpoint_id}/deliveries", params=params, headers=key(world))
    assert answer.status_code == 200, answer.text
    return answer.json()["data"]


async def test_500_twice_then_200_is_three_requests_with_one_webhook_id(client, world, worker, receiver):
    endpoint = await add_endpoint(client, world.live_key, receiver.url)
    receiver.script = [500, 500]
    await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers=key(world))
    await run_until_delivery(worker, client, world.live_key, endpoint["id"], lambda d: d["status"] == "succeeded")
    await worker.run_once()  # a settled delivery is sent no more
    assert len(receiver.received) == 3 and len({r.headers["webhook-id"] for r in receiver.received}) == 1
    assert all(verified(endpoint["secret"], r)["type"] == "webhook.test" for r in receiver.received)
    [delivery] = await deliveries(client, world, endpoint["id"])
    assert delivery["status"] == "succeeded" and delivery["attempts"] == 3
    assert [a["status_code"] for a in delivery["attempt_log"]] == [500, 500, 200]
    assert len(delivery["attempt_log"][0]["response_excerpt"]) == 1024  # the first KB of the answer, no more


async def test_410_disables_the_endpoint(client, world, worker, receiver):
    endpoint = await add_endpoint(client, world.live_key, receiver.url)
    receiver.script = [410]
    await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers=key(world))
    await run_until_delivery(worker, client, world.live_key, endpoint["id"], lambda d: d["status"] == "failed")
    await worker.run_once()
    shown = (await client.get(f"/api/webhooks/v1/endpoints/{endpoint['id']}", headers=key(world))).json()
    assert shown["enabled"] is False and "410" in shown["disabled_reason"]
    assert len(receiver.received) == 1 and (await deliveries(client, world, endpoint["id"]))[0]["status"] == "failed"
    refused = await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers=key(world))
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "endpoint_disabled"


async def test_a_hanging_receiver_is_cut_at_the_timeout(client, world, worker, receiver, settings):
    endpoint = await add_endpoint(client, world.live_key, receiver.url)
    receiver.hang_seconds = settings.webhook_timeout_seconds + 3
    await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers=key(world))
    started = asyncio.get_running_loop().time()
    await run_until(worker, lambda: len(receiver.received) >= 1)
    [delivery] = await deliveries(client, world, endpoint["id"])
    while not delivery["attempt_log"]:
        await worker.run_once()
        [delivery] = await deliveries(client, world, endpoint["id"])
    elapsed = asyncio.get_running_loop().time() - started
    attempt = delivery["attempt_log"][0]
    assert attempt["status_code"] is None and "No answer within 2 s" in attempt["error"]
    assert settings.webhook_timeout_seconds * 1000 <= attempt["duration_ms"] < (settings.webhook_timeout_seconds + 1) * 1000
    assert elapsed < settings.webhook_timeout_seconds + 3


async def test_one_orders_events_arrive_in_order_even_when_the_first_is_retried(client, db, world, worker, receiver, ops_headers):
    endpoint = await add_endpoint(client, world.live_key, receiver.url)
    receiver.script = [503, 503]
    token = await token_for(client, world)
    created = (await client.post("/api/orders/resources/", json=order_body(world), headers=world.headers(token))).json()
    await client.patch(f"/api/orders/{created['id']}/", json={"order_status": "cancelled"}, headers=world.headers(token))
    await run_until(worker, lambda: len(receiver.received) >= 4)
    changes = [verified(endpoint["secret"], r)["change"] for r in receiver.received]
    assert changes == ["placed", "placed", "placed", "cancelled"]  # the cancellation waited for the creation


async def test_retry_after_is_honoured(client, world, worker, receiver):
    endpoint = await add_endpoint(client, world.live_key, receiver.url)
    receiver.script, receiver.retry_after = [429], "30"
    await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers=key(world))
    delivery = await run_until_delivery(worker, client, world.live_key, endpoint["id"], lambda d: d["attempts"] == 1)
    await worker.run_once()  # not due again: nothing is sent
    assert delivery["status"] == "pending" and len(receiver.received) == 1
    next_attempt = datetime.fromisoformat(delivery["next_attempt_at"].replace("Z", "+00:00"))
    assert next_attempt - datetime.now(UTC) > timedelta(seconds=25)  # not the schedule's 0.1 s


async def test_a_rotation_signs_with_both_secrets_for_a_day(client, world, worker, receiver):
    endpoint = await add_endpoint(client, world.live_key, receiver.url)
    rotated = (await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/rotate-secret", headers=key(world))).json()
    assert rotated["secret"] != endpoint["secret"] and rotated["secret"].startswith("whsec_")
    await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers=key(world))
    await run_until(worker, lambda: len(receiver.received) >= 1)
    [got] = receiver.received
    assert len(got.headers["webhook-signature"].split(" ")) == 2
    assert verified(endpoint["secret"], got) == verified(rotated["secret"], got)


async def test_replay_one_event_and_every_failure_since(client, world, worker, receiver):
    endpoint = await add_endpoint(client, world.live_key, receiver.url)
    receiver.script = [500, 500, 500, 500]  # every scheduled attempt fails
    sent = (await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers=key(world))).json()
    await run_until_delivery(worker, client, world.live_key, endpoint["id"], lambda d: d["status"] == "failed")
    assert [d["status"] for d in await deliveries(client, world, endpoint["id"], status="failed")] == ["failed"]

    replayed = await client.post(f"/api/webhooks/v1/events/{sent['event_id']}/replay", headers=key(world))
    assert replayed.status_code == 202 and replayed.json() == {"replayed": 1}
    await run_until(worker, lambda: len(receiver.received) >= 5)
    assert receiver.received[-1].headers["webhook-id"] == sent["event_id"]

    receiver.script = [500, 500, 500, 500]
    await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers=key(world))
    await run_until_delivery(worker, client, world.live_key, endpoint["id"], lambda d: d["status"] == "failed")
    since = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    again = await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/replay", json={"since": since}, headers=key(world))
    assert again.json() == {"replayed": 1}  # the first event succeeded on its replay; the second failed
    await run_until(worker, lambda: len(receiver.received) >= 10)
    assert not await deliveries(client, world, endpoint["id"], status="failed")


async def test_an_endpoint_failing_too_long_is_disabled_and_an_event_says_so(client, db, world, worker, receiver):
    watcher = await add_endpoint(client, world.live_key, receiver.url + "/watcher", event_types=["webhook.endpoint.disabled"])
    failing = await add_endpoint(client, world.live_key, receiver.url + "/failing")
    async with db.transaction() as session:  # it has been failing for five days
        await session.execute(
            update(WebhookEndpoint).where(WebhookEndpoint.public_id == failing["id"]).values(failing_since=datetime.now(UTC) - timedelta(days=5))
        )
    receiver.script = [500]
    await client.post(f"/api/webhooks/v1/endpoints/{failing['id']}/test", headers=key(world))
    await run_until(worker, lambda: any(r.path == "/watcher" for r in receiver.received))
    notice = verified(watcher["secret"], next(r for r in receiver.received if r.path == "/watcher"))
    assert notice["type"] == "webhook.endpoint.disabled" and notice["data"]["id"] == failing["id"]
    shown = (await client.get(f"/api/webhooks/v1/endpoints/{failing['id']}", headers=key(world))).json()
    assert shown["enabled"] is False and "failed every delivery" in shown["disabled_reason"]


async def test_redirects_are_not_followed(client, world, worker, receiver):
    elsewhere = ReceiverState()
    with serve(lambda: receiver_app(elsewhere)) as other:
        endpoint = await add_endpoint(client, world.live_key, receiver.url)
        receiver.script, receiver.location = [307], other + "/stolen"
        await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers=key(world))
        await run_until(worker, lambda: len(receiver.received) >= 2)  # the retry came back to the endpoint itself
    assert elsewhere.received == []
    [delivery] = await deliveries(client, world, endpoint["id"])
    assert [a["status_code"] for a in delivery["attempt_log"]] == [307, 200]


async def test_a_receivers_cookie_is_never_sent_back(client, world, worker, receiver):
    """The sender's connections are shared by every partner: a cookie one sets must reach no one."""
    endpoint = await add_endpoint(client, world.live_key, receiver.url)
    receiver.set_cookie = "partner_session=secret-of-one-partner; Path=/"
    for _ in range(2):
        await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers=key(world))
        count = len(receiver.received)
        await run_until(worker, lambda count=count: len(receiver.received) > count)
    assert [r.headers.get("cookie") for r in receiver.received] == [None, None]


async def test_two_workers_never_send_one_delivery_twice(client, db, settings, world, receiver):
    endpoint = await add_endpoint(client, world.live_key, receiver.url)
    for _ in range(12):
        await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers=key(world))
    workers = [Worker.for_settings(db, settings) for _ in range(3)]
    for _ in range(4):
        await asyncio.gather(*(w.run_once() for w in workers))
    await asyncio.gather(*(w.close() for w in workers))
    ids = [r.headers["webhook-id"] for r in receiver.received]
    assert len(ids) == 12 and len(set(ids)) == 12


async def test_after_a_day_only_the_new_secret_signs(client, db, world, worker, receiver):
    endpoint = await add_endpoint(client, world.live_key, receiver.url)
    rotated = (await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/rotate-secret", headers=key(world))).json()
    async with db.transaction() as session:  # the day of overlap is over
        await session.execute(
            update(WebhookEndpoint).where(WebhookEndpoint.public_id == endpoint["id"]).values(previous_secret_until=datetime.now(UTC) - timedelta(seconds=1))
        )
    await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers=key(world))
    await run_until(worker, lambda: len(receiver.received) >= 1)
    [got] = receiver.received
    assert len(got.headers["webhook-signature"].split(" ")) == 1
    assert verified(rotated["secret"], got)["type"] == "webhook.test"
    with pytest.raises(WebhookVerificationError):
        verified(endpoint["secret"], got)
