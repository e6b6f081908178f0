"""The cases dialect's own operator routes (/api/ops/v1): open a case for an organization,
and the pipeline's orders across organizations."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Query
from pydantic import Field

from carepost.core.accounts import service as accounts
from carepost.core.accounts.service import Scope
from carepost.core.cases import cases as case_service
from carepost.core.cases import operations as cases
from carepost.dialects.cases import bodies
from carepost.dialects.cases import mapping as case_bodies
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import documented_body
from carepost.http.operators import OperatorDep
from carepost.http.runtime import RuntimeDep
from carepost.http.shapes import Shape

router = APIRouter(prefix="/api/ops/v1", tags=["operator"], strict_content_type=False)


class OpenedCase(Shape):
    id: str
    mode: str
    patient: dict[str, Any]


class PipelineOrder(Shape):
    order_id: str
    case_id: str
    account_id: int
    mode: str
    status: str
    failure: str | None
    pharmacy_reference: str | None
    placed_at: str
    updated_at: str


class PipelineOrders(Shape):
    data: list[PipelineOrder]


@router.post(
    "/accounts/{slug}/cases", status_code=201, summary="Open a case for an organization", responses={201: {"model": OpenedCase}},
    openapi_extra=documented_body(bodies.CasesOpenCaseIn, bodies.OPEN_CASE_EXAMPLE),
)
async def open_case(slug: str, body: Annotated[Any, Body()], operator: OperatorDep, runtime: RuntimeDep, mode: Literal["live",
    "test"] = "live") -> JSONResponse:
    """The body of the organization's own `POST /api/v1/cases` (docs/cases.md); `?mode=` picks the case's mode."""
    patient = case_bodies.patient_in(body)
    async with runtime.db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        made = await case_service.open_case(session, scope=Scope(account.id, mode), patient=patient)
        return JSONResponse({"id": made.public_id, "mode": made.mode, "patient": made.patient}, status_code=201)


@router.get("/cases/orders", summary="The cases pipeline's orders", responses={200: {"model": PipelineOrders}})
async def cases_orders(
    operator: OperatorDep,
    runtime: RuntimeDep,
    status: Annotated[str, Field(max_length=32)] | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> JSONResponse:
    """Newest first; `?status=failed` shows what waits for a retry, and why."""
    async with runtime.db.read() as session:
        return JSONResponse({"data": await cases.pipeline_orders(session, status=status, limit=limit)})
