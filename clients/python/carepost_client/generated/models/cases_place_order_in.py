from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cases_order import CasesOrder


T = TypeVar("T", bound="CasesPlaceOrderIn")


@_attrs_define
class CasesPlaceOrderIn:
    """
    Attributes:
        action (Literal['PLACE_ORDER']):
        order (CasesOrder):
    """

    action: Literal["PLACE_ORDER"]
    order: CasesOrder
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        order = self.order.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "order": order,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cases_order import CasesOrder

        d = dict(src_dict)
        action = cast(Literal["PLACE_ORDER"], d.pop("action"))
        if action != "PLACE_ORDER":
            raise ValueError(f"action must match const 'PLACE_ORDER', got '{action}'")

        order = CasesOrder.from_dict(d.pop("order"))

        cases_place_order_in = cls(
            action=action,
            order=order,
        )

        cases_place_order_in.additional_properties = d
        return cases_place_order_in

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
