from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.case_order_view import CaseOrderView
    from ..models.case_view_patient import CaseViewPatient


T = TypeVar("T", bound="CaseView")


@_attrs_define
class CaseView:
    """
    Attributes:
        id (str):
        mode (str):
        patient (CaseViewPatient):
        created_at (str):
        orders (list[CaseOrderView]):
    """

    id: str
    mode: str
    patient: CaseViewPatient
    created_at: str
    orders: list[CaseOrderView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        mode = self.mode

        patient = self.patient.to_dict()

        created_at = self.created_at

        orders = []
        for orders_item_data in self.orders:
            orders_item = orders_item_data.to_dict()
            orders.append(orders_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "mode": mode,
                "patient": patient,
                "createdAt": created_at,
                "orders": orders,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.case_order_view import CaseOrderView
        from ..models.case_view_patient import CaseViewPatient

        d = dict(src_dict)
        id = d.pop("id")

        mode = d.pop("mode")

        patient = CaseViewPatient.from_dict(d.pop("patient"))

        created_at = d.pop("createdAt")

        orders = []
        _orders = d.pop("orders")
        for orders_item_data in _orders:
            orders_item = CaseOrderView.from_dict(orders_item_data)

            orders.append(orders_item)

        case_view = cls(
            id=id,
            mode=mode,
            patient=patient,
            created_at=created_at,
            orders=orders,
        )

        case_view.additional_properties = d
        return case_view

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
