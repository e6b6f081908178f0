from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_item_in import OrderItemIn
    from ..models.order_kit_in import OrderKitIn
    from ..models.order_note_in import OrderNoteIn
    from ..models.patient_order_in import PatientOrderIn
    from ..models.return_device_in import ReturnDeviceIn
    from ..models.return_item_in import ReturnItemIn
    from ..models.return_packed_kit_in import ReturnPackedKitIn
    from ..models.site_ref_in import SiteRefIn


T = TypeVar("T", bound="DevicesCreateOrderIn")


@_attrs_define
class DevicesCreateOrderIn:
    """
    Attributes:
        patient (None | PatientOrderIn | Unset):
        site (None | SiteRefIn | Unset):
        order_items (list[OrderItemIn] | None | Unset):
        order_kits (list[OrderKitIn] | None | Unset):
        return_devices (list[ReturnDeviceIn] | None | Unset):
        return_items (list[ReturnItemIn] | None | Unset):
        return_packed_kits (list[ReturnPackedKitIn] | None | Unset):
        email_label (bool | Unset):  Default: False.
        shipping_option (None | str | Unset):
        external_order_ids (list[str] | None | Unset):
        order_notes (list[OrderNoteIn] | None | Unset):
    """

    patient: None | PatientOrderIn | Unset = UNSET
    site: None | SiteRefIn | Unset = UNSET
    order_items: list[OrderItemIn] | None | Unset = UNSET
    order_kits: list[OrderKitIn] | None | Unset = UNSET
    return_devices: list[ReturnDeviceIn] | None | Unset = UNSET
    return_items: list[ReturnItemIn] | None | Unset = UNSET
    return_packed_kits: list[ReturnPackedKitIn] | None | Unset = UNSET
    email_label: bool | Unset = False
    shipping_option: None | str | Unset = UNSET
    external_order_ids: list[str] | None | Unset = UNSET
    order_notes: list[OrderNoteIn] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.patient_order_in import PatientOrderIn
        from ..models.site_ref_in import SiteRefIn

        patient: dict[str, Any] | None | Unset
        if isinstance(self.patient, Unset):
            patient = UNSET
        elif isinstance(self.patient, PatientOrderIn):
            patient = self.patient.to_dict()
        else:
            patient = self.patient

        site: dict[str, Any] | None | Unset
        if isinstance(self.site, Unset):
            site = UNSET
        elif isinstance(self.site, SiteRefIn):
            site = self.site.to_dict()
        else:
            site = self.site

        order_items: list[dict[str, Any]] | None | Unset
        if isinstance(self.order_items, Unset):
            order_items = UNSET
        elif isinstance(self.order_items, list):
            order_items = []
            for order_items_type_0_item_data in self.order_items:
                order_items_type_0_item = order_items_type_0_item_data.to_dict()
                order_items.append(order_items_type_0_item)

        else:
            order_items = self.order_items

        order_kits: list[dict[str, Any]] | None | Unset
        if isinstance(self.order_kits, Unset):
            order_kits = UNSET
        elif isinstance(self.order_kits, list):
            order_kits = []
            for order_kits_type_0_item_data in self.order_kits:
                order_kits_type_0_item = order_kits_type_0_item_data.to_dict()
                order_kits.append(order_kits_type_0_item)

        else:
            order_kits = self.order_kits

        return_devices: list[dict[str, Any]] | None | Unset
        if isinstance(self.return_devices, Unset):
            return_devices = UNSET
        elif isinstance(self.return_devices, list):
            return_devices = []
            for return_devices_type_0_item_data in self.return_devices:
                return_devices_type_0_item = return_devices_type_0_item_data.to_dict()
                return_devices.append(return_devices_type_0_item)

        else:
            return_devices = self.return_devices

        return_items: list[dict[str, Any]] | None | Unset
        if isinstance(self.return_items, Unset):
            return_items = UNSET
        elif isinstance(self.return_items, list):
            return_items = []
            for return_items_type_0_item_data in self.return_items:
                return_items_type_0_item = return_items_type_0_item_data.to_dict()
                return_items.append(return_items_type_0_item)

        else:
            return_items = self.return_items

        return_packed_kits: list[dict[str, Any]] | None | Unset
        if isinstance(self.return_packed_kits, Unset):
            return_packed_kits = UNSET
        elif isinstance(self.return_packed_kits, list):
            return_packed_kits = []
            for return_packed_kits_type_0_item_data in self.return_packed_kits:
                return_packed_kits_type_0_item = (
                    return_packed_kits_type_0_item_data.to_dict()
                )
                return_packed_kits.append(return_packed_kits_type_0_item)

        else:
            return_packed_kits = self.return_packed_kits

        email_label = self.email_label

        shipping_option: None | str | Unset
        if isinstance(self.shipping_option, Unset):
            shipping_option = UNSET
        else:
            shipping_option = self.shipping_option

        external_order_ids: list[str] | None | Unset
        if isinstance(self.external_order_ids, Unset):
            external_order_ids = UNSET
        elif isinstance(self.external_order_ids, list):
            external_order_ids = self.external_order_ids

        else:
            external_order_ids = self.external_order_ids

        order_notes: list[dict[str, Any]] | None | Unset
        if isinstance(self.order_notes, Unset):
            order_notes = UNSET
        elif isinstance(self.order_notes, list):
            order_notes = []
            for order_notes_type_0_item_data in self.order_notes:
                order_notes_type_0_item = order_notes_type_0_item_data.to_dict()
                order_notes.append(order_notes_type_0_item)

        else:
            order_notes = self.order_notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if patient is not UNSET:
            field_dict["patient"] = patient
        if site is not UNSET:
            field_dict["site"] = site
        if order_items is not UNSET:
            field_dict["orderItems"] = order_items
        if order_kits is not UNSET:
            field_dict["orderKits"] = order_kits
        if return_devices is not UNSET:
            field_dict["returnDevices"] = return_devices
        if return_items is not UNSET:
            field_dict["returnItems"] = return_items
        if return_packed_kits is not UNSET:
            field_dict["returnPackedKits"] = return_packed_kits
        if email_label is not UNSET:
            field_dict["emailLabel"] = email_label
        if shipping_option is not UNSET:
            field_dict["shippingOption"] = shipping_option
        if external_order_ids is not UNSET:
            field_dict["externalOrderIds"] = external_order_ids
        if order_notes is not UNSET:
            field_dict["orderNotes"] = order_notes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.order_item_in import OrderItemIn
        from ..models.order_kit_in import OrderKitIn
        from ..models.order_note_in import OrderNoteIn
        from ..models.patient_order_in import PatientOrderIn
        from ..models.return_device_in import ReturnDeviceIn
        from ..models.return_item_in import ReturnItemIn
        from ..models.return_packed_kit_in import ReturnPackedKitIn
        from ..models.site_ref_in import SiteRefIn

        d = dict(src_dict)

        def _parse_patient(data: object) -> None | PatientOrderIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                patient_type_0 = PatientOrderIn.from_dict(data)

                return patient_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PatientOrderIn | Unset, data)

        patient = _parse_patient(d.pop("patient", UNSET))

        def _parse_site(data: object) -> None | SiteRefIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                site_type_0 = SiteRefIn.from_dict(data)

                return site_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SiteRefIn | Unset, data)

        site = _parse_site(d.pop("site", UNSET))

        def _parse_order_items(data: object) -> list[OrderItemIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                order_items_type_0 = []
                _order_items_type_0 = data
                for order_items_type_0_item_data in _order_items_type_0:
                    order_items_type_0_item = OrderItemIn.from_dict(
                        order_items_type_0_item_data
                    )

                    order_items_type_0.append(order_items_type_0_item)

                return order_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrderItemIn] | None | Unset, data)

        order_items = _parse_order_items(d.pop("orderItems", UNSET))

        def _parse_order_kits(data: object) -> list[OrderKitIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                order_kits_type_0 = []
                _order_kits_type_0 = data
                for order_kits_type_0_item_data in _order_kits_type_0:
                    order_kits_type_0_item = OrderKitIn.from_dict(
                        order_kits_type_0_item_data
                    )

                    order_kits_type_0.append(order_kits_type_0_item)

                return order_kits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrderKitIn] | None | Unset, data)

        order_kits = _parse_order_kits(d.pop("orderKits", UNSET))

        def _parse_return_devices(data: object) -> list[ReturnDeviceIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                return_devices_type_0 = []
                _return_devices_type_0 = data
                for return_devices_type_0_item_data in _return_devices_type_0:
                    return_devices_type_0_item = ReturnDeviceIn.from_dict(
                        return_devices_type_0_item_data
                    )

                    return_devices_type_0.append(return_devices_type_0_item)

                return return_devices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReturnDeviceIn] | None | Unset, data)

        return_devices = _parse_return_devices(d.pop("returnDevices", UNSET))

        def _parse_return_items(data: object) -> list[ReturnItemIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                return_items_type_0 = []
                _return_items_type_0 = data
                for return_items_type_0_item_data in _return_items_type_0:
                    return_items_type_0_item = ReturnItemIn.from_dict(
                        return_items_type_0_item_data
                    )

                    return_items_type_0.append(return_items_type_0_item)

                return return_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReturnItemIn] | None | Unset, data)

        return_items = _parse_return_items(d.pop("returnItems", UNSET))

        def _parse_return_packed_kits(
            data: object,
        ) -> list[ReturnPackedKitIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                return_packed_kits_type_0 = []
                _return_packed_kits_type_0 = data
                for return_packed_kits_type_0_item_data in _return_packed_kits_type_0:
                    return_packed_kits_type_0_item = ReturnPackedKitIn.from_dict(
                        return_packed_kits_type_0_item_data
                    )

                    return_packed_kits_type_0.append(return_packed_kits_type_0_item)

                return return_packed_kits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReturnPackedKitIn] | None | Unset, data)

        return_packed_kits = _parse_return_packed_kits(d.pop("returnPackedKits", UNSET))

        email_label = d.pop("emailLabel", UNSET)

        def _parse_shipping_option(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        shipping_option = _parse_shipping_option(d.pop("shippingOption", UNSET))

        def _parse_external_order_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                external_order_ids_type_0 = cast(list[str], data)

                return external_order_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        external_order_ids = _parse_external_order_ids(d.pop("externalOrderIds", UNSET))

        def _parse_order_notes(data: object) -> list[OrderNoteIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                order_notes_type_0 = []
                _order_notes_type_0 = data
                for order_notes_type_0_item_data in _order_notes_type_0:
                    order_notes_type_0_item = OrderNoteIn.from_dict(
                        order_notes_type_0_item_data
                    )

                    order_notes_type_0.append(order_notes_type_0_item)

                return order_notes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrderNoteIn] | None | Unset, data)

        order_notes = _parse_order_notes(d.pop("orderNotes", UNSET))

        devices_create_order_in = cls(
            patient=patient,
            site=site,
            order_items=order_items,
            order_kits=order_kits,
            return_devices=return_devices,
            return_items=return_items,
            return_packed_kits=return_packed_kits,
            email_label=email_label,
            shipping_option=shipping_option,
            external_order_ids=external_order_ids,
            order_notes=order_notes,
        )

        return devices_create_order_in
