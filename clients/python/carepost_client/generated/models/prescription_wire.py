from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PrescriptionWire")


@_attrs_define
class PrescriptionWire:
    """
    Attributes:
        document (str):
        issue_date (datetime.date):
        document_name (None | str | Unset):
        expiring_date (datetime.date | None | Unset):
    """

    document: str
    issue_date: datetime.date
    document_name: None | str | Unset = UNSET
    expiring_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document = self.document

        issue_date = self.issue_date.isoformat()

        document_name: None | str | Unset
        if isinstance(self.document_name, Unset):
            document_name = UNSET
        else:
            document_name = self.document_name

        expiring_date: None | str | Unset
        if isinstance(self.expiring_date, Unset):
            expiring_date = UNSET
        elif isinstance(self.expiring_date, datetime.date):
            expiring_date = self.expiring_date.isoformat()
        else:
            expiring_date = self.expiring_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document": document,
                "issue_date": issue_date,
            }
        )
        if document_name is not UNSET:
            field_dict["document_name"] = document_name
        if expiring_date is not UNSET:
            field_dict["expiring_date"] = expiring_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        document = d.pop("document")

        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))

        def _parse_document_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_name = _parse_document_name(d.pop("document_name", UNSET))

        def _parse_expiring_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expiring_date_type_0 = datetime.date.fromisoformat(data)

                return expiring_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expiring_date = _parse_expiring_date(d.pop("expiring_date", UNSET))

        prescription_wire = cls(
            document=document,
            issue_date=issue_date,
            document_name=document_name,
            expiring_date=expiring_date,
        )

        prescription_wire.additional_properties = d
        return prescription_wire

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
