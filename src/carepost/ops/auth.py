"""Operators present `Authorization: Bearer cpo_…`; partner keys are not accepted here."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from carepost.core.operators.service import Operator, authenticate
from carepost.dialects._shared.credentials import bearer_token
from carepost.dialects._shared.runtime import RuntimeDep


async def current_operator(request: Request, runtime: RuntimeDep) -> Operator:
    async with runtime.db.transaction() as session:
        return await authenticate(session, secret=bearer_token(request))


OperatorDep = Annotated[Operator, Depends(current_operator)]
