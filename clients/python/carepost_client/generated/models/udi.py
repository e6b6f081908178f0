from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Udi")


@_attrs_define
class Udi:
    """
    Attributes:
        di (str):
        lot (str):
        production_date (str):
        gs1_element_string (str):
        printed_at (None | str):
    """

    di: str
    lot: str
    production_date: str
    gs1_element_string: str
    printed_at: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        di = self.di

        lot = self.lot

        production_date = self.production_date

        gs1_element_string = self.gs1_element_string

        printed_at: None | str
        printed_at = self.printed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "di": di,
                "lot": lot,
                "production_date": production_date,
                "gs1_element_string": gs1_element_string,
                "printed_at": printed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        di = d.pop("di")

        lot = d.pop("lot")

        production_date = d.pop("production_date")

        gs1_element_string = d.pop("gs1_element_string")

        def _parse_printed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        printed_at = _parse_printed_at(d.pop("printed_at"))

        udi = cls(
            di=di,
            lot=lot,
            production_date=production_date,
            gs1_element_string=gs1_element_string,
            printed_at=printed_at,
        )

        udi.additional_properties = d
        return udi

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
