"""The cases sandbox's test helpers (docs/sandbox.md): a test key moves its organization's test
orders as the pharmacy (or the pipeline) would — accept, reject, fill, ship, deliver, fail,
retry, cancel — each firing its `case.order.*` webhook. Stripe's `/test_helpers/` prefix,
outside the contract's own paths."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path

from carepost.core.cases import cases as case_service
from carepost.core.cases.flow import FLOW
from carepost.core.orders import test_helpers
from carepost.dialects.cases import bodies, mapping, shapes
from carepost.dialects.cases.auth import OrganizationDep
from carepost.http.action_bodies import any_action_model, given_to
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import body_example, error_responses
from carepost.http.runtime import RuntimeDep

PREFIX = "/api/v1/test_helpers"
router = APIRouter(tags=["cases"], strict_content_type=False)

SandboxAction = Literal[FLOW.sandbox_actions]  # type: ignore[name-defined]
CasesTestHelperIn = any_action_model("cases_test_helper", tuple(FLOW.action(a) for a in FLOW.sandbox_actions))


@router.post(
    f"{PREFIX}/cases/{{case_id}}/orders/{{order_id}}/{{action}}",
    summary="Sandbox: move a test order as the pharmacy would",
    responses={200: {"model": shapes.OrderMoved}, **error_responses(shapes.CasesError, 400, 403, 404, 409)},
    openapi_extra=body_example(bodies.TEST_HELPER_EXAMPLE),
)
async def move_test_order(
    case_id: Annotated[str, Path(max_length=64)],
    order_id: Annotated[str, Path(max_length=32)],
    action: SandboxAction,
    caller: OrganizationDep,
    runtime: RuntimeDep,
    body: CasesTestHelperIn | None = None,  # type: ignore[valid-type]
) -> JSONResponse:
    """Test keys only (a live key gets 403). `ship` takes `carrier` and `tracking_number`;
    `reject`, `fail` and `cancel` a `reason`; any takes a `note`. A move the order's status
    does not allow is 409. Answers the order as the case shows it."""
    test_helpers.require_test_key(caller)
    async with runtime.db.transaction() as session:
        order = await case_service.order_in_case(session, caller=caller, case_id=case_id, order_id=order_id, lock=True)
        given = given_to(FLOW.action(action), body)
        moved = await test_helpers.move_test_order(session, caller=caller, order=order, action=action, given=given)
        return JSONResponse(mapping.ok("Order moved", {"order": mapping.order(await case_service.order_view(session, moved))}))
