from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.patient import Patient


T = TypeVar("T", bound="PatientPage")


@_attrs_define
class PatientPage:
    """
    Attributes:
        first (bool):
        last (bool):
        page (int):
        size (int):
        total (int):
        content (list[Patient]):
    """

    first: bool
    last: bool
    page: int
    size: int
    total: int
    content: list[Patient]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first = self.first

        last = self.last

        page = self.page

        size = self.size

        total = self.total

        content = []
        for content_item_data in self.content:
            content_item = content_item_data.to_dict()
            content.append(content_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "first": first,
                "last": last,
                "page": page,
                "size": size,
                "total": total,
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.patient import Patient

        d = dict(src_dict)
        first = d.pop("first")

        last = d.pop("last")

        page = d.pop("page")

        size = d.pop("size")

        total = d.pop("total")

        content = []
        _content = d.pop("content")
        for content_item_data in _content:
            content_item = Patient.from_dict(content_item_data)

            content.append(content_item)

        patient_page = cls(
            first=first,
            last=last,
            page=page,
            size=size,
            total=total,
            content=content,
        )

        patient_page.additional_properties = d
        return patient_page

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
