from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoicingIn")


@_attrs_define
class InvoicingIn:
    """The CFDI's receiver. The create's INVOICING has no `cfdi_use` or `fiscal_regime`;
    both are accepted there too, and default as docs/pharmacy.md says.

        Attributes:
            full_name (str):
            email (str):
            rfc (str):
            street (str):
            exterior_number (str):
            neighborhood (str):
            city (str):
            state (str):
            country (str):
            zipcode (str):
            cfdi_use (None | str | Unset):
            fiscal_regime (None | str | Unset):
    """

    full_name: str
    email: str
    rfc: str
    street: str
    exterior_number: str
    neighborhood: str
    city: str
    state: str
    country: str
    zipcode: str
    cfdi_use: None | str | Unset = UNSET
    fiscal_regime: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        full_name = self.full_name

        email = self.email

        rfc = self.rfc

        street = self.street

        exterior_number = self.exterior_number

        neighborhood = self.neighborhood

        city = self.city

        state = self.state

        country = self.country

        zipcode = self.zipcode

        cfdi_use: None | str | Unset
        if isinstance(self.cfdi_use, Unset):
            cfdi_use = UNSET
        else:
            cfdi_use = self.cfdi_use

        fiscal_regime: None | str | Unset
        if isinstance(self.fiscal_regime, Unset):
            fiscal_regime = UNSET
        else:
            fiscal_regime = self.fiscal_regime

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "full_name": full_name,
                "email": email,
                "rfc": rfc,
                "street": street,
                "exterior_number": exterior_number,
                "neighborhood": neighborhood,
                "city": city,
                "state": state,
                "country": country,
                "zipcode": zipcode,
            }
        )
        if cfdi_use is not UNSET:
            field_dict["cfdi_use"] = cfdi_use
        if fiscal_regime is not UNSET:
            field_dict["fiscal_regime"] = fiscal_regime

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        full_name = d.pop("full_name")

        email = d.pop("email")

        rfc = d.pop("rfc")

        street = d.pop("street")

        exterior_number = d.pop("exterior_number")

        neighborhood = d.pop("neighborhood")

        city = d.pop("city")

        state = d.pop("state")

        country = d.pop("country")

        zipcode = d.pop("zipcode")

        def _parse_cfdi_use(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cfdi_use = _parse_cfdi_use(d.pop("cfdi_use", UNSET))

        def _parse_fiscal_regime(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fiscal_regime = _parse_fiscal_regime(d.pop("fiscal_regime", UNSET))

        invoicing_in = cls(
            full_name=full_name,
            email=email,
            rfc=rfc,
            street=street,
            exterior_number=exterior_number,
            neighborhood=neighborhood,
            city=city,
            state=state,
            country=country,
            zipcode=zipcode,
            cfdi_use=cfdi_use,
            fiscal_regime=fiscal_regime,
        )

        invoicing_in.additional_properties = d
        return invoicing_in

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
