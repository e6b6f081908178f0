"""The pharmacy sandbox's test helpers (docs/sandbox.md): a test key and its user's token move a
test order as the pharmacy would — approve, build, dispatch, deliver, cancel, and the payment's
moves (started, paid, rejected) — each firing its webhooks. Stripe's `/test_helpers/` prefix,
outside the contract's own paths."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter

from carepost.core.orders import test_helpers
from carepost.core.retail import reading
from carepost.core.retail.flow import FLOW
from carepost.dialects.pharmacy import examples, mapping, paths, shapes
from carepost.dialects.pharmacy.auth import SignedInDep
from carepost.http.action_bodies import any_action_model, given_to
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import body_example, error_responses
from carepost.http.runtime import RuntimeDep

PREFIX = "/api/test_helpers"
router = APIRouter(tags=["pharmacy"], strict_content_type=False)
route = paths.route_on(router)

SandboxAction = Literal[FLOW.sandbox_actions]  # type: ignore[name-defined]
PharmacyTestHelperIn = any_action_model("pharmacy_test_helper", tuple(FLOW.action(a) for a in FLOW.sandbox_actions))


@route(
    f"{PREFIX}/orders/{{order_id}}/{{action}}/",
    "POST",
    summary="Sandbox: move a test order as the pharmacy would",
    responses={200: {"model": shapes.AnsweredOrder}, **error_responses(shapes.PharmacyError, 400, 403, 404, 409)},
    openapi_extra=body_example(examples.TEST_HELPER),
)
async def move_test_order(
    order_id: paths.OrderId, action: SandboxAction, caller: SignedInDep, runtime: RuntimeDep, body: PharmacyTestHelperIn | None = None,  # type: ignore[valid-type]
) -> JSONResponse:
    """Test keys only (a live key gets 403). `dispatch` takes `carrier` and `tracking_number`
    (not for a pick-up at a store), `reject_payment` a `reason`; any takes a `note`. A move the
    order's status does not allow is 409. Answers the order as PATCH does."""
    number = paths.order_number(order_id)
    test_helpers.require_test_key(caller.caller)
    async with runtime.db.transaction() as session:
        view = await reading.get_order(session, scope=caller.caller.scope, order_id=number, lock=True)
        given = given_to(FLOW.action(action), body)
        await test_helpers.move_test_order(session, caller=caller.caller, order=view.order, action=action, given=given)
        return JSONResponse(mapping.answered(await reading.get_order(session, scope=caller.caller.scope, order_id=number)))
