"""Operators present `Authorization: Bearer cpo_…`; partner keys are not accepted here.
Each token is rate-limited like a partner's key (CAREPOST_OPERATOR_RATE_LIMIT_PER_MINUTE)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from carepost.core.operators.service import Operator, authenticate
from carepost.dialects._shared import rate_limits
from carepost.dialects._shared.credentials import bearer_token
from carepost.dialects._shared.runtime import RuntimeDep


async def current_operator(request: Request, runtime: RuntimeDep) -> Operator:
    async with runtime.db.read() as session:
        operator = await authenticate(session, secret=bearer_token(request))
    limit = runtime.settings.operator_rate_limit_per_minute
    await rate_limits.enforce(request, runtime.rate_counter, key=f"operator:{operator.id}", limit=limit, policy="per-token")
    return operator


OperatorDep = Annotated[Operator, Depends(current_operator)]
