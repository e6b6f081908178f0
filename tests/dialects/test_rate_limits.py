"""Rate limits: per API key (an account may set its own), per client address on the
portal, answered 429 with Retry-After and the IETF RateLimit headers in each
contract's envelope; shared by every process through Redis."""

from __future__ import annotations

import time
import uuid

import httpx
import pytest

from carepost.adapters.ratelimit import RedisCounter
from carepost.app import create_app
from carepost.core.accounts import service as accounts
from tests.devices_world import devices_world
from tests.dialects.masks.helpers import status_url
from tests.factories import create_clinic
from tests.processes import serving

REDIS = "redis://127.0.0.1:6379/0"


def _client(settings, **limits) -> httpx.AsyncClient:
    app = create_app(settings.model_copy(update=limits))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


def wait_for_a_fresh_window(seconds_needed: float = 3) -> None:
    """Fixed one-minute windows: start where the test's requests all fall into one."""
    left = 60 - time.time() % 60
    if left < seconds_needed:
        time.sleep(left + 0.1)


async def test_a_key_gets_its_limit_then_429_with_the_headers(settings, db):
    clinic = await create_clinic(db)
    headers = {"X-Api-Key": clinic.live_key}
    wait_for_a_fresh_window()
    async with _client(settings, rate_limit_per_minute=3) as client:
        answers = [await client.get(status_url("ORD_NONE"), headers=headers) for _ in range(4)]

    assert [a.status_code for a in answers] == [404, 404, 404, 429]
    assert answers[0].headers["ratelimit-policy"] == '"per-key";q=3;w=60'
    assert answers[0].headers["ratelimit"].startswith('"per-key";r=2;t=')
    refused = answers[3]
    assert refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["ratelimit"].startswith('"per-key";r=0;')


async def test_each_key_has_its_own_count_and_an_account_its_own_limit(settings, db):
    generous = await create_clinic(db)
    strict = await create_clinic(db)
    async with db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=strict.slug)
        account.rate_limit_per_minute = 1
    wait_for_a_fresh_window()
    async with _client(settings, rate_limit_per_minute=5) as client:
        strict_answers = [(await client.get(status_url("ORD_X"), headers={"X-Api-Key": strict.live_key})).status_code for _ in range(2)]
        generous_answers = [(await client.get(status_url("ORD_X"), headers={"X-Api-Key": generous.live_key})).status_code for _ in range(2)]
        test_key_answer = (await client.get(status_url("ORD_X"), headers={"X-Api-Key": strict.test_key})).status_code

    assert strict_answers == [404, 429]
    assert generous_answers == [404, 404]
    assert test_key_answer == 404  # another key of the same account counts apart


async def test_devices_answers_429_in_its_envelope(settings, db):
    world = await devices_world(db)
    wait_for_a_fresh_window()
    async with _client(settings, rate_limit_per_minute=1) as client:
        await client.get("/api/v3/order", headers=world.headers())
        refused = await client.get("/api/v3/order", headers=world.headers())

    assert refused.status_code == 429
    assert refused.json()["status"] == 429 and refused.json()["error"] == "Too Many Requests"
    assert refused.headers["retry-after"]


async def test_the_portal_is_limited_per_client_address_and_says_so_in_a_page(settings):
    wait_for_a_fresh_window()
    async with _client(settings, portal_rate_limit_per_minute=2) as client:
        params = {"order_id": "ORD_NONE", "email": "a@b.c"}
        answers = [await client.get("/api/portal/start-scan", params=params) for _ in range(3)]

    assert [a.status_code for a in answers] == [404, 404, 429]
    assert "Please wait a moment" in answers[2].text
    assert answers[2].headers["ratelimit-policy"] == '"per-address";q=2;w=60'


async def test_an_unreachable_redis_lets_requests_through():
    counter = RedisCounter("redis://127.0.0.1:1/0", namespace="nowhere")

    assert await counter.hit("key:1", window_seconds=60) is None
    await counter.close()


@pytest.mark.parametrize("limit", [4])
async def test_two_server_processes_share_one_count_through_redis(database_url, tmp_path, db, limit):
    clinic = await create_clinic(db)
    env = {
        "CAREPOST_DATABASE_URL": database_url,
        "CAREPOST_DATA_DIR": str(tmp_path),
        "CAREPOST_SECRET_KEY": "two-processes",
        "CAREPOST_REDIS_URL": REDIS,
        "CAREPOST_REDIS_NAMESPACE": f"test-{uuid.uuid4().hex}",
        "CAREPOST_RATE_LIMIT_PER_MINUTE": str(limit),
    }
    with serving(env) as first, serving(env) as second:
        wait_for_a_fresh_window(10)
        async with httpx.AsyncClient(timeout=10) as http:
            answers = []
            for turn in range(limit + 2):  # alternate between the two processes
                base = (first, second)[turn % 2]
                answers.append(await http.get(f"{base}{status_url('ORD_X')}", headers={"X-Api-Key": clinic.live_key}))

    assert [a.status_code for a in answers] == [404] * limit + [429, 429]
    remaining = [a.headers["ratelimit"].split(";")[1] for a in answers]
    assert remaining == [f"r={n}" for n in range(limit - 1, -1, -1)] + ["r=0", "r=0"]
