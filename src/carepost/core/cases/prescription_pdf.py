"""An order's prescription document: our own template (autoescaped: every value in it is
the partner's), rendered to PDF by WeasyPrint, kept through the document-storage port."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from jinja2 import Environment, select_autoescape

from carepost.core.kit import json_text
from carepost.core.kit.pdf import html_to_pdf
from carepost.core.models import Case, CaseOrder, CaseOrderItem, Drug, Order, Pharmacy

_TEMPLATES = Environment(autoescape=select_autoescape(default=True))  # an optional field left out renders empty
_TEMPLATE = _TEMPLATES.from_string(files("carepost.core.cases").joinpath("templates/prescription.html").read_text())


def storage_key(order: Order) -> str:
    return f"prescriptions/{order.account_id}/{order.public_id}.pdf"


def render(order: Order, details: CaseOrder, case: Case, pharmacy: Pharmacy, items: list[tuple[CaseOrderItem, Drug]]) -> bytes:
    html = _TEMPLATE.render(_values(order, details, case, pharmacy, items))
    return html_to_pdf(html)


def _values(order: Order, details: CaseOrder, case: Case, pharmacy: Pharmacy, items: list[tuple[CaseOrderItem, Drug]]) -> dict[str, Any]:
    address = {"addressLine1": "", "city": "", "state": "", "postalCode": "", **(details.prescriber.get("address") or {})}
    return {
        "order_id": order.public_id,
        "case_id": case.public_id,
        "pharmacy": f"{pharmacy.name} ({pharmacy.code})",
        "sandbox": order.mode == "test",
        "prescriber": {"title": None, "titleSuffix": None, "dea": None, **details.prescriber, "address": address},
        "patient": {"dateOfBirth": None, "sex": None, **case.patient},
        "ship": {"addressLine2": None, **(order.shipping_address or {})},
        "health": details.patient_health,
        "diagnosis": details.diagnosis,
        "items": [
            {
                "name": drug.name, "strength": drug.strength, "form": drug.form, "code": drug.code, "ndc": drug.ndc,
                "schedule": drug.schedule, "quantity": item.quantity, "direction": item.direction,
                "refills": item.refill_count, "supply_days": item.supply_days,
                "custom_fields": [(name, _as_text(value)) for name, value in (item.custom_fields or {}).items()],
            }
            for item, drug in items
        ],
        "dates": {
            "written": details.date_written, "signed": details.date_signed, "prescribed": details.date_prescribed,
            "received": order.placed_at.date().isoformat(),
        },
    }


def _as_text(value: Any) -> str:
    """A custom field's value as the partner sent it: text as is, anything else as JSON."""
    return value if isinstance(value, str) else json_text.dumps_text(value)
