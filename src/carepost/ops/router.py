"""/api/ops/v1: look at any order; move a mask order through the factory and a
devices order through fulfillment. Orders are named by public id (ORD_…) or,
for devices orders, by the number the partner sees."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Query
from pydantic import BaseModel, ConfigDict, Field

from carepost.core.accounts import service as accounts
from carepost.core.kit.clock import iso_millis
from carepost.core.logistics import operations as logistics
from carepost.core.accounts.service import Scope
from carepost.core.cases import cases as case_service
from carepost.core.cases import operations as cases
from carepost.core.retail import operations as retail
from carepost.core.manufacturing import factory, scan_email
from carepost.core.models import Order, OrderEvent
from carepost.core.notifications.templates import MAX_TEMPLATE_LENGTH
from carepost.core.operators import service as operators
from carepost.core.orders import events
from carepost.dialects._shared.factory_steps import StepIn
from carepost.dialects._shared.json_response import JSONResponse
from carepost.dialects._shared.logistics_actions import LogisticsActionIn
from carepost.dialects._shared.runtime import RuntimeDep
from carepost.dialects._shared.openapi import error_responses
from carepost.dialects.cases import mapping as case_bodies
from carepost.ops import shapes
from carepost.ops.auth import OperatorDep

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
    async with runtime.db.transaction() as session:
        order = await operators.order(session, public_id=order_id)
        return JSONResponse(_order(order, await events.timeline(session, order)))


@router.post(
    "/orders/{order_id}/actions/{action}",
    summary="Move a mask order one step",
    responses={200: {"model": shapes.OperatorOrder}, **error_responses(shapes.OpsError, 409, 422, 502)},
)
async def act(order_id: str, action: str, operator: OperatorDep, runtime: RuntimeDep, body: StepIn | None = None) -> JSONResponse:
    """Actions: complete_scan, approve_scan, reject_scan, start_mesh, start_print, start_qa,
    print_label, ship (carrier, tracking_number, optional shipped_date), deliver, factory_cancel."""
    step = (body or StepIn()).as_step_input()
    async with runtime.db.transaction() as session:
        order = await operators.order(session, public_id=order_id, lock=True)
        await factory.advance(
            session,
            order=order,
            action=action,
            actor=operator.actor,
            step_input=step,
            commerce=runtime.commerce(session, order.account_id),
        )
        return JSONResponse(_order(order, await events.timeline(session, order)))


@router.post(
    "/orders/{order_id}/logistics/{action}",
    summary="Move a devices order through fulfillment",
    responses={200: {"model": shapes.OperatorOrder}, **error_responses(shapes.OpsError, 409)},
)
async def act_logistics(
    order_id: str, action: str, operator: OperatorDep, runtime: RuntimeDep, body: LogisticsActionIn | None = None
) -> JSONResponse:
    """Actions: reconfirm_address (optional address), pack (optional device_ids), ship (tracking_numbers),
    deliver, send_return_label (return-only orders), receive_returns (optional fulfillment_site_id), cancel (note)."""
    action_input = (body or LogisticsActionIn()).as_action_input()
    async with runtime.db.transaction() as session:
        order = await operators.order(session, public_id=order_id, lock=True)
        await logistics.advance(session, order=order, action=action, actor=operator.actor, action_input=action_input)
        return JSONResponse(_order(order, await events.timeline(session, order)))


class RetailActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    carrier: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    tracking_number: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    reason: Annotated[str, Field(min_length=1, max_length=500)] | None = None
    note: Annotated[str, Field(max_length=512)] | None = None


@router.post(
    "/orders/{order_id}/retail/{action}",
    summary="Move a pharmacy order, or record its payment",
    responses={200: {"model": shapes.OperatorOrder}, **error_responses(shapes.OpsError, 409)},
)
async def act_retail(
    order_id: str, action: str, operator: OperatorDep, runtime: RuntimeDep, body: RetailActionIn | None = None
) -> JSONResponse:
    """Actions: approve, start_building, dispatch (carrier and tracking_number, unless picked up at a store),
    deliver, cancel; start_payment, mark_paid, reject_payment (reason); retry_invoice (a failed CFDI, again)."""
    given = body or RetailActionIn()
    action_input = retail.RetailActionInput(carrier=given.carrier, tracking_number=given.tracking_number, reason=given.reason, note=given.note)
    async with runtime.db.transaction() as session:
        order = await operators.order(session, public_id=order_id, lock=True)
        await retail.advance(session, order=order, action=action, actor=operator.actor, action_input=action_input)
        return JSONResponse(_order(order, await events.timeline(session, order)))


class CaseActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    carrier: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    tracking_number: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    reason: Annotated[str, Field(min_length=1, max_length=500)] | None = None
    note: Annotated[str, Field(max_length=512)] | None = None


@router.post("/accounts/{slug}/cases", summary="Open a case for an organization")
async def open_case(slug: str, body: Annotated[Any, Body()], operator: OperatorDep, runtime: RuntimeDep, mode: Literal["live", "test"] = "live") -> JSONResponse:
    """The body of the organization's own `POST /api/v1/cases` (docs/cases.md); `?mode=` picks the case's mode."""
    patient = case_bodies.patient_in(body)
    async with runtime.db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        made = await case_service.open_case(session, scope=Scope(account.id, mode), patient=patient)
        return JSONResponse({"id": made.public_id, "mode": made.mode, "patient": made.patient}, status_code=201)


@router.get("/cases/orders", summary="The cases pipeline's orders")
async def cases_orders(
    operator: OperatorDep,
    runtime: RuntimeDep,
    status: Annotated[str, Field(max_length=32)] | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> JSONResponse:
    """Newest first; `?status=failed` shows what waits for a retry, and why."""
    async with runtime.db.read() as session:
        return JSONResponse({"data": await cases.pipeline_orders(session, status=status, limit=limit)})


@router.post(
    "/orders/{order_id}/cases/{action}",
    summary="Move a cases order",
    responses={200: {"model": shapes.OperatorOrder}, **error_responses(shapes.OpsError, 409)},
)
async def act_cases(order_id: str, action: str, operator: OperatorDep, runtime: RuntimeDep, body: CaseActionIn | None = None) -> JSONResponse:
    """Actions: retry (a failed pipeline step), cancel (reason); and an http pharmacy's progress by hand:
    accept, reject (reason), fill, ship (carrier and tracking_number), deliver."""
    given = body or CaseActionIn()
    action_input = cases.CaseActionInput(carrier=given.carrier, tracking_number=given.tracking_number, reason=given.reason, note=given.note)
    async with runtime.db.transaction() as session:
        order = await operators.order(session, public_id=order_id, lock=True)
        await cases.advance(session, order=order, action=action, actor=operator.actor, action_input=action_input)
        return JSONResponse(_order(order, await events.timeline(session, order)))


class PatientEmailIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject: Annotated[str, Field(min_length=1, max_length=500)]
    text: Annotated[str, Field(min_length=1, max_length=MAX_TEMPLATE_LENGTH)]
    html: Annotated[str, Field(max_length=MAX_TEMPLATE_LENGTH)] | None = None


def _template_body(template: scan_email.EmailTemplate) -> dict[str, Any]:
    return {
        "subject": template.subject,
        "text": template.text,
        "html": template.html,
        "placeholders": list(scan_email.PLACEHOLDERS),
    }


@router.get(
    "/accounts/{slug}/masks/patient-email",
    summary="A clinic's patient scan e-mail template",
    responses={200: {"model": shapes.PatientEmailTemplate}},
)
async def get_patient_email(slug: str, operator: OperatorDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        return JSONResponse(_template_body(await scan_email.clinic_template(session, account_id=account.id)))


@router.put(
    "/accounts/{slug}/masks/patient-email",
    summary="Change a clinic's patient scan e-mail template",
    responses={200: {"model": shapes.PatientEmailTemplate}, **error_responses(shapes.OpsError, 422)},
)
async def put_patient_email(slug: str, body: PatientEmailIn, operator: OperatorDep, runtime: RuntimeDep) -> JSONResponse:
    """Placeholders: {{patient_first_name}}, {{patient_name}}, {{mask_product_name}}, {{scan_upload_url}},
    {{clinic_name}}. Rendered in a sandbox; a template that fails or reaches Python internals is refused (400)."""
    template = scan_email.EmailTemplate(subject=body.subject, text=body.text, html=body.html)
    async with runtime.db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        await scan_email.save_clinic_template(session, account_id=account.id, template=template)
    return JSONResponse(_template_body(template))
