from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cases_address import CasesAddress


T = TypeVar("T", bound="CasesPrescriber")


@_attrs_define
class CasesPrescriber:
    """
    Attributes:
        first_name (str):
        last_name (str):
        npi (str): 10 digits, with a valid check digit.
        email (str):
        phone_number (str):
        address (CasesAddress):
        title (None | str | Unset):
        title_suffix (None | str | Unset):
        dea (None | str | Unset): Required to prescribe a controlled drug.
    """

    first_name: str
    last_name: str
    npi: str
    email: str
    phone_number: str
    address: CasesAddress
    title: None | str | Unset = UNSET
    title_suffix: None | str | Unset = UNSET
    dea: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        npi = self.npi

        email = self.email

        phone_number = self.phone_number

        address = self.address.to_dict()

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        title_suffix: None | str | Unset
        if isinstance(self.title_suffix, Unset):
            title_suffix = UNSET
        else:
            title_suffix = self.title_suffix

        dea: None | str | Unset
        if isinstance(self.dea, Unset):
            dea = UNSET
        else:
            dea = self.dea

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "firstName": first_name,
                "lastName": last_name,
                "npi": npi,
                "email": email,
                "phoneNumber": phone_number,
                "address": address,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if title_suffix is not UNSET:
            field_dict["titleSuffix"] = title_suffix
        if dea is not UNSET:
            field_dict["dea"] = dea

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cases_address import CasesAddress

        d = dict(src_dict)
        first_name = d.pop("firstName")

        last_name = d.pop("lastName")

        npi = d.pop("npi")

        email = d.pop("email")

        phone_number = d.pop("phoneNumber")

        address = CasesAddress.from_dict(d.pop("address"))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_title_suffix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title_suffix = _parse_title_suffix(d.pop("titleSuffix", UNSET))

        def _parse_dea(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dea = _parse_dea(d.pop("dea", UNSET))

        cases_prescriber = cls(
            first_name=first_name,
            last_name=last_name,
            npi=npi,
            email=email,
            phone_number=phone_number,
            address=address,
            title=title,
            title_suffix=title_suffix,
            dea=dea,
        )

        cases_prescriber.additional_properties = d
        return cases_prescriber

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
