"""Turning presented credentials into a Caller, the same way for every dialect."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from carepost.core.accounts.service import Caller, authenticate
from carepost.core.kit.errors import Unauthenticated
from carepost.http import rate_limits
from carepost.http.runtime import Runtime, RuntimeDep

# Where one of Carepost's APIs takes a key: masks and the pharmacy, devices, cases.
KEY_HEADERS = ("x-api-key", "impilo-api-key", "cv-api-key")


def bearer_token(request: Request) -> str | None:
    scheme, _, token = one_header(request, "authorization").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def one_header(request: Request, name: str) -> str:
    """A credential header's value; the same header twice with two values is refused."""
    return one_credential(*request.headers.getlist(name)) or ""


def one_credential(*presented: str | None) -> str | None:
    """The one credential a request presents, in whichever of its accepted places.

    Two different ones (a body secret beside another key's header, or a header
    sent twice) are refused, not resolved by an order of precedence: a client
    that sends both has a bug, and guessing which one it meant may act for the
    wrong key or the wrong mode."""
    values = {value for value in presented if value}
    if len(values) > 1:
        raise Unauthenticated("The request presents more than one credential; send exactly one.", code="conflicting_credentials")
    return values.pop() if values else None


async def caller_for(request: Request, runtime: Runtime, secret: str | None) -> Caller:
    """Authenticate with one read of its own, note the Caller for the request log,
    and count the request against the key's rate limit. Once a request: a surface's
    gate (surfaces.py) may have done it already, before the body was read."""
    state = request.scope["state"]
    authenticated = state.get("authenticated")
    if authenticated is not None and authenticated[0] == secret:
        return authenticated[1]
    async with runtime.db.statement() as connection:
        caller = await authenticate(connection, secret=secret)
    state["authenticated"] = (secret, caller)
    request.state.caller = caller
    limit = caller.rate_limit_per_minute or runtime.settings.rate_limit_per_minute
    await rate_limits.enforce(request, runtime.rate_counter, key=f"key:{caller.api_key_id}", limit=limit, policy="per-key")
    return caller


async def any_key_caller(request: Request, runtime: RuntimeDep) -> Caller:
    """Any of the account's API keys, in whichever header one of its APIs takes it, or as
    `Authorization: Bearer`: for Carepost's own APIs over every flow (the sandbox's catalog, FHIR)."""
    presented = one_credential(bearer_token(request), *(one_header(request, name) or None for name in KEY_HEADERS))
    return await caller_for(request, runtime, presented)


AnyKeyCallerDep = Annotated[Caller, Depends(any_key_caller)]
