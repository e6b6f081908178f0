"""Any of the account's API keys, in whichever header one of its APIs takes it — `X-Api-Key`
(masks, pharmacy), `Impilo-API-Key` (devices), `cv-api-key` (cases) — or `Authorization: Bearer`.
Two different keys in one request are refused (http/credentials.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from carepost.core.accounts.service import Caller
from carepost.http.credentials import bearer_token, caller_for, one_credential, one_header
from carepost.http.runtime import RuntimeDep

KEY_HEADERS = ("x-api-key", "impilo-api-key", "cv-api-key")


async def key_caller(request: Request, runtime: RuntimeDep) -> Caller:
    presented = one_credential(bearer_token(request), *(one_header(request, name) or None for name in KEY_HEADERS))
    return await caller_for(request, runtime, presented)


CallerDep = Annotated[Caller, Depends(key_caller)]
