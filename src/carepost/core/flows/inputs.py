"""What an operator may give an action: one catalogue of inputs, each with its label,
kind and bounds, from which the console draws its forms, the operator API builds its body
model and the CLI its options. A flow's action names the inputs it takes (`Action.inputs`);
the values arrive as one `ActionInput`, and each flow's effect reads what it needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

CARRIERS = ("usps", "ups", "fedex", "dhl", "other")  # a devices shipment's tracking numbers


class Kind(StrEnum):
    LINE = "line"  # one line of text
    TEXT = "text"  # a note or a reason: several lines, no harmful control characters
    DATE = "date"
    TRACKING_ROWS = "tracking_rows"  # (carrier, number) pairs, the carrier one of CARRIERS
    SERIALIZED = "serialized"  # serialized devices to use, chosen from the order's site's shelf
    ADDRESS = "address"  # a corrected ship-to address
    SITE = "site"  # a fulfillment site's id


@dataclass(frozen=True)
class Input:
    name: str  # the field's name in the operator API's body, the console's form and the CLI
    label: str
    kind: Kind
    max_length: int = 0  # characters (LINE, TEXT) or items (TRACKING_ROWS, SERIALIZED)
    required: bool = False  # the flow refuses the action without it

    def bounded(self, max_length: int) -> Input:
        """The same input with a flow's own bound (a masks carrier fits a 40-character column)."""
        return Input(self.name, self.label, self.kind, max_length, self.required)


NOTE = Input("note", "Note", Kind.TEXT, 512)  # every action takes one; it rides on the event
REASON = Input("reason", "Reason", Kind.TEXT, 500, required=True)
CARRIER = Input("carrier", "Carrier", Kind.LINE, 64, required=True)
TRACKING_NUMBER = Input("tracking_number", "Tracking number", Kind.LINE, 64, required=True)
SHIPPED_DATE = Input("shipped_date", "Shipped on", Kind.DATE)
TRACKING_NUMBERS = Input("tracking_numbers", "Tracking numbers", Kind.TRACKING_ROWS, 20, required=True)
DEVICE_IDS = Input("device_ids", "Devices", Kind.SERIALIZED, 500)
ADDRESS = Input("address", "Corrected address", Kind.ADDRESS)
FULFILLMENT_SITE = Input("fulfillment_site_id", "Fulfillment site", Kind.SITE)


@dataclass(frozen=True)
class ActionInput:
    """Whatever was given for an action, from any surface; a field not given is None or empty."""

    note: str | None = None
    reason: str | None = None
    carrier: str | None = None
    tracking_number: str | None = None
    shipped_date: date | None = None
    tracking_numbers: tuple[tuple[str, str], ...] = ()  # (carrier, value)
    device_ids: tuple[int, ...] = ()
    address: dict[str, Any] | None = None
    fulfillment_site_id: int | None = None
