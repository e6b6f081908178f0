from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.kit_item import KitItem


T = TypeVar("T", bound="Kit")


@_attrs_define
class Kit:
    """
    Attributes:
        archived (bool):
        id (int):
        kit_items (list[KitItem]):
        name (str):
    """

    archived: bool
    id: int
    kit_items: list[KitItem]
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archived = self.archived

        id = self.id

        kit_items = []
        for kit_items_item_data in self.kit_items:
            kit_items_item = kit_items_item_data.to_dict()
            kit_items.append(kit_items_item)

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived": archived,
                "id": id,
                "kitItems": kit_items,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.kit_item import KitItem

        d = dict(src_dict)
        archived = d.pop("archived")

        id = d.pop("id")

        kit_items = []
        _kit_items = d.pop("kitItems")
        for kit_items_item_data in _kit_items:
            kit_items_item = KitItem.from_dict(kit_items_item_data)

            kit_items.append(kit_items_item)

        name = d.pop("name")

        kit = cls(
            archived=archived,
            id=id,
            kit_items=kit_items,
            name=name,
        )

        kit.additional_properties = d
        return kit

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
