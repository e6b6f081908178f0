"""Contract 002/004's order paths: parse, call the core, render. No rules here."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.idempotency.service import StoredResponse
from carepost.core.kit.paging import PageRequest
from carepost.core.logistics import operations, reading
from carepost.core.logistics.lifecycle import DeviceStatus
from carepost.core.logistics.place import place
from carepost.core.logistics.repository import OrderFilters
from carepost.core.logistics.views import order_views
from carepost.dialects.devices import examples, mapping, shapes
from carepost.dialects.devices.actions import LogisticsActionIn
from carepost.dialects.devices.auth import ReaderDep, WriterDep
from carepost.dialects.devices.params import IdFilter, PageNumber, PageSize, RowId
from carepost.dialects.devices.schemas import CreateOrderIn
from carepost.http.idempotency import respond_once
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import body_example, error_responses
from carepost.http.runtime import RuntimeDep

router = APIRouter(prefix="/api/v3", tags=["devices"], strict_content_type=False)


@router.post(
    "/order",
    status_code=201,
    summary="Create order",
    responses={
        201: {"model": shapes.Order, "description": "The order, placed"},
        # An Idempotency-Key in use (409), or reused with another body (422).
        **error_responses(shapes.DevicesError, 409, 422, described=examples.CREATE_ERRORS),
    },
    openapi_extra=body_example(examples.CREATE_ORDER),
)
async def create_order(
    body: CreateOrderIn,
    caller: WriterDep,
    runtime: RuntimeDep,
    idempotency_key: Annotated[str | None, Header(min_length=1, max_length=255)] = None,
) -> JSONResponse:
    """Send `Idempotency-Key` to retry safely: a repeat returns the first answer
    (with `Idempotent-Replayed: true`) and places nothing new."""
    order_in = mapping.order_in(body)

    async def work(session: AsyncSession) -> StoredResponse:
        return StoredResponse(status=201, body=mapping.order(await place(session, caller=caller, order_in=order_in)))

    return (await respond_once(runtime, mapping.idempotent_request(caller, idempotency_key, body), work)).response()


@router.get("/order", summary="List orders", responses={200: {"model": shapes.OrderPage}})
async def list_orders(
    caller: ReaderDep,
    runtime: RuntimeDep,
    page: PageNumber = 0,
    size: PageSize = 20,
    status: DeviceStatus | None = None,
    patientId: IdFilter = None,
    siteId: IdFilter = None,
    externalOrderId: Annotated[str | None, Query(min_length=1, max_length=128)] = None,
) -> JSONResponse:
    """Newest first. Filters combine: `status`, `patientId`, `siteId`, `externalOrderId`."""
    filters = OrderFilters(status=status, patient_id=patientId, site_id=siteId, external_order_id=externalOrderId)
    async with runtime.db.read(may_lag=True) as session:
        found = await reading.list_orders(session, caller=caller, filters=filters, page=PageRequest(page, size))
        return JSONResponse(mapping.page(found, mapping.order))


@router.get("/order/{order_id}", summary="Fetch an order", responses={200: {"model": shapes.Order}})
async def get_order(order_id: RowId, caller: ReaderDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.read() as session:
        return JSONResponse(mapping.order(await reading.get_order(session, caller=caller, order_id=order_id)))


@router.post(
    "/test_helpers/order/{order_id}/{action}",
    summary="Sandbox: move a test order as fulfillment would",
    responses={200: {"model": shapes.Order}, **error_responses(shapes.DevicesError, 409)},
    openapi_extra=body_example(examples.TEST_HELPER),
)
async def advance_test_order(
    order_id: RowId, action: str, caller: WriterDep, runtime: RuntimeDep, body: LogisticsActionIn | None = None
) -> JSONResponse:
    """Test keys only (a live key gets 403 "Access Denied"), like Stripe's test helpers: reach every
    `currentStatus` without a warehouse. Actions and bodies as the operator API's; returns the order."""
    action_input = (body or LogisticsActionIn()).as_action_input()
    async with runtime.db.transaction() as session:
        order = await operations.advance_test_order(
            session, caller=caller, order_id=order_id, action=action, given=action_input
        )
        (view,) = await order_views(session, caller.scope, [order])
        return JSONResponse(mapping.order(view))
