"""Idempotency keys, usable by every dialect's POST.

A request with a key *claims* it, does its work and *completes* the claim
with its response, all in the work's one transaction: the order and the
stored response commit together, and a request that fails leaves nothing
behind (only successful responses are kept, as Stripe keeps no result for a
request that did not run to completion). A concurrent duplicate's claim waits
on the first one's uncommitted row, then replays what it committed (or, if
it failed, runs in its place).

Conflicts, each with its own code for the dialects to render:
- `idempotency_key_in_use`: the key's record vanished between our claim and
  our read (it expired and was purged): the client may simply retry;
- `idempotency_key_reused`: another API key of the account used this key;
- `idempotency_key_mismatch`: same key, different endpoint or payload.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.idempotency.repository import IdempotencyRepository
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import Conflict


@dataclass(frozen=True)
class IdempotentRequest:
    account_id: int
    api_key_id: int
    key: str
    endpoint: str
    fingerprint: str


ENDPOINT_LENGTH = 64  # idempotency_records.endpoint


def stored_endpoint(endpoint: str) -> str:
    """The endpoint as its records name it: one holding a long id from the path (a case's) ends
    in its digest instead, so every endpoint fits its column and no two share a name."""
    if len(endpoint) <= ENDPOINT_LENGTH:
        return endpoint
    digest = hashlib.sha256(endpoint.encode()).hexdigest()[:32]
    return f"{endpoint[: ENDPOINT_LENGTH - len(digest) - 1]}#{digest}"


@dataclass(frozen=True)
class StoredResponse:
    status: int
    body: dict[str, Any]


async def claim(session: AsyncSession, request: IdempotentRequest, *, ttl: timedelta) -> StoredResponse | None:
    """Claim the key for this request (None), or return the first response to replay.

    Call it in the transaction that does the work and completes the claim."""
    repository = IdempotencyRepository(session)
    now = utcnow()
    claimed = await repository.claim(
        now=now,
        values={
            "account_id": request.account_id,
            "key": request.key,
            "api_key_id": request.api_key_id,
            "endpoint": request.endpoint,
            "fingerprint": request.fingerprint,
            "state": "in_flight",
            "locked_at": now,
            "expires_at": now + ttl,
        },
    )
    if claimed:
        return None
    existing = await repository.get(account_id=request.account_id, key=request.key)
    if existing is None:  # purged between our claim and our read: ask the client to retry
        raise Conflict("A request with this idempotency key is in progress.", code="idempotency_key_in_use")
    if existing.api_key_id != request.api_key_id:
        raise Conflict("This idempotency key was used by another API key.", code="idempotency_key_reused")
    if existing.endpoint != request.endpoint or existing.fingerprint != request.fingerprint:
        raise Conflict(
            "This idempotency key was used with a different request body.", code="idempotency_key_mismatch"
        )
    if existing.response_status is None or existing.response_body is None:  # never committed so: claims commit completed
        raise Conflict("A request with this idempotency key is in progress.", code="idempotency_key_in_use")
    return StoredResponse(status=existing.response_status, body=existing.response_body)


async def complete(session: AsyncSession, request: IdempotentRequest, response: StoredResponse) -> None:
    await IdempotencyRepository(session).complete(
        account_id=request.account_id,
        key=request.key,
        api_key_id=request.api_key_id,
        status=response.status,
        body=response.body,
    )
