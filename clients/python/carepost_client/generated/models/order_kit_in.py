from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kit_ref_in import KitRefIn


T = TypeVar("T", bound="OrderKitIn")


@_attrs_define
class OrderKitIn:
    """
    Attributes:
        kit (KitRefIn):
        count (int | Unset):  Default: 1.
    """

    kit: KitRefIn
    count: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        kit = self.kit.to_dict()

        count = self.count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kit": kit,
            }
        )
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.kit_ref_in import KitRefIn

        d = dict(src_dict)
        kit = KitRefIn.from_dict(d.pop("kit"))

        count = d.pop("count", UNSET)

        order_kit_in = cls(
            kit=kit,
            count=count,
        )

        return order_kit_in
