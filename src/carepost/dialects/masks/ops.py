"""The masks dialect's own operator routes (/api/ops/v1): a clinic's patient scan e-mail template."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from carepost.core.accounts import service as accounts
from carepost.core.manufacturing import scan_email
from carepost.core.notifications.templates import MAX_TEMPLATE_LENGTH
from carepost.dialects.masks import examples
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import body_example, error_responses
from carepost.http.operators import OperatorDep, OpsError
from carepost.http.runtime import RuntimeDep
from carepost.http.shapes import Shape

router = APIRouter(prefix="/api/ops/v1", tags=["operator"], strict_content_type=False)


class PatientEmailTemplate(Shape):
    subject: str
    text: str
    html: str | None
    placeholders: list[str]


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
    responses={200: {"model": PatientEmailTemplate}},
)
async def get_patient_email(slug: str, operator: OperatorDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.read() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        return JSONResponse(_template_body(await scan_email.clinic_template(session, account_id=account.id)))


@router.put(
    "/accounts/{slug}/masks/patient-email",
    summary="Change a clinic's patient scan e-mail template",
    responses={200: {"model": PatientEmailTemplate}, **error_responses(OpsError, 422)},
    openapi_extra=body_example(examples.PATIENT_EMAIL),
)
async def put_patient_email(slug: str, body: PatientEmailIn, operator: OperatorDep, runtime: RuntimeDep) -> JSONResponse:
    """Placeholders: {{patient_first_name}}, {{patient_name}}, {{mask_product_name}}, {{scan_upload_url}},
    {{clinic_name}}. Rendered in a sandbox; a template that fails or reaches Python internals is refused (400)."""
    template = scan_email.EmailTemplate(subject=body.subject, text=body.text, html=body.html)
    async with runtime.db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        await scan_email.save_clinic_template(session, account_id=account.id, template=template)
    return JSONResponse(_template_body(template))
