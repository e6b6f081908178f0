from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.site import Site


T = TypeVar("T", bound="Patient")


@_attrs_define
class Patient:
    """
    Attributes:
        first_name (str):
        last_name (str):
        address (Address):
        archived (bool):
        date_of_birth (None | str):
        email (None | str):
        enrolled (bool):
        external_identifier (None | str):
        id (int):
        phone_number (None | str):
        sex (str):
        site (None | Site):
    """

    first_name: str
    last_name: str
    address: Address
    archived: bool
    date_of_birth: None | str
    email: None | str
    enrolled: bool
    external_identifier: None | str
    id: int
    phone_number: None | str
    sex: str
    site: None | Site
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.site import Site

        first_name = self.first_name

        last_name = self.last_name

        address = self.address.to_dict()

        archived = self.archived

        date_of_birth: None | str
        date_of_birth = self.date_of_birth

        email: None | str
        email = self.email

        enrolled = self.enrolled

        external_identifier: None | str
        external_identifier = self.external_identifier

        id = self.id

        phone_number: None | str
        phone_number = self.phone_number

        sex = self.sex

        site: dict[str, Any] | None
        if isinstance(self.site, Site):
            site = self.site.to_dict()
        else:
            site = self.site

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "firstName": first_name,
                "lastName": last_name,
                "address": address,
                "archived": archived,
                "dateOfBirth": date_of_birth,
                "email": email,
                "enrolled": enrolled,
                "externalIdentifier": external_identifier,
                "id": id,
                "phoneNumber": phone_number,
                "sex": sex,
                "site": site,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address import Address
        from ..models.site import Site

        d = dict(src_dict)
        first_name = d.pop("firstName")

        last_name = d.pop("lastName")

        address = Address.from_dict(d.pop("address"))

        archived = d.pop("archived")

        def _parse_date_of_birth(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        date_of_birth = _parse_date_of_birth(d.pop("dateOfBirth"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        enrolled = d.pop("enrolled")

        def _parse_external_identifier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_identifier = _parse_external_identifier(d.pop("externalIdentifier"))

        id = d.pop("id")

        def _parse_phone_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone_number = _parse_phone_number(d.pop("phoneNumber"))

        sex = d.pop("sex")

        def _parse_site(data: object) -> None | Site:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                site_type_0 = Site.from_dict(data)

                return site_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Site, data)

        site = _parse_site(d.pop("site"))

        patient = cls(
            first_name=first_name,
            last_name=last_name,
            address=address,
            archived=archived,
            date_of_birth=date_of_birth,
            email=email,
            enrolled=enrolled,
            external_identifier=external_identifier,
            id=id,
            phone_number=phone_number,
            sex=sex,
            site=site,
        )

        patient.additional_properties = d
        return patient

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
