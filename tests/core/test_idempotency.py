"""Idempotency records: expiry and recovery from a first request that died."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import update

from carepost.core.idempotency import service as idempotency
from carepost.core.idempotency.service import IdempotentRequest, StoredResponse
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Conflict
from carepost.core.models import IdempotencyRecord
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


async def _claim(db, request: IdempotentRequest, ttl=timedelta(hours=24)):
    async with db.transaction() as session:
        return await idempotency.claim(session, request, ttl=ttl)


async def test_claim_complete_then_replay(db):
    request = await _request(db)

    assert await _claim(db, request) is None
    async with db.transaction() as session:
        await idempotency.complete(session, request, StoredResponse(201, {"ok": True}))

    assert await _claim(db, request) == StoredResponse(201, {"ok": True})


async def test_an_expired_key_can_be_used_afresh(db):
    request = await _request(db)
    await _claim(db, request)
    async with db.transaction() as session:
        await idempotency.complete(session, request, StoredResponse(201, {"first": True}))
        await session.execute(
            update(IdempotencyRecord).where(IdempotencyRecord.key == request.key).values(expires_at=utcnow() - timedelta(seconds=1))
        )

    assert await _claim(db, request) is None  # claimed anew, not replayed


async def test_a_first_request_that_died_in_flight_is_taken_over(db):
    request = await _request(db)
    await _claim(db, request)

    with pytest.raises(Conflict) as busy:
        await _claim(db, request)
    assert busy.value.code == "idempotency_key_in_use"

    async with db.transaction() as session:
        await session.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.key == request.key)
            .values(locked_at=utcnow() - idempotency.IN_FLIGHT_TIMEOUT - timedelta(seconds=1))
        )
    assert await _claim(db, request) is None


async def test_purge_removes_only_expired_records(db):
    fresh, stale = await _request(db), await _request(db)
    await _claim(db, fresh)
    await _claim(db, stale, ttl=timedelta(seconds=-1))

    async with db.transaction() as session:
        purged = await idempotency.purge_expired(session)

    assert purged >= 1
    with pytest.raises(Conflict):
        await _claim(db, fresh)  # still there, still in flight
    assert await _claim(db, stale) is None
