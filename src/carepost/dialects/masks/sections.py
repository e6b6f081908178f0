"""The lookups' response: the parsed barcode, what it resolved to, and the
sections its `request_type` asks for. Pure; the section sets are in docs/masks.md."""

from __future__ import annotations

from typing import Any

from carepost.core.kit.clock import iso_millis
from carepost.core.manufacturing.barcodes import ParsedBarcode
from carepost.core.manufacturing.products import PRODUCT_NAMES, MaskType
from carepost.core.manufacturing.steps import step_view
from carepost.core.manufacturing.views import MaskOrderView
from carepost.dialects.masks.mapping import shopify_ids, status, tracking, udi


def _patient(view: MaskOrderView) -> dict[str, Any]:
    recipient, address = view.order.recipient, view.order.shipping_address or {}
    first, last = address.get("first_name", ""), address.get("last_name", "")
    return {
        "name": recipient["name"],
        "email": recipient["email"],
        "phone": recipient["phone"],
        "label": None,
        "b2b_patient": {"label": f"{first} {last[:1]}.".strip() if last else first, "phone": recipient["phone"]},
        "shipping_address": address,
        "billing_address": None,
    }


def _summary(view: MaskOrderView) -> dict[str, Any]:
    mask_type = view.order.attributes["mask_type"]
    step = step_view(view.order.status)
    return {
        "order_id": view.order.public_id,
        "mask_type": mask_type,
        "product_name": PRODUCT_NAMES[MaskType(mask_type)],
        "current_step_id": step.id,
        "current_step_label": step.label,
        "is_test": view.order.mode == "test",
        "placed_at": iso_millis(view.order.placed_at),
    }


def _clinical(view: MaskOrderView) -> dict[str, Any]:
    mask_type, scan = view.order.attributes["mask_type"], view.scan
    return {
        "mask_type": mask_type,
        "product_name": PRODUCT_NAMES[MaskType(mask_type)],
        "scan_id": scan.public_id if scan else None,
        "scan_status": scan.status if scan else None,
        "scan_reviewed_at": iso_millis(scan.reviewed_at) if scan else None,
        "scan_review_note": scan.review_note if scan else None,
    }


def _manufacturing(view: MaskOrderView) -> dict[str, Any]:
    step, production = step_view(view.order.status), view.production
    return {
        "vm_job_id": production.vm_job_id if production else None,
        "current_step_id": step.id,
        "current_step_label": step.label,
        "progress_caption": step.caption,
        "production_date": production.production_date.isoformat() if production and production.production_date else None,
    }


def _qa(view: MaskOrderView) -> dict[str, Any]:
    production = view.production
    printed_at = production.label_printed_at if production is not None else None
    return {
        "passed": printed_at is not None,  # the label is printed only once QA has passed the mask
        "label_printed_at": iso_millis(printed_at),
        "fupc": production.fupc if production is not None and printed_at is not None else None,
    }


def _order(view: MaskOrderView) -> dict[str, Any]:
    whole = status(view)
    return {
        key: whole[key]
        for key in (
            "vitacore_order_id", "shopify_order_id", "shopify_order_name", "placed_at", "is_test",
            "is_shipped", "is_cancelled", "cancelled_at", "updated_at",
        )
    } | {"tracking": tracking(view.production)}


_SECTIONS = {
    "summary": _summary,
    "patient": _patient,
    "clinical": _clinical,
    "manufacturing": _manufacturing,
    "qa": _qa,
    "udi": lambda view: udi(view.production),
    "order": _order,
}
SECTIONS_BY_REQUEST_TYPE = {name: (name,) for name in _SECTIONS} | {"full": tuple(_SECTIONS)}


def lookup_body(view: MaskOrderView, barcode: ParsedBarcode, *, request_type: str, request_id: str) -> dict[str, Any]:
    production, scan = view.production, view.scan
    gs1 = barcode.gs1
    body: dict[str, Any] = {
        "request_id": request_id,
        "request_type": request_type,
        "barcode": {
            "raw": barcode.raw,
            "kind": barcode.kind,
            "fupc": barcode.fupc,
            "gs1": {
                "gtin": gs1.gtin,
                "lot": gs1.lot,
                "production_date": gs1.production_date.isoformat() if gs1.production_date else None,
                "element_string": gs1.element_string,
            }
            if gs1
            else None,
        },
        "resolved": {
            "scan_id": scan.public_id if scan else None,
            "order_id": view.order.public_id,
            "fupc": production.fupc if production else None,
            "vm_job_id": production.vm_job_id if production else None,
            "shopify_order_id": shopify_ids(view.order)[0],
        },
    }
    for section in SECTIONS_BY_REQUEST_TYPE[request_type]:
        body[section] = _SECTIONS[section](view)
    return body
