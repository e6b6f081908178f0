"""/api/ops/v1: look at any order, and move it as its flow allows. Orders are named by
public id (ORD_…) or, for devices and pharmacy orders, by the number the partner sees.
A dialect's own operator routes are its own (`Dialect.ops_routers`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path

from carepost.core.kit.clock import iso_millis
from carepost.core.models import Order, OrderEvent
from carepost.core.operators import order_actions
from carepost.core.operators import service as operators
from carepost.core.orders import events
from carepost.http import action_bodies
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import body_example, error_responses
from carepost.http.operators import OperatorDep, OpsError
from carepost.http.runtime import RuntimeDep
from carepost.ops import shapes

router = APIRouter(prefix="/api/ops/v1", tags=["operator"], strict_content_type=False)


def _order(order: Order, timeline: list[OrderEvent]) -> dict[str, Any]:
    return {
        "order_id": order.public_id,
        "id": order.id,
        "account_id": order.account_id,
        "dialect": order.dialect,
        "flow": order.flow,
        "mode": order.mode,
        "status": order.status,
        "placed_at": iso_millis(order.placed_at),
        "updated_at": iso_millis(order.updated_at),
        "events": [
            {"name": e.name, "actor": e.actor, "occurred_at": iso_millis(e.occurred_at), "data": e.data} for e in timeline
        ],
    }


@router.get("/orders/{order_id}", summary="An order and its timeline", responses={200: {"model": shapes.OperatorOrder}})
async def get_order(order_id: str, operator: OperatorDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.read() as session:
        order = await operators.order(session, public_id=order_id)
        return JSONResponse(_order(order, await events.timeline(session, order)))


@router.post(
    "/orders/{order_id}/actions/{action}",
    summary="Move an order of any flow",
    responses={200: {"model": shapes.OperatorOrder}, **error_responses(OpsError, 409, 422, 502)},
    openapi_extra=body_example({"note": "Done by hand"}),
)
async def act(
    order_id: str, action: Annotated[str, Path(max_length=64)], operator: OperatorDep, runtime: RuntimeDep,
    body: Annotated[dict[str, Any] | None, Body()] = None,
) -> JSONResponse:
    """The actions the order's flow declares, each with its own inputs (docs/operations.md):
    a mask order's factory steps, a devices order's fulfillment, a pharmacy order's status and
    payment, a cases order's retry, cancel and an http pharmacy's progress."""
    async with runtime.db.transaction() as session:
        order = await operators.order(session, public_id=order_id, lock=True)
        given = action_bodies.given_to(order_actions.operator_action(order, action), body)
        await order_actions.perform(
            session, order=order, action=action, given=given, actor=operator.actor,
            commerce=runtime.commerce(session, order.account_id),
        )
        return JSONResponse(_order(order, await events.timeline(session, order)))
