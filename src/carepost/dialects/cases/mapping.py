"""Contract 003's bodies and answers ⇄ the core. Reading is reading.py's; this module
says which fields an order and a case have, and shows cases and orders."""

from __future__ import annotations

from datetime import date
from typing import Any

from carepost.core.cases import prescribers, rules
from carepost.core.cases.cases import CaseOrderView, CaseView, PatientIn
from carepost.core.cases.place import CaseOrderIn, ItemIn, PrescriberIn
from carepost.core.kit.clock import iso_millis
from carepost.dialects.cases.reading import Fields, address, quantity, refusal

ACTION = "PLACE_ORDER"
MAX_ITEMS = 50


def place_order_in(body: Any) -> CaseOrderIn:
    root = Fields(body, "body")
    action = root.value.get("action")  # "Must be exactly": not trimmed, not another case
    if action is None:
        raise refusal("action is required")
    if action != ACTION:
        raise refusal(f"action must be {ACTION}")
    order = root.obj("order")
    assert order is not None
    return CaseOrderIn(
        shipping_address=address(order.obj("shippingAddress", required=False), "shippingAddress"),
        patient_health=_health(order.obj("patientHealthInfo", required=False)),
        prescriber=_prescriber(order.obj("prescriber")),
        diagnosis=order.text("diagnosis", max_length=5000) or "",
        pharmacy_id=order.text("pharmacyId", max_length=64) or "",
        date_written=order.day("dateWritten"),
        date_signed=order.day("dateSigned"),
        date_prescribed=order.day("datePrescribed"),
        items=_items(order.value.get("prescriptionItems")),
    )


def _prescriber(fields: Fields | None) -> PrescriberIn:
    assert fields is not None
    first, last = fields.text("firstName", max_length=100), fields.text("lastName", max_length=100)
    title, suffix = fields.text("title", required=False, max_length=50), fields.text("titleSuffix", required=False, max_length=50)
    npi = fields.text("npi", max_length=20) or ""
    if not prescribers.npi_well_formed(npi):
        raise refusal("npi must be 10 digits")
    dea = fields.text("dea", required=False, max_length=20)
    if dea is not None and not prescribers.dea_valid(dea):
        raise refusal("dea must be a valid DEA number")
    email = fields.text("email", max_length=254) or ""
    if not rules.email_valid(email):
        raise refusal("email must be a valid email address")
    phone = fields.text("phoneNumber", max_length=30) or ""
    if not rules.phone_shape_valid(phone):
        raise refusal("phoneNumber must be a valid phone number")
    where = address(fields.obj("address"), "prescriber.address")
    assert first and last and where is not None
    return PrescriberIn(first, last, npi, email, phone, where, title, suffix, dea.upper() if dea else None)


def _health(fields: Fields | None) -> dict[str, str] | None:
    if fields is None:
        return None
    found = {key: fields.text(key, required=False, max_length=5000) for key in ("allergies", "healthConditions", "currentMedications")}
    return {k: v for k, v in found.items() if v is not None}


def _items(value: Any) -> tuple[ItemIn, ...]:
    if value is None:
        raise refusal("prescriptionItems is required")
    if not isinstance(value, list):
        raise refusal("prescriptionItems must be an array")
    if not value:
        raise refusal("prescriptionItems must contain at least one item")
    if len(value) > MAX_ITEMS:
        raise refusal(f"prescriptionItems has more than {MAX_ITEMS} items")
    items = []
    for position, raw in enumerate(value):
        name = f"prescriptionItems[{position}]"
        item = Fields(raw, name, where=f"{name}.")
        custom = item.value.get("customFields")
        if custom is not None and not isinstance(custom, dict):
            raise refusal(f"{name}.customFields must be an object")
        amount = item.text("quantity", max_length=32)
        assert amount is not None
        items.append(
            ItemIn(
                drug_id=item.text("drugId", max_length=64) or "",
                quantity=quantity(amount, f"{name}.quantity"),
                direction=item.text("direction", required=False, max_length=2000),
                refill_count=item.whole_number("refillCount", low=0, high=99),
                supply_days=item.whole_number("supplyDays", low=1, high=365),
                custom_fields=custom,
            )
        )
    return tuple(items)


def patient_in(body: Any) -> PatientIn:
    """`POST /api/v1/cases`: `{"patient": {firstName, lastName, dateOfBirth?, sex?, email?, phoneNumber?, address?}}`."""
    patient = Fields(body, "body").obj("patient")
    assert patient is not None
    first, last = patient.text("firstName", max_length=100), patient.text("lastName", max_length=100)
    email = patient.text("email", required=False, max_length=254)
    if email is not None and not rules.email_valid(email):
        raise refusal("email must be a valid email address")
    phone = patient.text("phoneNumber", required=False, max_length=30)
    if phone is not None and not rules.phone_shape_valid(phone):
        raise refusal("phoneNumber must be a valid phone number")
    sex = patient.text("sex", required=False, max_length=10)
    if sex is not None and sex.lower() not in ("female", "male", "other", "unknown"):
        raise refusal("sex must be one of female, male, other, unknown")
    assert first and last
    return PatientIn(
        first_name=first, last_name=last, date_of_birth=patient.day("dateOfBirth"), sex=sex.lower() if sex else None,
        email=email, phone=phone, address=address(patient.obj("address", required=False), "patient.address"),
    )


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def ok(message: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"status": 200, "success": True, "message": message, "data": data}


def case(view: CaseView) -> dict[str, Any]:
    return {
        "id": view.case.public_id,
        "mode": view.case.mode,
        "patient": view.case.patient,
        "createdAt": iso_millis(view.case.created_at),
        "orders": [order(o) for o in view.orders],
    }


def order(view: CaseOrderView) -> dict[str, Any]:
    details = view.details
    return {
        "id": view.order.public_id,
        "status": view.order.status,
        "pharmacyReference": details.pharmacy_reference,
        "failure": details.failure,
        "warnings": view.order.warnings,
        "shippingAddress": view.order.shipping_address,
        "diagnosis": details.diagnosis,
        "patientHealthInfo": details.patient_health,
        "dateWritten": _day(details.date_written),
        "dateSigned": _day(details.date_signed),
        "datePrescribed": _day(details.date_prescribed),
        "prescriber": details.prescriber,
        "prescriptionItems": [
            {
                "drugId": drug.code, "drugName": drug.name, "quantity": item.quantity, "direction": item.direction,
                "refillCount": item.refill_count, "supplyDays": item.supply_days, "customFields": item.custom_fields,
            }
            for item, drug in view.items
        ],
        "prescriptionDocument": details.prescription_key is not None,
        "tracking": view.order.attributes.get("tracking"),
        "createdAt": iso_millis(view.order.placed_at),
        "updatedAt": iso_millis(view.order.updated_at),
        "timeline": [{"name": e.name, "occurredAt": iso_millis(e.occurred_at)} for e in view.timeline],
    }
