from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.case_order_data import CaseOrderData


T = TypeVar("T", bound="OrderMoved")


@_attrs_define
class OrderMoved:
    """
    Attributes:
        status (int):
        success (bool):
        message (str):
        data (CaseOrderData):
    """

    status: int
    success: bool
    message: str
    data: CaseOrderData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        success = self.success

        message = self.message

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "success": success,
                "message": message,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.case_order_data import CaseOrderData

        d = dict(src_dict)
        status = d.pop("status")

        success = d.pop("success")

        message = d.pop("message")

        data = CaseOrderData.from_dict(d.pop("data"))

        order_moved = cls(
            status=status,
            success=success,
            message=message,
            data=data,
        )

        order_moved.additional_properties = d
        return order_moved

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
