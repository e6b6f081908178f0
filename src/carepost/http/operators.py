"""The operator API's credential and envelope, for its routes wherever they are declared (ops/,
and a dialect's own `ops_routers`). Operators present `Authorization: Bearer cpo_…`;
partner keys are not accepted here. Each token is rate-limited like a partner's key
(CAREPOST_OPERATOR_RATE_LIMIT_PER_MINUTE)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from carepost.core.operators.service import Operator, authenticate
from carepost.http import rate_limits
from carepost.http.credentials import bearer_token
from carepost.http.runtime import RuntimeDep
from carepost.http.shapes import FieldError, Shape


async def current_operator(request: Request, runtime: RuntimeDep) -> Operator:
    async with runtime.db.lookup() as session:
        operator = await authenticate(session, secret=bearer_token(request))
    limit = runtime.settings.operator_rate_limit_per_minute
    await rate_limits.enforce(request, runtime.rate_counter, key=f"operator:{operator.id}", limit=limit, policy="per-token")
    return operator


OperatorDep = Annotated[Operator, Depends(current_operator)]


class OpsErrorDetail(Shape):
    code: str
    message: str
    request_id: str
    fields: list[FieldError] | None = None


class OpsError(Shape):
    error: OpsErrorDetail
