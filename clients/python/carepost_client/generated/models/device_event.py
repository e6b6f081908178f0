from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeviceEvent")


@_attrs_define
class DeviceEvent:
    """
    Attributes:
        event_timestamp (None | str):
        type_ (str):
    """

    event_timestamp: None | str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_timestamp: None | str
        event_timestamp = self.event_timestamp

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventTimestamp": event_timestamp,
                "type": type_,
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

        type_ = d.pop("type")

        device_event = cls(
            event_timestamp=event_timestamp,
            type_=type_,
        )

        device_event.additional_properties = d
        return device_event

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
