from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReturnPackedKitIn")


@_attrs_define
class ReturnPackedKitIn:
    """
    Attributes:
        id (int):
        quantity (int | Unset):  Default: 1.
    """

    id: int
    quantity: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        quantity = d.pop("quantity", UNSET)

        return_packed_kit_in = cls(
            id=id,
            quantity=quantity,
        )

        return return_packed_kit_in
