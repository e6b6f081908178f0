from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.item import Item


T = TypeVar("T", bound="KitItem")


@_attrs_define
class KitItem:
    """
    Attributes:
        count (int):
        drives_external_identifier (bool):
        item (Item):
    """

    count: int
    drives_external_identifier: bool
    item: Item
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        drives_external_identifier = self.drives_external_identifier

        item = self.item.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "drivesExternalIdentifier": drives_external_identifier,
                "item": item,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.item import Item

        d = dict(src_dict)
        count = d.pop("count")

        drives_external_identifier = d.pop("drivesExternalIdentifier")

        item = Item.from_dict(d.pop("item"))

        kit_item = cls(
            count=count,
            drives_external_identifier=drives_external_identifier,
            item=item,
        )

        kit_item.additional_properties = d
        return kit_item

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
