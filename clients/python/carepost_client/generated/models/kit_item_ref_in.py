from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_ref_in import ItemRefIn


T = TypeVar("T", bound="KitItemRefIn")


@_attrs_define
class KitItemRefIn:
    """
    Attributes:
        count (int | None | Unset):
        drives_external_identifier (bool | None | Unset):
        item (ItemRefIn | None | Unset):
    """

    count: int | None | Unset = UNSET
    drives_external_identifier: bool | None | Unset = UNSET
    item: ItemRefIn | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.item_ref_in import ItemRefIn

        count: int | None | Unset
        if isinstance(self.count, Unset):
            count = UNSET
        else:
            count = self.count

        drives_external_identifier: bool | None | Unset
        if isinstance(self.drives_external_identifier, Unset):
            drives_external_identifier = UNSET
        else:
            drives_external_identifier = self.drives_external_identifier

        item: dict[str, Any] | None | Unset
        if isinstance(self.item, Unset):
            item = UNSET
        elif isinstance(self.item, ItemRefIn):
            item = self.item.to_dict()
        else:
            item = self.item

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if drives_external_identifier is not UNSET:
            field_dict["drivesExternalIdentifier"] = drives_external_identifier
        if item is not UNSET:
            field_dict["item"] = item

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.item_ref_in import ItemRefIn

        d = dict(src_dict)

        def _parse_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count = _parse_count(d.pop("count", UNSET))

        def _parse_drives_external_identifier(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        drives_external_identifier = _parse_drives_external_identifier(
            d.pop("drivesExternalIdentifier", UNSET)
        )

        def _parse_item(data: object) -> ItemRefIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                item_type_0 = ItemRefIn.from_dict(data)

                return item_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemRefIn | None | Unset, data)

        item = _parse_item(d.pop("item", UNSET))

        kit_item_ref_in = cls(
            count=count,
            drives_external_identifier=drives_external_identifier,
            item=item,
        )

        return kit_item_ref_in
