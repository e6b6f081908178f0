"""Turning presented credentials into a Caller, the same way for every dialect."""

from __future__ import annotations

from fastapi import Request

from carepost.core.accounts.service import Caller, authenticate
from carepost.dialects._shared import rate_limits
from carepost.dialects._shared.runtime import Runtime


def bearer_token(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


async def caller_for(request: Request, runtime: Runtime, secret: str | None) -> Caller:
    """Authenticate with one read of its own, note the Caller for the request log,
    and count the request against the key's rate limit."""
    async with runtime.db.read() as session:
        caller = await authenticate(session, secret=secret)
    request.state.caller = caller
    limit = caller.rate_limit_per_minute or runtime.settings.rate_limit_per_minute
    await rate_limits.enforce(request, runtime.rate_counter, key=f"key:{caller.api_key_id}", limit=limit, policy="per-key")
    return caller
