from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.listed_order_details_item import ListedOrderDetailsItem
    from ..models.listed_order_shipping_type_0 import ListedOrderShippingType0


T = TypeVar("T", bound="ListedOrder")


@_attrs_define
class ListedOrder:
    """
    Attributes:
        id (int):
        created_at (str):
        order_status (str):
        patient_order_status (str):
        patient (str):
        payment_status (str):
        products_count (int):
        details (list[ListedOrderDetailsItem]):
        shipping (ListedOrderShippingType0 | None):
        payment_method (None | str):
        total (float):
        origin (str):
        expected_delivery_date (None | str):
        max_delivery_date (None | str):
    """

    id: int
    created_at: str
    order_status: str
    patient_order_status: str
    patient: str
    payment_status: str
    products_count: int
    details: list[ListedOrderDetailsItem]
    shipping: ListedOrderShippingType0 | None
    payment_method: None | str
    total: float
    origin: str
    expected_delivery_date: None | str
    max_delivery_date: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.listed_order_shipping_type_0 import ListedOrderShippingType0

        id = self.id

        created_at = self.created_at

        order_status = self.order_status

        patient_order_status = self.patient_order_status

        patient = self.patient

        payment_status = self.payment_status

        products_count = self.products_count

        details = []
        for details_item_data in self.details:
            details_item = details_item_data.to_dict()
            details.append(details_item)

        shipping: dict[str, Any] | None
        if isinstance(self.shipping, ListedOrderShippingType0):
            shipping = self.shipping.to_dict()
        else:
            shipping = self.shipping

        payment_method: None | str
        payment_method = self.payment_method

        total = self.total

        origin = self.origin

        expected_delivery_date: None | str
        expected_delivery_date = self.expected_delivery_date

        max_delivery_date: None | str
        max_delivery_date = self.max_delivery_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "order_status": order_status,
                "patient_order_status": patient_order_status,
                "patient": patient,
                "payment_status": payment_status,
                "products_count": products_count,
                "details": details,
                "shipping": shipping,
                "payment_method": payment_method,
                "total": total,
                "origin": origin,
                "expected_delivery_date": expected_delivery_date,
                "max_delivery_date": max_delivery_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.listed_order_details_item import ListedOrderDetailsItem
        from ..models.listed_order_shipping_type_0 import ListedOrderShippingType0

        d = dict(src_dict)
        id = d.pop("id")

        created_at = d.pop("created_at")

        order_status = d.pop("order_status")

        patient_order_status = d.pop("patient_order_status")

        patient = d.pop("patient")

        payment_status = d.pop("payment_status")

        products_count = d.pop("products_count")

        details = []
        _details = d.pop("details")
        for details_item_data in _details:
            details_item = ListedOrderDetailsItem.from_dict(details_item_data)

            details.append(details_item)

        def _parse_shipping(data: object) -> ListedOrderShippingType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shipping_type_0 = ListedOrderShippingType0.from_dict(data)

                return shipping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ListedOrderShippingType0 | None, data)

        shipping = _parse_shipping(d.pop("shipping"))

        def _parse_payment_method(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_method = _parse_payment_method(d.pop("payment_method"))

        total = d.pop("total")

        origin = d.pop("origin")

        def _parse_expected_delivery_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        expected_delivery_date = _parse_expected_delivery_date(
            d.pop("expected_delivery_date")
        )

        def _parse_max_delivery_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        max_delivery_date = _parse_max_delivery_date(d.pop("max_delivery_date"))

        listed_order = cls(
            id=id,
            created_at=created_at,
            order_status=order_status,
            patient_order_status=patient_order_status,
            patient=patient,
            payment_status=payment_status,
            products_count=products_count,
            details=details,
            shipping=shipping,
            payment_method=payment_method,
            total=total,
            origin=origin,
            expected_delivery_date=expected_delivery_date,
            max_delivery_date=max_delivery_date,
        )

        listed_order.additional_properties = d
        return listed_order

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
