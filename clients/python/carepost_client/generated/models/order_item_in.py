from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_ref_in import ItemRefIn


T = TypeVar("T", bound="OrderItemIn")


@_attrs_define
class OrderItemIn:
    """
    Attributes:
        item (ItemRefIn):
        count (int | Unset):  Default: 1.
    """

    item: ItemRefIn
    count: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        item = self.item.to_dict()

        count = self.count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "item": item,
            }
        )
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.item_ref_in import ItemRefIn

        d = dict(src_dict)
        item = ItemRefIn.from_dict(d.pop("item"))

        count = d.pop("count", UNSET)

        order_item_in = cls(
            item=item,
            count=count,
        )

        return order_item_in
