from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Tracking")


@_attrs_define
class Tracking:
    """
    Attributes:
        carrier (None | str):
        tracking_number (str):
        shipped_date (None | str):
    """

    carrier: None | str
    tracking_number: str
    shipped_date: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        carrier: None | str
        carrier = self.carrier

        tracking_number = self.tracking_number

        shipped_date: None | str
        shipped_date = self.shipped_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "carrier": carrier,
                "tracking_number": tracking_number,
                "shipped_date": shipped_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_carrier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        carrier = _parse_carrier(d.pop("carrier"))

        tracking_number = d.pop("tracking_number")

        def _parse_shipped_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shipped_date = _parse_shipped_date(d.pop("shipped_date"))

        tracking = cls(
            carrier=carrier,
            tracking_number=tracking_number,
            shipped_date=shipped_date,
        )

        tracking.additional_properties = d
        return tracking

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
