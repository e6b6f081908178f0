from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DevicesEvent")


@_attrs_define
class DevicesEvent:
    """
    Attributes:
        event_timestamp (None | str):
        name (str):
    """

    event_timestamp: None | str
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_timestamp: None | str
        event_timestamp = self.event_timestamp

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventTimestamp": event_timestamp,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_event_timestamp(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event_timestamp = _parse_event_timestamp(d.pop("eventTimestamp"))

        name = d.pop("name")

        devices_event = cls(
            event_timestamp=event_timestamp,
            name=name,
        )

        devices_event.additional_properties = d
        return devices_event

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
