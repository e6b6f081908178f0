from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LineTotals")


@_attrs_define
class LineTotals:
    """
    Attributes:
        product (int):
        quantity (int):
        subtotal (float):
        discount (float):
        iva (float):
        total (float):
    """

    product: int
    quantity: int
    subtotal: float
    discount: float
    iva: float
    total: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        product = self.product

        quantity = self.quantity

        subtotal = self.subtotal

        discount = self.discount

        iva = self.iva

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "product": product,
                "quantity": quantity,
                "subtotal": subtotal,
                "discount": discount,
                "iva": iva,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        product = d.pop("product")

        quantity = d.pop("quantity")

        subtotal = d.pop("subtotal")

        discount = d.pop("discount")

        iva = d.pop("iva")

        total = d.pop("total")

        line_totals = cls(
            product=product,
            quantity=quantity,
            subtotal=subtotal,
            discount=discount,
            iva=iva,
            total=total,
        )

        line_totals.additional_properties = d
        return line_totals

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
