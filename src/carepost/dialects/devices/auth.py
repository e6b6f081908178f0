"""Devices credentials: the `Impilo-API-Key` header, as contract 004 shows.

Every /api/v3 endpoint needs the devices API enabled for the account (403
"The requested feature has been disabled." otherwise); writes also need a
full-access key (403 "The requested resource is forbidden." for a read-only one).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from carepost.core.accounts.service import Caller
from carepost.core.logistics.repository import DIALECT
from carepost.http.credentials import caller_for, one_header
from carepost.http.runtime import RuntimeDep


async def devices_reader(request: Request, runtime: RuntimeDep) -> Caller:
    caller = await caller_for(request, runtime, one_header(request, "impilo-api-key"))
    caller.require_dialect(DIALECT)
    return caller


async def devices_writer(caller: Annotated[Caller, Depends(devices_reader)]) -> Caller:
    caller.require_write()
    return caller


ReaderDep = Annotated[Caller, Depends(devices_reader)]
WriterDep = Annotated[Caller, Depends(devices_writer)]
