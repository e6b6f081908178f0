"""Any of the account's API keys, in `Authorization: Bearer` or `X-Api-Key`; the key's
mode is the endpoints' mode (a test key manages test endpoints)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from carepost.core.accounts.service import Caller
from carepost.http.credentials import bearer_token, caller_for, one_credential, one_header
from carepost.http.runtime import RuntimeDep


async def key_caller(request: Request, runtime: RuntimeDep) -> Caller:
    return await caller_for(request, runtime, one_credential(bearer_token(request), one_header(request, "x-api-key")))


CallerDep = Annotated[Caller, Depends(key_caller)]
