from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PrescriptionOut")


@_attrs_define
class PrescriptionOut:
    """The contract's PRESCRIPTION; `document` (base64) only in `GET /api/orders/{id}`, null elsewhere.

    Attributes:
        id (int):
        document (None | str):
        document_name (None | str):
        issue_date (str):
        expiring_date (None | str):
    """

    id: int
    document: None | str
    document_name: None | str
    issue_date: str
    expiring_date: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        document: None | str
        document = self.document

        document_name: None | str
        document_name = self.document_name

        issue_date = self.issue_date

        expiring_date: None | str
        expiring_date = self.expiring_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "document": document,
                "document_name": document_name,
                "issue_date": issue_date,
                "expiring_date": expiring_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_document(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document = _parse_document(d.pop("document"))

        def _parse_document_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_name = _parse_document_name(d.pop("document_name"))

        issue_date = d.pop("issue_date")

        def _parse_expiring_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        expiring_date = _parse_expiring_date(d.pop("expiring_date"))

        prescription_out = cls(
            id=id,
            document=document,
            document_name=document_name,
            issue_date=issue_date,
            expiring_date=expiring_date,
        )

        prescription_out.additional_properties = d
        return prescription_out

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
