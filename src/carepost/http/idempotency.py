"""The request boundary around an idempotent POST, for every dialect: the request's identity
built in one place (`idempotent_request`), then claim the key, do the work and store its
response in one transaction (core.idempotency.service), and answer a repeat with the first
answer marked `Idempotent-Replayed: true` (`Outcome.response`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.idempotency import service as idempotency
from carepost.core.idempotency.fingerprint import fingerprint
from carepost.core.idempotency.service import IdempotentRequest, StoredResponse, stored_endpoint
from carepost.http.json_response import JSONResponse
from carepost.http.runtime import Runtime

Work = Callable[[AsyncSession], Awaitable[StoredResponse]]
REPLAYED_HEADER = "Idempotent-Replayed"


def idempotent_request(caller: Caller, key: str | None, *, endpoint: str, payload: Any) -> IdempotentRequest | None:
    """The request's idempotency identity: the key, scoped to the caller's account and key and to
    the endpoint, with the payload's fingerprint (a reused key with another body is refused).
    The credentials never take part in it."""
    if key is None:
        return None
    return IdempotentRequest(caller.account_id, caller.api_key_id, key, stored_endpoint(endpoint), fingerprint(endpoint, payload))


@dataclass(frozen=True)
class Outcome:
    status: int
    body: dict[str, Any]
    replayed: bool

    def response(self, *, replayed_status: int | None = None, replayed_body: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> JSONResponse:
        """The answer; a replay is marked, and takes the status and shape its contract gives a repeat."""
        if not self.replayed:
            return JSONResponse(self.body, status_code=self.status)
        body = replayed_body(self.body) if replayed_body is not None else self.body
        return JSONResponse(body, status_code=replayed_status or self.status, headers={REPLAYED_HEADER: "true"})


async def respond_once(runtime: Runtime, request: IdempotentRequest | None, work: Work) -> Outcome:
    ttl = timedelta(hours=runtime.settings.idempotency_ttl_hours)
    async with runtime.db.transaction() as session:
        if request is not None:
            stored = await idempotency.claim(session, request, ttl=ttl)
            if stored is not None:
                return Outcome(stored.status, stored.body, replayed=True)
        response = await work(session)
        if request is not None:
            await idempotency.complete(session, request, response)
    return Outcome(response.status, response.body, replayed=False)
