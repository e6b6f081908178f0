"""The e-mail that sends a patient their scan-upload link.

Each clinic may edit subject, text and HTML; placeholders are filled per
order. The e-mail goes out after the order commits (the contract reports its
outcome in the create response), and the outcome is recorded on the order.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from jinja2 import TemplateError
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.errors import NotConfigured
from carepost.core.manufacturing.repository import MaskProductRepository, MaskSettingsRepository
from carepost.core.manufacturing.views import patient_first_name
from carepost.core.models import Account, Order
from carepost.core.notifications import templates
from carepost.core.notifications.mail import MailMessage
from carepost.core.orders import events

log = logging.getLogger(__name__)

PLACEHOLDERS = ("patient_first_name", "patient_name", "mask_product_name", "scan_upload_url", "clinic_name")
SAMPLE = {
    "patient_first_name": "Jane",
    "patient_name": "Jane Doe",
    "mask_product_name": "Form Fit Full Face CPAP",
    "scan_upload_url": "https://example.com/api/portal/start-scan?order_id=ORD_5678901234&email=patient%40example.com",
    "clinic_name": "Portland Sleep Clinic",
}


@dataclass(frozen=True)
class EmailTemplate:
    subject: str
    text: str
    html: str | None


DEFAULT = EmailTemplate(
    subject="{{clinic_name}}: scan your face for your {{mask_product_name}}",
    text=(
        "Hello {{patient_first_name}},\n\n"
        "{{clinic_name}} has ordered a custom-fit {{mask_product_name}} for you. "
        "To make it fit, we need two short videos of your face and one photo with the calibration card.\n\n"
        "Start here: {{scan_upload_url}}\n\n"
        "It takes about five minutes on your phone.\n"
    ),
    html=(
        "<p>Hello {{patient_first_name}},</p>"
        "<p>{{clinic_name}} has ordered a custom-fit <strong>{{mask_product_name}}</strong> for you. "
        "To make it fit, we need two short videos of your face and one photo with the calibration card.</p>"
        '<p><a href="{{scan_upload_url}}">Start your scan</a></p>'
        "<p>It takes about five minutes on your phone.</p>"
    ),
)


def check_template(template: EmailTemplate) -> None:
    templates.check(template.subject, SAMPLE, field="subject")
    templates.check(template.text, SAMPLE, field="text")
    if template.html is not None:
        templates.check(template.html, SAMPLE, field="html", html=True)


async def clinic_template(session: AsyncSession, *, account_id: int) -> EmailTemplate:
    settings = await MaskSettingsRepository(session).get(account_id)
    if settings is None or settings.email_subject is None or settings.email_text is None:
        return DEFAULT
    return EmailTemplate(subject=settings.email_subject, text=settings.email_text, html=settings.email_html)


async def save_clinic_template(session: AsyncSession, *, account_id: int, template: EmailTemplate) -> None:
    check_template(template)
    repository = MaskSettingsRepository(session)
    settings = await repository.get(account_id)
    if settings is None:
        raise NotConfigured("Mask ordering is not set up for this clinic.", code="clinic_not_configured")
    settings.email_subject, settings.email_text, settings.email_html = template.subject, template.text, template.html
    await repository.save(settings)


def preview(template: EmailTemplate) -> MailMessage:
    """The template as a patient would get it, with the sample values (raises as `check_template`)."""
    check_template(template)
    return _message(template, "patient@example.com", SAMPLE)


async def compose(session: AsyncSession, *, order: Order, account: Account, scan_upload_url: str) -> MailMessage:
    """The clinic's e-mail for this order; the default one if the clinic's fails with this
    patient's values (it passed its check at save, but a real name is not the sample)."""
    template = await clinic_template(session, account_id=order.account_id)
    product = await MaskProductRepository(session).get(order.attributes["mask_type"])
    values = {
        "patient_first_name": patient_first_name(order),
        "patient_name": order.recipient["name"],
        "mask_product_name": product.name if product else order.attributes["mask_type"],
        "scan_upload_url": scan_upload_url,
        "clinic_name": account.name,
    }
    try:
        return _message(template, order.recipient["email"], values)
    except TemplateError as error:
        log.warning("clinic %s e-mail template failed, the default was sent: %s", order.account_id, error.message)
        return _message(DEFAULT, order.recipient["email"], values)


def _message(template: EmailTemplate, to: str, values: dict[str, str]) -> MailMessage:
    return MailMessage(
        to=to,
        subject=" ".join(templates.render(template.subject, values).split()),  # one header line
        text=templates.render(template.text, values),
        html=templates.render(template.html, values, html=True) if template.html else None,
    )


async def record_outcome(session: AsyncSession, *, order: Order, sent: bool, error: str | None) -> None:
    order.attributes = {**order.attributes, "patient_scan_email_sent": sent}
    data = {"sent": "true" if sent else "false"}
    if error:
        data["error"] = error[:200]
    await events.record(session, order, name="scan_email_sent" if sent else "scan_email_failed", actor="system", data=data)
