"""Contract 003's paths: parse, call the core, render. No rules here.

`POST /api/v1/cases/{caseId}` (and the contract's curl's `/api/cases/{caseId}`) takes
an action; PLACE_ORDER is the one there is. The organization's cases are made and read
under `/api/v1/cases` (docs/cases.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Path
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.cases import cases as case_service
from carepost.core.cases.place import place
from carepost.core.idempotency.service import StoredResponse
from carepost.core.kit.errors import NotFound
from carepost.dialects.cases import bodies, mapping, shapes
from carepost.dialects.cases.auth import OrganizationDep
from carepost.http.idempotency import idempotent_request, respond_once
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import documented_body
from carepost.http.runtime import RuntimeDep

router = APIRouter(tags=["cases"], strict_content_type=False)

CaseId = Annotated[str, Path(max_length=64, openapi_examples={"demo": {"summary": "The demo's test case", "value": bodies.CASE_ID_EXAMPLE}})]
AnyJson = Annotated[Any, Body()]
IdempotencyKey = Annotated[str | None, Header(min_length=1, max_length=255)]
PLACE_ORDER_ENDPOINT = "cases.place_order"


async def place_order(case_id: CaseId, body: AnyJson, caller: OrganizationDep, runtime: RuntimeDep, idempotency_key: IdempotencyKey = None) -> JSONResponse:
    """`{"action": "PLACE_ORDER", "order": {…}}`: the order is stored and answered at once
    (200, as the contract shows); its prescription and pharmacy steps follow in the worker."""
    order_in = mapping.place_order_in(body)

    async def work(session: AsyncSession) -> StoredResponse:
        order = await place(session, caller=caller, case_id=case_id, order_in=order_in)
        return StoredResponse(status=200, body=mapping.ok("Order created successfully", {"order": {"id": order.public_id}}))

    request = idempotent_request(caller, idempotency_key, endpoint=f"{PLACE_ORDER_ENDPOINT}:{case_id}", payload=body)
    return (await respond_once(runtime, request, work)).response()


for path in ("/api/v1/cases/{case_id}", "/api/cases/{case_id}"):
    router.add_api_route(
        path, place_order, methods=["POST"], summary="Act on a case: PLACE_ORDER",
        responses={200: {"model": shapes.OrderCreated}}, include_in_schema=path.startswith("/api/v1/"),
        openapi_extra=documented_body(bodies.CasesPlaceOrderIn, bodies.PLACE_ORDER_EXAMPLE),
    )


@router.post(
    "/api/v1/cases", summary="Open a case", responses={200: {"model": shapes.CaseAnswer}},
    openapi_extra=documented_body(bodies.CasesOpenCaseIn, bodies.OPEN_CASE_EXAMPLE),
)
async def open_case(body: AnyJson, caller: OrganizationDep, runtime: RuntimeDep) -> JSONResponse:
    """`{"patient": {"firstName", "lastName", "dateOfBirth"?, "sex"?, "email"?, "phoneNumber"?, "address"?}}`."""
    patient = mapping.patient_in(body)
    async with runtime.db.transaction() as session:
        made = await case_service.create_case(session, caller=caller, patient=patient)
        view = case_service.CaseView(made, [])
        return JSONResponse(mapping.ok("Case created successfully", {"case": mapping.case(view)}))


@router.get("/api/v1/cases/{case_id}", summary="A case, its orders, their statuses and timelines", responses={200: {"model": shapes.CaseAnswer}})
async def read_case(case_id: CaseId, caller: OrganizationDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.read() as session:
        view = await case_service.read_case(session, caller=caller, case_id=case_id)
    return JSONResponse(mapping.ok("Case found", {"case": mapping.case(view)}))


@router.get(
    "/api/v1/cases/{case_id}/orders/{order_id}/prescription",
    summary="An order's prescription document (PDF)", response_class=Response,
    responses={200: {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}},
)
async def prescription(case_id: CaseId, order_id: Annotated[str, Path(max_length=32)], caller: OrganizationDep, runtime: RuntimeDep) -> Response:
    """404 until the worker has made and stored it."""
    async with runtime.db.read() as session:
        view = await case_service.read_case(session, caller=caller, case_id=case_id)
    found = next((o for o in view.orders if o.order.public_id == order_id), None)
    if found is None or found.details.prescription_key is None:
        raise NotFound("Prescription not found", code="prescription_not_found")
    return Response(await runtime.documents.get(found.details.prescription_key), media_type="application/pdf")
