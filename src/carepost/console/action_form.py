"""An order action's form: which inputs each action asks for, and reading them from the
posted form into the core's `OperatorInput`. Whether the values are enough (a ship needs
its tracking number) stays the flows' own rule; this only checks shape and size."""

from __future__ import annotations

from datetime import date

from starlette.datastructures import FormData

from carepost.core.kit.errors import InvalidInput
from carepost.core.kit.text import has_control_characters, refused_in_text
from carepost.core.logistics.operations import CARRIERS as DEVICE_CARRIERS
from carepost.core.operators.order_actions import OperatorInput

TRACKING_ROWS = 3  # a devices shipment's tracking numbers: up to three boxes from the form

# (field, label, maximum length); `tracking_rows` and `devices` are drawn by the template.
_ONE_LINE = {"carrier": ("Carrier", 40), "tracking_number": ("Tracking number", 64)}
_TEXT = {"note": ("Note", 512), "reason": ("Reason", 500)}

# What each action asks for, by flow (a masks `ship` and a devices `ship` differ).
INPUTS: dict[str, dict[str, tuple[str, ...]]] = {
    "made_to_measure": {"approve_scan": ("note",), "reject_scan": ("note",), "ship": ("carrier", "tracking_number", "shipped_date")},
    "logistics": {"pack": ("devices", "note"), "ship": ("tracking_rows", "note"), "cancel": ("note",)},
    "retail": {"dispatch": ("carrier", "tracking_number"), "reject_payment": ("reason",), "cancel": ()},
    "prescription": {"reject": ("reason",), "cancel": ("reason",), "ship": ("carrier", "tracking_number")},
}
LABELS = {
    "complete_scan": "Mark the scan complete", "approve_scan": "Approve the scan", "reject_scan": "Reject the scan",
    "start_mesh": "Start meshing", "start_print": "Start printing", "start_qa": "Start the quality check",
    "print_label": "Print the UDI label", "ship": "Ship", "deliver": "Mark delivered", "factory_cancel": "Cancel in the factory",
    "reconfirm_address": "Confirm the address", "pack": "Pack", "send_return_label": "Send the return label",
    "receive_returns": "Receive the returns", "cancel": "Cancel the order", "approve": "Approve", "start_building": "Start building",
    "dispatch": "Dispatch", "start_payment": "Payment started", "mark_paid": "Mark paid", "reject_payment": "Reject the payment",
    "retry_invoice": "Retry the invoice", "retry": "Retry", "accept": "Accepted by the pharmacy", "reject": "Rejected by the pharmacy",
    "fill": "Filled",
}
DESTRUCTIVE = frozenset({"factory_cancel", "cancel", "reject_scan", "reject_payment", "reject"})
# A destructive move's form asks for this box to be ticked: no single click cancels or rejects.
CONFIRM_LABEL = "I am sure: this cannot be undone"


def inputs_of(flow: str, action: str) -> tuple[str, ...]:
    return INPUTS.get(flow, {}).get(action, ())


def operator_input(form: FormData) -> OperatorInput:
    """Whatever the form holds, checked for shape: one-line fields without control characters,
    notes without the harmful ones, sizes bounded, numbers as numbers."""
    values = {name: _one_line(form, name, limit) for name, (_, limit) in _ONE_LINE.items()}
    values |= {name: _text(form, name, limit) for name, (_, limit) in _TEXT.items()}
    return OperatorInput(
        **values,
        shipped_date=_date(form.get("shipped_date")),
        tracking_numbers=_tracking_rows(form),
        device_ids=tuple(_device_id(value) for value in form.getlist("device_ids")[:500]),
    )


def _given(form: FormData, name: str) -> str | None:
    value = form.get(name)
    if value is not None and not isinstance(value, str):
        raise InvalidInput(f"{name}: text, not a file.", field=name)
    return value.strip() or None if value is not None else None


def _one_line(form: FormData, name: str, limit: int) -> str | None:
    value = _given(form, name)
    if value is not None and (len(value) > limit or has_control_characters(value)):
        raise InvalidInput(f"{_ONE_LINE[name][0]}: one line of at most {limit} characters.", field=name)
    return value


def _text(form: FormData, name: str, limit: int) -> str | None:
    value = _given(form, name)
    if value is not None and (len(value) > limit or refused_in_text(value)):
        raise InvalidInput(f"{_TEXT[name][0]}: at most {limit} characters, without control characters.", field=name)
    return value


def _date(value: object) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput("Shipped date: a date is YYYY-MM-DD.", field="shipped_date") from None


def _tracking_rows(form: FormData) -> tuple[tuple[str, str], ...]:
    rows = []
    for row in range(TRACKING_ROWS):
        carrier, value = _given(form, f"tracking_carrier_{row}"), _given(form, f"tracking_value_{row}")
        if value is None:
            continue
        if carrier not in DEVICE_CARRIERS or len(value) > 64 or has_control_characters(value):
            raise InvalidInput(f"Tracking number {row + 1}: a carrier ({', '.join(DEVICE_CARRIERS)}) and one line of at most 64 characters.", field="tracking_numbers")
        rows.append((carrier, value))
    return tuple(rows)


def _device_id(value: object) -> int:
    if not isinstance(value, str) or not value.isdecimal() or len(value) > 16:
        raise InvalidInput("Devices: choose them from the list.", field="device_ids")
    return int(value)
