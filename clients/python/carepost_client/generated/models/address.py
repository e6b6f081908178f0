from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Address")


@_attrs_define
class Address:
    """
    Attributes:
        line_one (None | str):
        line_two (None | str):
        line_three (None | str):
        city (None | str):
        state (None | str):
        zip_code (None | str):
        country (None | str):
        note (None | str):
    """

    line_one: None | str
    line_two: None | str
    line_three: None | str
    city: None | str
    state: None | str
    zip_code: None | str
    country: None | str
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line_one: None | str
        line_one = self.line_one

        line_two: None | str
        line_two = self.line_two

        line_three: None | str
        line_three = self.line_three

        city: None | str
        city = self.city

        state: None | str
        state = self.state

        zip_code: None | str
        zip_code = self.zip_code

        country: None | str
        country = self.country

        note: None | str
        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lineOne": line_one,
                "lineTwo": line_two,
                "lineThree": line_three,
                "city": city,
                "state": state,
                "zipCode": zip_code,
                "country": country,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_line_one(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_one = _parse_line_one(d.pop("lineOne"))

        def _parse_line_two(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_two = _parse_line_two(d.pop("lineTwo"))

        def _parse_line_three(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_three = _parse_line_three(d.pop("lineThree"))

        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))

        def _parse_state(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        state = _parse_state(d.pop("state"))

        def _parse_zip_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        zip_code = _parse_zip_code(d.pop("zipCode"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        address = cls(
            line_one=line_one,
            line_two=line_two,
            line_three=line_three,
            city=city,
            state=state,
            zip_code=zip_code,
            country=country,
            note=note,
        )

        address.additional_properties = d
        return address

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
