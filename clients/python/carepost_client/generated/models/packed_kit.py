from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.device import Device
    from ..models.kit import Kit


T = TypeVar("T", bound="PackedKit")


@_attrs_define
class PackedKit:
    """
    Attributes:
        devices (list[Device]):
        external_identifier (None | str):
        id (int):
        kit (Kit):
    """

    devices: list[Device]
    external_identifier: None | str
    id: int
    kit: Kit
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        devices = []
        for devices_item_data in self.devices:
            devices_item = devices_item_data.to_dict()
            devices.append(devices_item)

        external_identifier: None | str
        external_identifier = self.external_identifier

        id = self.id

        kit = self.kit.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "devices": devices,
                "externalIdentifier": external_identifier,
                "id": id,
                "kit": kit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.device import Device
        from ..models.kit import Kit

        d = dict(src_dict)
        devices = []
        _devices = d.pop("devices")
        for devices_item_data in _devices:
            devices_item = Device.from_dict(devices_item_data)

            devices.append(devices_item)

        def _parse_external_identifier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_identifier = _parse_external_identifier(d.pop("externalIdentifier"))

        id = d.pop("id")

        kit = Kit.from_dict(d.pop("kit"))

        packed_kit = cls(
            devices=devices,
            external_identifier=external_identifier,
            id=id,
            kit=kit,
        )

        packed_kit.additional_properties = d
        return packed_kit

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
