from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReturnItemIn")


@_attrs_define
class ReturnItemIn:
    """
    Attributes:
        id (int):
        count (int | Unset):  Default: 1.
    """

    id: int
    count: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        count = self.count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        count = d.pop("count", UNSET)

        return_item_in = cls(
            id=id,
            count=count,
        )

        return return_item_in
