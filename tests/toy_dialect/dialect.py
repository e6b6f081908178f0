"""The HTTP half: one route to place a parcel, its surface, and the partner's view of one."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import Order
from carepost.http.credentials import caller_for, one_header
from carepost.http.dialect import Dialect
from carepost.http.json_response import JSONResponse
from carepost.http.runtime import RuntimeDep
from carepost.http.surfaces import Surface, render_plain
from tests.toy_dialect import flow

router = APIRouter(prefix="/api/toy/v1", tags=["toy"])


class ParcelIn(BaseModel):
    reference: str = Field(min_length=1, max_length=40)


def parcel(order: Order) -> dict[str, Any]:
    return {"id": order.public_id, "reference": order.attributes["reference"], "state": order.status, "carrier": order.attributes.get("carrier")}


@router.post("/parcels", status_code=201)
async def place(body: ParcelIn, request: Request, runtime: RuntimeDep) -> JSONResponse:
    caller = await caller_for(request, runtime, one_header(request, "x-toy-key"))
    async with runtime.db.transaction() as session:
        order = await flow.place(session, caller=caller, reference=body.reference)
        return JSONResponse(parcel(order), status_code=201)


async def order_data(session: AsyncSession, order: Order, view: None) -> dict[str, Any]:
    return parcel(order)  # a parcel's view is its order row: nothing to read


DIALECT = Dialect(
    flow=flow.FLOW,
    routers=(router,),
    surfaces=(Surface(dialect=flow.DIALECT, prefixes=("/api/toy/v1/",), render=render_plain, max_body_bytes=16 * 1024),),
    renderer=order_data,
    worker_handlers=None,  # its work ends with the request
    tenant=None,  # nothing of its own in the tenant file
)
