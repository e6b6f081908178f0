"""FUPC and barcode lookups, GET with query parameters or POST with a JSON body."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from carepost.core.manufacturing.barcodes import ParsedBarcode, parse_barcode, parse_fupc
from carepost.core.manufacturing.lookup import look_up
from carepost.dialects.masks import examples, shapes
from carepost.dialects.masks.auth import CallerDep
from carepost.dialects.masks.responses import success
from carepost.dialects.masks.schemas import BarcodeLookupIn, FupcLookupIn, RequestType
from carepost.dialects.masks.sections import lookup_body
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import body_example, error_responses
from carepost.http.runtime import Runtime, RuntimeDep, request_id_of

router = APIRouter(prefix="/api/partner/v1", tags=["masks"], strict_content_type=False)

_FUPC: dict[int | str, dict[str, Any]] = {200: {"model": shapes.LookupAnswer}, **error_responses(shapes.MasksError, described=examples.FUPC_ERRORS)}
_BARCODE: dict[int | str, dict[str, Any]] = {
    200: {"model": shapes.LookupAnswer}, **error_responses(shapes.MasksError, described=examples.BARCODE_ERRORS)
}

Fupc = Annotated[str, Query(max_length=64)]
Barcode = Annotated[str, Query(max_length=512)]


async def _answer(request: Request, caller: CallerDep, runtime: Runtime, barcode: ParsedBarcode, request_type: str, action: str) -> JSONResponse:
    request_id = request_id_of(request)
    async with runtime.db.transaction() as session:
        view = await look_up(session, caller=caller, barcode=barcode, request_id=request_id, action=action)
        data = lookup_body(view, barcode, request_type=request_type, request_id=request_id)
    return success(data)


def _fupc_barcode(value: str) -> ParsedBarcode:
    fupc = parse_fupc(value)
    return ParsedBarcode(raw=value, kind="fupc", fupc=fupc)


@router.get("/fupc/lookup", summary="FUPC lookup", responses=_FUPC)
async def fupc_lookup_get(
    request: Request, caller: CallerDep, runtime: RuntimeDep, fupc: Fupc, request_type: RequestType = "patient"
) -> JSONResponse:
    return await _answer(request, caller, runtime, _fupc_barcode(fupc), request_type, "fupc_lookup")


@router.post("/fupc/lookup", summary="FUPC lookup", responses=_FUPC, openapi_extra=body_example(examples.FUPC_LOOKUP))
async def fupc_lookup_post(body: FupcLookupIn, request: Request, caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    return await _answer(request, caller, runtime, _fupc_barcode(body.fupc), body.request_type or "patient", "fupc_lookup")


@router.get("/barcode/lookup", summary="Barcode lookup", responses=_BARCODE)
async def barcode_lookup_get(
    request: Request, caller: CallerDep, runtime: RuntimeDep, barcode: Barcode, request_type: RequestType
) -> JSONResponse:
    return await _answer(request, caller, runtime, parse_barcode(barcode), request_type, "barcode_lookup")


@router.post("/barcode/lookup", summary="Barcode lookup", responses=_BARCODE, openapi_extra=body_example(examples.BARCODE_LOOKUP))
async def barcode_lookup_post(body: BarcodeLookupIn, request: Request, caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    return await _answer(request, caller, runtime, parse_barcode(body.barcode), body.request_type, "barcode_lookup")
