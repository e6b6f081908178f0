"""Idempotency records: one transaction claims, works and completes; expiry; concurrent claims."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

from sqlalchemy import select, update

from carepost.core.idempotency import service as idempotency
from carepost.core.idempotency.service import IdempotentRequest, StoredResponse
from carepost.core.kit.clock import utcnow
from carepost.core.models import IdempotencyRecord
from carepost.core.retention.policies import RetentionPeriods
from carepost.core.retention.service import sweep
from tests.factories import create_clinic


async def _request(db, **overrides) -> IdempotentRequest:
    clinic = await create_clinic(db)
    values = {
        "account_id": clinic.account_id,
        "api_key_id": clinic.live_key_id,
        "key": f"key-{uuid.uuid4().hex}",
        "endpoint": "test.endpoint",
        "fingerprint": "f" * 64,
    }
    return IdempotentRequest(**{**values, **overrides})


async def _claim_and_complete(db, request: IdempotentRequest, body: dict, ttl=timedelta(hours=24)):
    """What a request does: claim, and on a fresh claim store its response, in one transaction."""
    async with db.transaction() as session:
        stored = await idempotency.claim(session, request, ttl=ttl)
        if stored is None:
            await idempotency.complete(session, request, StoredResponse(201, body))
        return stored


async def test_claim_complete_then_replay(db):
    request = await _request(db)

    assert await _claim_and_complete(db, request, {"ok": True}) is None
    assert await _claim_and_complete(db, request, {"ok": False}) == StoredResponse(201, {"ok": True})


async def test_a_failed_request_leaves_the_key_free(db):
    request = await _request(db)
    try:
        async with db.transaction() as session:
            assert await idempotency.claim(session, request, ttl=timedelta(hours=1)) is None
            raise RuntimeError("the work failed")
    except RuntimeError:
        pass

    async with db.transaction() as session:
        assert await session.scalar(select(IdempotencyRecord).where(IdempotencyRecord.key == request.key)) is None
    assert await _claim_and_complete(db, request, {"second": True}) is None


async def test_an_expired_key_can_be_used_afresh(db):
    request = await _request(db)
    await _claim_and_complete(db, request, {"first": True})
    async with db.transaction() as session:
        await session.execute(
            update(IdempotencyRecord).where(IdempotencyRecord.key == request.key).values(expires_at=utcnow() - timedelta(seconds=1))
        )

    assert await _claim_and_complete(db, request, {"second": True}) is None  # claimed anew, not replayed
    assert await _claim_and_complete(db, request, {"third": True}) == StoredResponse(201, {"second": True})


async def test_a_concurrent_claim_waits_for_the_first_then_replays_it(db):
    request = await _request(db)
    async with db.transaction() as first:
        assert await idempotency.claim(first, request, ttl=timedelta(hours=1)) is None
        second = asyncio.create_task(_claim_and_complete(db, request, {"second": True}))
        await asyncio.sleep(0.3)
        assert not second.done()  # waiting on the first transaction, not running the work
        await idempotency.complete(first, request, StoredResponse(201, {"first": True}))

    assert await asyncio.wait_for(second, timeout=10) == StoredResponse(201, {"first": True})


async def test_a_record_an_earlier_version_left_in_flight_is_taken_over(db):
    request = await _request(db)
    async with db.transaction() as session:
        await idempotency.claim(session, request, ttl=timedelta(hours=1))  # committed without its response

    assert await _claim_and_complete(db, request, {"again": True}) is None


async def test_purge_removes_only_expired_records(db):
    fresh, stale = await _request(db), await _request(db)
    await _claim_and_complete(db, fresh, {"fresh": True})
    await _claim_and_complete(db, stale, {"stale": True}, ttl=timedelta(seconds=-1))

    purged = await sweep(db, RetentionPeriods())

    assert purged["idempotency_keys"] >= 1
    assert await _claim_and_complete(db, fresh, {}) == StoredResponse(201, {"fresh": True})
    assert await _claim_and_complete(db, stale, {"new": True}) is None


def test_a_long_endpoint_is_stored_by_its_digest_and_two_never_share_a_name():
    from carepost.core.idempotency.service import ENDPOINT_LENGTH, stored_endpoint

    short = "cases.place_order:123e4567-e89b-12d3-a456-426614174000"
    first, second = stored_endpoint("cases.place_order:" + "0" * 64), stored_endpoint("cases.place_order:" + "0" * 63 + "1")
    assert stored_endpoint(short) == short
    assert len(first) == len(second) == ENDPOINT_LENGTH and first != second and first.startswith("cases.place_order:")
