from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kit_item_ref_in import KitItemRefIn


T = TypeVar("T", bound="KitRefIn")


@_attrs_define
class KitRefIn:
    """
    Attributes:
        id (int):
        name (None | str | Unset):
        archived (bool | None | Unset):
        kit_items (list[KitItemRefIn] | None | Unset):
    """

    id: int
    name: None | str | Unset = UNSET
    archived: bool | None | Unset = UNSET
    kit_items: list[KitItemRefIn] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        archived: bool | None | Unset
        if isinstance(self.archived, Unset):
            archived = UNSET
        else:
            archived = self.archived

        kit_items: list[dict[str, Any]] | None | Unset
        if isinstance(self.kit_items, Unset):
            kit_items = UNSET
        elif isinstance(self.kit_items, list):
            kit_items = []
            for kit_items_type_0_item_data in self.kit_items:
                kit_items_type_0_item = kit_items_type_0_item_data.to_dict()
                kit_items.append(kit_items_type_0_item)

        else:
            kit_items = self.kit_items

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if archived is not UNSET:
            field_dict["archived"] = archived
        if kit_items is not UNSET:
            field_dict["kitItems"] = kit_items

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.kit_item_ref_in import KitItemRefIn

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_archived(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        archived = _parse_archived(d.pop("archived", UNSET))

        def _parse_kit_items(data: object) -> list[KitItemRefIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                kit_items_type_0 = []
                _kit_items_type_0 = data
                for kit_items_type_0_item_data in _kit_items_type_0:
                    kit_items_type_0_item = KitItemRefIn.from_dict(
                        kit_items_type_0_item_data
                    )

                    kit_items_type_0.append(kit_items_type_0_item)

                return kit_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[KitItemRefIn] | None | Unset, data)

        kit_items = _parse_kit_items(d.pop("kitItems", UNSET))

        kit_ref_in = cls(
            id=id,
            name=name,
            archived=archived,
            kit_items=kit_items,
        )

        return kit_ref_in
