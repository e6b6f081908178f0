"""What a logistics order may contain: the devices contract's rules, each with its own code.

Pure functions over the request and the catalog rows it names; no SQL here.
`place.py` runs them in this order: structure, catalog, loaners, returns.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass

from carepost.core.kit.errors import InvalidInput
from carepost.core.logistics.catalog import CatalogItem, CatalogKit
from carepost.core.patients.service import PatientIn
from carepost.core.patients.sites import SiteRef

SHIPPING_OPTIONS = ("standard", "expedited", "overnight")


@dataclass(frozen=True)
class Line:
    id: int
    count: int = 1


@dataclass(frozen=True)
class PatientRef:
    id: int


@dataclass(frozen=True)
class LogisticsOrderIn:
    patient: PatientRef | PatientIn | None = None
    site: SiteRef | None = None
    order_items: tuple[Line, ...] = ()
    order_kits: tuple[Line, ...] = ()
    return_items: tuple[Line, ...] = ()
    return_devices: tuple[int, ...] = ()
    return_packed_kits: tuple[Line, ...] = ()
    email_label: bool = False
    shipping_option: str | None = None
    external_order_ids: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def has_outbound(self) -> bool:
        return bool(self.order_items or self.order_kits)

    @property
    def has_returns(self) -> bool:
        return bool(self.return_items or self.return_devices or self.return_packed_kits)


def invalid_data(message: str, *, field: str | None = None) -> InvalidInput:
    return InvalidInput(message, code="invalid_data", **({"field": field} if field else {}))


def check_structure(order_in: LogisticsOrderIn) -> None:
    if order_in.patient is None and order_in.site is None:
        raise InvalidInput("An order goes to a patient or a site.", code="patient_or_site_required")
    if order_in.patient is not None and order_in.site is not None:
        raise InvalidInput("An order goes to a patient or a site, not both.", code="invalid_order")
    if not order_in.has_outbound and not order_in.has_returns:
        raise InvalidInput("The order contains nothing.", code="order_empty")
    if order_in.has_returns and not order_in.email_label and not order_in.shipping_option:
        raise InvalidInput("Returns without an e-mailed label need a shippingOption.", code="shipping_option_required")
    if order_in.shipping_option is not None and order_in.shipping_option not in SHIPPING_OPTIONS:
        raise invalid_data(f"shippingOption must be one of {', '.join(SHIPPING_OPTIONS)}.", field="shippingOption")


def check_catalog(order_in: LogisticsOrderIn, items: Mapping[int, CatalogItem], kits: Mapping[int, CatalogKit]) -> None:
    """Every id names something in the devices catalog (an item sold through the pharmacy API is
    not in it: the same answer as an unknown id); items ordered directly must be orderable, kits
    must be whole and current."""
    named_items = {line.id for line in (*order_in.order_items, *order_in.return_items)}
    offered = {item_id for item_id, found in items.items() if not found.sold_at_retail}
    if named_items - offered or {line.id for line in order_in.order_kits} - set(kits):
        raise invalid_data("An item or kit id names nothing in the catalog.")
    if any(not items[line.id].item.orderable for line in order_in.order_items):
        raise InvalidInput("Some ordered items are not orderable.", code="items_not_orderable")
    if any(not kits[line.id].orderable for line in order_in.order_kits):
        raise InvalidInput("A kit is archived or holds an item that is not orderable.", code="item_not_orderable")


def check_loaners(order_in: LogisticsOrderIn, kits: Mapping[int, CatalogKit]) -> None:
    loaner_lines = [line for line in order_in.order_kits if kits[line.id].kit.loaner]
    if not loaner_lines:
        return
    if len(loaner_lines) > 1:
        raise InvalidInput("Only one loaner kit is allowed per order.", code="max_one_loaner_kit")
    if loaner_lines[0].count != 1:
        raise InvalidInput("A loaner kit's quantity must be 1.", code="qty_over_one_loaner_kit")
    if order_in.has_returns:
        raise InvalidInput("Returns can't be combined with a loaner kit.", code="no_returns_with_loaner_kit")
    if order_in.site is not None:
        raise InvalidInput("Loaner kits ship to patients only.", code="no_loaner_kit_to_site")


def check_returns(order_in: LogisticsOrderIn, devices_in_returned_kits: Set[int]) -> None:
    if len(set(order_in.return_devices)) != len(order_in.return_devices):
        raise invalid_data("A device is listed more than once in returnDevices.", field="returnDevices")
    if len({line.id for line in order_in.return_packed_kits}) != len(order_in.return_packed_kits):
        raise invalid_data("A packed kit is listed more than once in returnPackedKits.", field="returnPackedKits")
    if any(device_id in devices_in_returned_kits for device_id in order_in.return_devices):
        raise InvalidInput("A device is both a return device and in a returned packed kit.", code="device_in_returned_kit")
    if any(line.count != 1 for line in order_in.return_packed_kits):
        raise invalid_data("A packed kit is one physical kit: its quantity is 1.")


@dataclass(frozen=True)
class Holder:
    """Who has a shipped device or packed kit: one patient or one site."""

    patient_id: int | None
    site_id: int | None


def check_return_holders(recipient: Holder, devices: Mapping[int, Holder], packed_kits: Mapping[int, Holder]) -> None:
    """What an order takes back must be with the patient or site it is for, not with another."""
    if any(holder != recipient for holder in devices.values()):
        raise invalid_data("A return device is not with this order's patient or site.", field="returnDevices")
    if any(holder != recipient for holder in packed_kits.values()):
        raise invalid_data("A returned packed kit is not with this order's patient or site.", field="returnPackedKits")


def check_no_open_return(devices_on_open_returns: Set[int], packed_kits_on_open_returns: Set[int]) -> None:
    """One device or packed kit comes back once: no second return while another is open."""
    if devices_on_open_returns:
        raise invalid_data("A return device is already on another open return order.", field="returnDevices")
    if packed_kits_on_open_returns:
        raise invalid_data("A returned packed kit is already on another open return order.", field="returnPackedKits")
