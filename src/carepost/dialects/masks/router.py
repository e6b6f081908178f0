"""Contract 000's documented paths: parse, call the core, render. No rules here."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.idempotency.service import StoredResponse
from carepost.core.manufacturing.views import view_of
from carepost.core.orders import made_to_measure
from carepost.dialects.masks import examples, mapping, patient_email, shapes
from carepost.dialects.masks.auth import CallerDep
from carepost.dialects.masks.responses import success, success_body
from carepost.dialects.masks.schemas import AdvanceTestOrderIn, CancelOrderIn, CreateOrderIn
from carepost.http.idempotency import respond_once
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import body_example, error_responses
from carepost.http.runtime import RuntimeDep, request_id_of

router = APIRouter(prefix="/api/partner/v1", tags=["masks"], strict_content_type=False)


@router.post(
    "/orders",
    status_code=201,
    summary="Create order",
    responses={
        201: {"model": shapes.OrderCreatedAnswer, "description": "The order, placed"},
        200: {"model": shapes.OrderCreatedAnswer, "description": "The first answer again: an idempotent replay"},
        **error_responses(shapes.MasksError, described=examples.CREATE_ERRORS),
    },
    openapi_extra=body_example(examples.CREATE_ORDER),
)
async def create_order(
    body: CreateOrderIn,
    request: Request,
    caller: CallerDep,
    runtime: RuntimeDep,
    idempotency_key: Annotated[str | None, Header(min_length=1, max_length=255)] = None,
) -> JSONResponse:
    """`idempotency_key` in the body (the contract's) or the `Idempotency-Key` header (every
    dialect's): the same value in both is fine, two different ones are refused."""
    order_in = mapping.order_in(body)
    request_id = request_id_of(request)

    async def place(session: AsyncSession) -> StoredResponse:
        order = await made_to_measure.place(
            session, caller=caller, order_in=order_in, commerce=runtime.commerce(session, caller.account_id)
        )
        # Until the e-mail has gone out (below, after commit), the answer is the contract's fallback.
        email_sent = False if order_in.forge_sends_email_to_client else None
        data = mapping.created(order, request_id=request_id, public_url=runtime.settings.public_url, email_sent=email_sent)
        return StoredResponse(status=201, body=success_body(data))

    idempotent = mapping.idempotent_request(caller, body, header_key=idempotency_key)
    outcome = await respond_once(runtime, idempotent, place)
    if outcome.replayed:
        return outcome.response(replayed_status=200, replayed_body=mapping.replayed)
    response_body = outcome.body
    if order_in.forge_sends_email_to_client:
        response_body = await patient_email.send_and_record(runtime, caller=caller, body=response_body, idempotent=idempotent)
    return JSONResponse(response_body, status_code=outcome.status)


@router.get(
    "/orders/{vitacore_order_id}/status", summary="Order status",
    responses={200: {"model": shapes.OrderStatusAnswer}, **error_responses(shapes.MasksError, described=examples.STATUS_ERRORS)},
)
async def order_status(vitacore_order_id: str, request: Request, caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.lean_transaction() as connection:
        view = await made_to_measure.read_status(
            connection, caller=caller, public_id=vitacore_order_id, request_id=request_id_of(request)
        )
        return success(mapping.status(view))


@router.post(
    "/orders/{vitacore_order_id}/cancel",
    summary="Cancel order",
    responses={200: {"model": shapes.CancelledAnswer}, **error_responses(shapes.MasksError, 502, described=examples.CANCEL_ERRORS)},
    openapi_extra=body_example(examples.CANCEL_ORDER),
)
async def cancel_order(
    vitacore_order_id: str, caller: CallerDep, runtime: RuntimeDep, body: CancelOrderIn | None = None
) -> JSONResponse:
    body = body or CancelOrderIn()
    async with runtime.db.transaction() as session:
        result = await made_to_measure.cancel(
            session,
            caller=caller,
            public_id=vitacore_order_id,
            reason=body.reason,
            reference=body.partner_reference,
            commerce=runtime.commerce(session, caller.account_id),
        )
        return success(mapping.cancelled(result))


@router.post(
    "/test_helpers/orders/{vitacore_order_id}/advance",
    summary="Sandbox: move a test order one step",
    responses={200: {"model": shapes.OrderStatusAnswer}, **error_responses(shapes.MasksError, 409, 422)},
    openapi_extra=body_example(examples.ADVANCE_TEST_ORDER),
)
async def advance_test_order(
    vitacore_order_id: str, body: AdvanceTestOrderIn, caller: CallerDep, runtime: RuntimeDep
) -> JSONResponse:
    """Test keys only, like Stripe's test helpers: lets an integrator reach every step
    (scan review, production, label, shipping) without a factory. Returns the order's status."""
    async with runtime.db.transaction() as session:
        order = await made_to_measure.advance_test_order(
            session, caller=caller, public_id=vitacore_order_id, action=body.action, given=body.as_action_input()
        )
        return success(mapping.status(await view_of(session, order)))
