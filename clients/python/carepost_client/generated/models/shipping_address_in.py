from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ShippingAddressIn")


@_attrs_define
class ShippingAddressIn:
    """
    Attributes:
        first_name (str):
        last_name (str):
        address1 (str):
        city (str):
        country_code (str):
        zip_ (str):
        address2 (None | str | Unset):
        province (None | str | Unset):
        country (None | str | Unset):
    """

    first_name: str
    last_name: str
    address1: str
    city: str
    country_code: str
    zip_: str
    address2: None | str | Unset = UNSET
    province: None | str | Unset = UNSET
    country: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        address1 = self.address1

        city = self.city

        country_code = self.country_code

        zip_ = self.zip_

        address2: None | str | Unset
        if isinstance(self.address2, Unset):
            address2 = UNSET
        else:
            address2 = self.address2

        province: None | str | Unset
        if isinstance(self.province, Unset):
            province = UNSET
        else:
            province = self.province

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "first_name": first_name,
                "last_name": last_name,
                "address1": address1,
                "city": city,
                "country_code": country_code,
                "zip": zip_,
            }
        )
        if address2 is not UNSET:
            field_dict["address2"] = address2
        if province is not UNSET:
            field_dict["province"] = province
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        address1 = d.pop("address1")

        city = d.pop("city")

        country_code = d.pop("country_code")

        zip_ = d.pop("zip")

        def _parse_address2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address2 = _parse_address2(d.pop("address2", UNSET))

        def _parse_province(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        province = _parse_province(d.pop("province", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        shipping_address_in = cls(
            first_name=first_name,
            last_name=last_name,
            address1=address1,
            city=city,
            country_code=country_code,
            zip_=zip_,
            address2=address2,
            province=province,
            country=country,
        )

        return shipping_address_in
