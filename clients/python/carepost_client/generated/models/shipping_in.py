from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ShippingIn")


@_attrs_define
class ShippingIn:
    """
    Attributes:
        street (str):
        exterior_number (str):
        neighborhood (str):
        city (str):
        state (str):
        country (str):
        zipcode (str):
        interior_number (None | str | Unset):
        phone (None | str | Unset):
    """

    street: str
    exterior_number: str
    neighborhood: str
    city: str
    state: str
    country: str
    zipcode: str
    interior_number: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        street = self.street

        exterior_number = self.exterior_number

        neighborhood = self.neighborhood

        city = self.city

        state = self.state

        country = self.country

        zipcode = self.zipcode

        interior_number: None | str | Unset
        if isinstance(self.interior_number, Unset):
            interior_number = UNSET
        else:
            interior_number = self.interior_number

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "street": street,
                "exterior_number": exterior_number,
                "neighborhood": neighborhood,
                "city": city,
                "state": state,
                "country": country,
                "zipcode": zipcode,
            }
        )
        if interior_number is not UNSET:
            field_dict["interior_number"] = interior_number
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        street = d.pop("street")

        exterior_number = d.pop("exterior_number")

        neighborhood = d.pop("neighborhood")

        city = d.pop("city")

        state = d.pop("state")

        country = d.pop("country")

        zipcode = d.pop("zipcode")

        def _parse_interior_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        interior_number = _parse_interior_number(d.pop("interior_number", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        shipping_in = cls(
            street=street,
            exterior_number=exterior_number,
            neighborhood=neighborhood,
            city=city,
            state=state,
            country=country,
            zipcode=zipcode,
            interior_number=interior_number,
            phone=phone,
        )

        shipping_in.additional_properties = d
        return shipping_in

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
