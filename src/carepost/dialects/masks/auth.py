"""Masks credentials: `Authorization: Bearer`, `X-Api-Key`, or `secret_key` in
the JSON body. A request may present the same key in several of these places,
but two different keys are refused (401 `conflicting_credentials`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from carepost.core.accounts.service import Caller
from carepost.http.credentials import bearer_token, caller_for, one_credential, one_header
from carepost.http.runtime import RuntimeDep


async def _body_secret(request: Request) -> str | None:
    if request.method not in ("POST", "PUT", "PATCH"):
        return None
    try:
        # Starlette keeps the parsed body on the request: FastAPI has read it for the route's
        # model before it solves this dependency, so this parses nothing a second time.
        body = await request.json()
    except ValueError:
        return None  # an empty or malformed body: FastAPI reports the malformed one itself
    secret = body.get("secret_key") if isinstance(body, dict) else None
    return secret if isinstance(secret, str) else None


async def masks_caller(request: Request, runtime: RuntimeDep) -> Caller:
    secret = one_credential(bearer_token(request), one_header(request, "x-api-key"), await _body_secret(request))
    return await caller_for(request, runtime, secret)


CallerDep = Annotated[Caller, Depends(masks_caller)]
