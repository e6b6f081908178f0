from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.device_event import DeviceEvent
    from ..models.identifier import Identifier
    from ..models.item import Item
    from ..models.patient import Patient
    from ..models.site import Site


T = TypeVar("T", bound="Device")


@_attrs_define
class Device:
    """
    Attributes:
        current_patient (None | Patient):
        current_status (str):
        device_events (list[DeviceEvent]):
        device_identifiers (list[Identifier]):
        disabled_readings (bool):
        external_identifier (str):
        id (int):
        item (Item):
        last_health_check (None | str):
        site (None | Site):
        used (bool):
    """

    current_patient: None | Patient
    current_status: str
    device_events: list[DeviceEvent]
    device_identifiers: list[Identifier]
    disabled_readings: bool
    external_identifier: str
    id: int
    item: Item
    last_health_check: None | str
    site: None | Site
    used: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.patient import Patient
        from ..models.site import Site

        current_patient: dict[str, Any] | None
        if isinstance(self.current_patient, Patient):
            current_patient = self.current_patient.to_dict()
        else:
            current_patient = self.current_patient

        current_status = self.current_status

        device_events = []
        for device_events_item_data in self.device_events:
            device_events_item = device_events_item_data.to_dict()
            device_events.append(device_events_item)

        device_identifiers = []
        for device_identifiers_item_data in self.device_identifiers:
            device_identifiers_item = device_identifiers_item_data.to_dict()
            device_identifiers.append(device_identifiers_item)

        disabled_readings = self.disabled_readings

        external_identifier = self.external_identifier

        id = self.id

        item = self.item.to_dict()

        last_health_check: None | str
        last_health_check = self.last_health_check

        site: dict[str, Any] | None
        if isinstance(self.site, Site):
            site = self.site.to_dict()
        else:
            site = self.site

        used = self.used

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currentPatient": current_patient,
                "currentStatus": current_status,
                "deviceEvents": device_events,
                "deviceIdentifiers": device_identifiers,
                "disabledReadings": disabled_readings,
                "externalIdentifier": external_identifier,
                "id": id,
                "item": item,
                "lastHealthCheck": last_health_check,
                "site": site,
                "used": used,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.device_event import DeviceEvent
        from ..models.identifier import Identifier
        from ..models.item import Item
        from ..models.patient import Patient
        from ..models.site import Site

        d = dict(src_dict)

        def _parse_current_patient(data: object) -> None | Patient:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_patient_type_0 = Patient.from_dict(data)

                return current_patient_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Patient, data)

        current_patient = _parse_current_patient(d.pop("currentPatient"))

        current_status = d.pop("currentStatus")

        device_events = []
        _device_events = d.pop("deviceEvents")
        for device_events_item_data in _device_events:
            device_events_item = DeviceEvent.from_dict(device_events_item_data)

            device_events.append(device_events_item)

        device_identifiers = []
        _device_identifiers = d.pop("deviceIdentifiers")
        for device_identifiers_item_data in _device_identifiers:
            device_identifiers_item = Identifier.from_dict(device_identifiers_item_data)

            device_identifiers.append(device_identifiers_item)

        disabled_readings = d.pop("disabledReadings")

        external_identifier = d.pop("externalIdentifier")

        id = d.pop("id")

        item = Item.from_dict(d.pop("item"))

        def _parse_last_health_check(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_health_check = _parse_last_health_check(d.pop("lastHealthCheck"))

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

        used = d.pop("used")

        device = cls(
            current_patient=current_patient,
            current_status=current_status,
            device_events=device_events,
            device_identifiers=device_identifiers,
            disabled_readings=disabled_readings,
            external_identifier=external_identifier,
            id=id,
            item=item,
            last_health_check=last_health_check,
            site=site,
            used=used,
        )

        device.additional_properties = d
        return device

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
