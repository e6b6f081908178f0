"""An order action's form, drawn from the action's declared inputs (core/flows/inputs.py):
which fields each action asks for, and reading them from the posted form into an
`ActionInput`. Whether the values are enough (a ship needs its tracking number) stays the
flows' own rule; this only checks shape and size."""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.datastructures import FormData

from carepost.core.flows.inputs import CARRIERS, NOTE, ActionInput, Input, Kind
from carepost.core.flows.registry import flow_of
from carepost.core.flows.spec import Action
from carepost.core.kit.errors import InvalidInput
from carepost.core.kit.text import has_control_characters, refused_in_text
from carepost.core.models import Order

TRACKING_ROWS = 3  # a shipment's tracking numbers: up to three boxes from the form
# An address's lines in the form, as the devices contract names them.
ADDRESS_FIELDS = (("line_one", "Address line 1", 255), ("line_two", "Address line 2", 255), ("city", "City", 100),
                  ("state", "State", 100), ("zip_code", "ZIP code", 20), ("country", "Country", 100))
# A destructive move's form asks for this box to be ticked: no single click cancels or rejects.
CONFIRM_LABEL = "I am sure: this cannot be undone"


def action_of(order: Order, name: str) -> Action:
    return flow_of(order.flow).action(name)


def label_of(order: Order, name: str | None) -> str | None:
    """The label of one of this order's flow's actions, or None for any other name."""
    found = next((a for a in flow_of(order.flow).actions if a.name == name), None)
    return found.label if found is not None else None


def unconfirmed(action: Action, form: FormData) -> InvalidInput | None:
    if action.destructive and form.get("confirm") != "yes":
        return InvalidInput(f"Nothing was done: tick “{CONFIRM_LABEL}” to {action.label.lower()}.", field="confirm")
    return None


def operator_input(form: FormData, action: Action) -> ActionInput:
    """The action's inputs from the form, checked for shape: one-line fields without control
    characters, notes without the harmful ones, sizes bounded, numbers as numbers."""
    values: dict[str, Any] = {}
    for given in (NOTE, *action.inputs):  # every action takes a note, drawn or not
        values[given.name] = _READERS[given.kind](form, given)
    return ActionInput(**values)


def _given(form: FormData, name: str) -> str | None:
    value = form.get(name)
    if value is not None and not isinstance(value, str):
        raise InvalidInput(f"{name}: text, not a file.", field=name)
    return value.strip() or None if value is not None else None


def _one_line(form: FormData, given: Input) -> str | None:
    value = _given(form, given.name)
    if value is not None and (len(value) > given.max_length or has_control_characters(value)):
        raise InvalidInput(f"{given.label}: one line of at most {given.max_length} characters.", field=given.name)
    return value


def _text(form: FormData, given: Input) -> str | None:
    value = _given(form, given.name)
    if value is not None and (len(value) > given.max_length or refused_in_text(value)):
        raise InvalidInput(f"{given.label}: at most {given.max_length} characters, without control characters.", field=given.name)
    return value


def _date(form: FormData, given: Input) -> date | None:
    value = _given(form, given.name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{given.label}: a date is YYYY-MM-DD.", field=given.name) from None


def _tracking_rows(form: FormData, given: Input) -> tuple[tuple[str, str], ...]:
    rows = []
    for row in range(TRACKING_ROWS):
        carrier, value = _given(form, f"tracking_carrier_{row}"), _given(form, f"tracking_value_{row}")
        if value is None:
            continue
        if carrier not in CARRIERS or len(value) > 64 or has_control_characters(value):
            raise InvalidInput(f"Tracking number {row + 1}: a carrier ({', '.join(CARRIERS)}) and one line of at most 64 characters.", field=given.name)
        rows.append((carrier, value))
    return tuple(rows)


def _devices(form: FormData, given: Input) -> tuple[int, ...]:
    return tuple(_number(value, "Devices: choose them from the list.", given.name) for value in form.getlist(given.name)[: given.max_length])


def _site(form: FormData, given: Input) -> int | None:
    value = _given(form, given.name)
    return _number(value, f"{given.label}: a site's number.", given.name) if value is not None else None


def _address(form: FormData, given: Input) -> dict[str, str] | None:
    lines = {}
    for name, label, limit in ADDRESS_FIELDS:
        value = _given(form, f"{given.name}_{name}")
        if value is not None and (len(value) > limit or has_control_characters(value)):
            raise InvalidInput(f"{label}: one line of at most {limit} characters.", field=given.name)
        if value is not None:
            lines[name] = value
    return lines or None


def _number(value: object, message: str, field: str) -> int:
    if not isinstance(value, str) or not value.isdecimal() or len(value) > 16:
        raise InvalidInput(message, field=field)
    return int(value)


_READERS = {
    Kind.LINE: _one_line, Kind.TEXT: _text, Kind.DATE: _date, Kind.TRACKING_ROWS: _tracking_rows,
    Kind.SERIALIZED: _devices, Kind.SITE: _site, Kind.ADDRESS: _address,
}
