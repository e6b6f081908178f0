from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.device import Device
    from ..models.devices_event import DevicesEvent
    from ..models.order_item import OrderItem
    from ..models.order_kit import OrderKit
    from ..models.order_note import OrderNote
    from ..models.packed_kit import PackedKit
    from ..models.patient import Patient
    from ..models.return_device import ReturnDevice
    from ..models.return_item import ReturnItem
    from ..models.return_packed_kit import ReturnPackedKit
    from ..models.site import Site
    from ..models.tracking_number import TrackingNumber


T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """
    Attributes:
        current_status (str):
        devices (list[Device]):
        email_label (bool):
        external_order_ids (list[str]):
        id (int):
        order_events (list[DevicesEvent]):
        order_items (list[OrderItem]):
        order_kits (list[OrderKit]):
        order_notes (list[OrderNote]):
        packed_kits (list[PackedKit]):
        patient (None | Patient):
        return_devices (list[ReturnDevice]):
        return_items (list[ReturnItem]):
        return_packed_kits (list[ReturnPackedKit]):
        shipping_option (None | str):
        site (None | Site):
        tracking_numbers (list[TrackingNumber]):
    """

    current_status: str
    devices: list[Device]
    email_label: bool
    external_order_ids: list[str]
    id: int
    order_events: list[DevicesEvent]
    order_items: list[OrderItem]
    order_kits: list[OrderKit]
    order_notes: list[OrderNote]
    packed_kits: list[PackedKit]
    patient: None | Patient
    return_devices: list[ReturnDevice]
    return_items: list[ReturnItem]
    return_packed_kits: list[ReturnPackedKit]
    shipping_option: None | str
    site: None | Site
    tracking_numbers: list[TrackingNumber]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.patient import Patient
        from ..models.site import Site

        current_status = self.current_status

        devices = []
        for devices_item_data in self.devices:
            devices_item = devices_item_data.to_dict()
            devices.append(devices_item)

        email_label = self.email_label

        external_order_ids = self.external_order_ids

        id = self.id

        order_events = []
        for order_events_item_data in self.order_events:
            order_events_item = order_events_item_data.to_dict()
            order_events.append(order_events_item)

        order_items = []
        for order_items_item_data in self.order_items:
            order_items_item = order_items_item_data.to_dict()
            order_items.append(order_items_item)

        order_kits = []
        for order_kits_item_data in self.order_kits:
            order_kits_item = order_kits_item_data.to_dict()
            order_kits.append(order_kits_item)

        order_notes = []
        for order_notes_item_data in self.order_notes:
            order_notes_item = order_notes_item_data.to_dict()
            order_notes.append(order_notes_item)

        packed_kits = []
        for packed_kits_item_data in self.packed_kits:
            packed_kits_item = packed_kits_item_data.to_dict()
            packed_kits.append(packed_kits_item)

        patient: dict[str, Any] | None
        if isinstance(self.patient, Patient):
            patient = self.patient.to_dict()
        else:
            patient = self.patient

        return_devices = []
        for return_devices_item_data in self.return_devices:
            return_devices_item = return_devices_item_data.to_dict()
            return_devices.append(return_devices_item)

        return_items = []
        for return_items_item_data in self.return_items:
            return_items_item = return_items_item_data.to_dict()
            return_items.append(return_items_item)

        return_packed_kits = []
        for return_packed_kits_item_data in self.return_packed_kits:
            return_packed_kits_item = return_packed_kits_item_data.to_dict()
            return_packed_kits.append(return_packed_kits_item)

        shipping_option: None | str
        shipping_option = self.shipping_option

        site: dict[str, Any] | None
        if isinstance(self.site, Site):
            site = self.site.to_dict()
        else:
            site = self.site

        tracking_numbers = []
        for tracking_numbers_item_data in self.tracking_numbers:
            tracking_numbers_item = tracking_numbers_item_data.to_dict()
            tracking_numbers.append(tracking_numbers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currentStatus": current_status,
                "devices": devices,
                "emailLabel": email_label,
                "externalOrderIds": external_order_ids,
                "id": id,
                "orderEvents": order_events,
                "orderItems": order_items,
                "orderKits": order_kits,
                "orderNotes": order_notes,
                "packedKits": packed_kits,
                "patient": patient,
                "returnDevices": return_devices,
                "returnItems": return_items,
                "returnPackedKits": return_packed_kits,
                "shippingOption": shipping_option,
                "site": site,
                "trackingNumbers": tracking_numbers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.device import Device
        from ..models.devices_event import DevicesEvent
        from ..models.order_item import OrderItem
        from ..models.order_kit import OrderKit
        from ..models.order_note import OrderNote
        from ..models.packed_kit import PackedKit
        from ..models.patient import Patient
        from ..models.return_device import ReturnDevice
        from ..models.return_item import ReturnItem
        from ..models.return_packed_kit import ReturnPackedKit
        from ..models.site import Site
        from ..models.tracking_number import TrackingNumber

        d = dict(src_dict)
        current_status = d.pop("currentStatus")

        devices = []
        _devices = d.pop("devices")
        for devices_item_data in _devices:
            devices_item = Device.from_dict(devices_item_data)

            devices.append(devices_item)

        email_label = d.pop("emailLabel")

        external_order_ids = cast(list[str], d.pop("externalOrderIds"))

        id = d.pop("id")

        order_events = []
        _order_events = d.pop("orderEvents")
        for order_events_item_data in _order_events:
            order_events_item = DevicesEvent.from_dict(order_events_item_data)

            order_events.append(order_events_item)

        order_items = []
        _order_items = d.pop("orderItems")
        for order_items_item_data in _order_items:
            order_items_item = OrderItem.from_dict(order_items_item_data)

            order_items.append(order_items_item)

        order_kits = []
        _order_kits = d.pop("orderKits")
        for order_kits_item_data in _order_kits:
            order_kits_item = OrderKit.from_dict(order_kits_item_data)

            order_kits.append(order_kits_item)

        order_notes = []
        _order_notes = d.pop("orderNotes")
        for order_notes_item_data in _order_notes:
            order_notes_item = OrderNote.from_dict(order_notes_item_data)

            order_notes.append(order_notes_item)

        packed_kits = []
        _packed_kits = d.pop("packedKits")
        for packed_kits_item_data in _packed_kits:
            packed_kits_item = PackedKit.from_dict(packed_kits_item_data)

            packed_kits.append(packed_kits_item)

        def _parse_patient(data: object) -> None | Patient:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                patient_type_0 = Patient.from_dict(data)

                return patient_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Patient, data)

        patient = _parse_patient(d.pop("patient"))

        return_devices = []
        _return_devices = d.pop("returnDevices")
        for return_devices_item_data in _return_devices:
            return_devices_item = ReturnDevice.from_dict(return_devices_item_data)

            return_devices.append(return_devices_item)

        return_items = []
        _return_items = d.pop("returnItems")
        for return_items_item_data in _return_items:
            return_items_item = ReturnItem.from_dict(return_items_item_data)

            return_items.append(return_items_item)

        return_packed_kits = []
        _return_packed_kits = d.pop("returnPackedKits")
        for return_packed_kits_item_data in _return_packed_kits:
            return_packed_kits_item = ReturnPackedKit.from_dict(
                return_packed_kits_item_data
            )

            return_packed_kits.append(return_packed_kits_item)

        def _parse_shipping_option(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shipping_option = _parse_shipping_option(d.pop("shippingOption"))

        def _parse_site(data: object) -> None | Site:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                site_type_0 = Site.from_dict(data)

                return site_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Site, data)

        site = _parse_site(d.pop("site"))

        tracking_numbers = []
        _tracking_numbers = d.pop("trackingNumbers")
        for tracking_numbers_item_data in _tracking_numbers:
            tracking_numbers_item = TrackingNumber.from_dict(tracking_numbers_item_data)

            tracking_numbers.append(tracking_numbers_item)

        order = cls(
            current_status=current_status,
            devices=devices,
            email_label=email_label,
            external_order_ids=external_order_ids,
            id=id,
            order_events=order_events,
            order_items=order_items,
            order_kits=order_kits,
            order_notes=order_notes,
            packed_kits=packed_kits,
            patient=patient,
            return_devices=return_devices,
            return_items=return_items,
            return_packed_kits=return_packed_kits,
            shipping_option=shipping_option,
            site=site,
            tracking_numbers=tracking_numbers,
        )

        order.additional_properties = d
        return order

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
