"""Cases credentials: the `cv-api-key` header, as contract 003 shows. The contract lists
"Missing API key" under both 400 and 401; a missing key is 401 here, as an invalid one
is (docs/cases.md, "Authentication")."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from carepost.core.accounts.service import Caller
from carepost.core.cases.access import DIALECT
from carepost.http.credentials import caller_for, one_header
from carepost.http.runtime import RuntimeDep


async def organization(request: Request, runtime: RuntimeDep) -> Caller:
    caller = await caller_for(request, runtime, one_header(request, "cv-api-key"))
    caller.require_dialect(DIALECT)
    return caller


OrganizationDep = Annotated[Caller, Depends(organization)]
