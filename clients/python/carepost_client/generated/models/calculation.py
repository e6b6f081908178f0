from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.calculation_shipping_type_0 import CalculationShippingType0
    from ..models.calculation_store_type_0 import CalculationStoreType0
    from ..models.coupon_applied import CouponApplied
    from ..models.line_totals import LineTotals


T = TypeVar("T", bound="Calculation")


@_attrs_define
class Calculation:
    """
    Attributes:
        subtotal (float):
        shipping_price (float):
        shipping_discount (float):
        coupon (CouponApplied | None):
        discount (float):
        iva (float):
        total (float):
        selected_shipping_method (int | None):
        expected_delivery_date (None | str):
        max_delivery_date (None | str):
        details (list[LineTotals]):
        shipping (CalculationShippingType0 | None):
        store (CalculationStoreType0 | None):
    """

    subtotal: float
    shipping_price: float
    shipping_discount: float
    coupon: CouponApplied | None
    discount: float
    iva: float
    total: float
    selected_shipping_method: int | None
    expected_delivery_date: None | str
    max_delivery_date: None | str
    details: list[LineTotals]
    shipping: CalculationShippingType0 | None
    store: CalculationStoreType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.calculation_shipping_type_0 import CalculationShippingType0
        from ..models.calculation_store_type_0 import CalculationStoreType0
        from ..models.coupon_applied import CouponApplied

        subtotal = self.subtotal

        shipping_price = self.shipping_price

        shipping_discount = self.shipping_discount

        coupon: dict[str, Any] | None
        if isinstance(self.coupon, CouponApplied):
            coupon = self.coupon.to_dict()
        else:
            coupon = self.coupon

        discount = self.discount

        iva = self.iva

        total = self.total

        selected_shipping_method: int | None
        selected_shipping_method = self.selected_shipping_method

        expected_delivery_date: None | str
        expected_delivery_date = self.expected_delivery_date

        max_delivery_date: None | str
        max_delivery_date = self.max_delivery_date

        details = []
        for details_item_data in self.details:
            details_item = details_item_data.to_dict()
            details.append(details_item)

        shipping: dict[str, Any] | None
        if isinstance(self.shipping, CalculationShippingType0):
            shipping = self.shipping.to_dict()
        else:
            shipping = self.shipping

        store: dict[str, Any] | None
        if isinstance(self.store, CalculationStoreType0):
            store = self.store.to_dict()
        else:
            store = self.store

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subtotal": subtotal,
                "shipping_price": shipping_price,
                "shipping_discount": shipping_discount,
                "coupon": coupon,
                "discount": discount,
                "iva": iva,
                "total": total,
                "selected_shipping_method": selected_shipping_method,
                "expected_delivery_date": expected_delivery_date,
                "max_delivery_date": max_delivery_date,
                "details": details,
                "shipping": shipping,
                "store": store,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.calculation_shipping_type_0 import CalculationShippingType0
        from ..models.calculation_store_type_0 import CalculationStoreType0
        from ..models.coupon_applied import CouponApplied
        from ..models.line_totals import LineTotals

        d = dict(src_dict)
        subtotal = d.pop("subtotal")

        shipping_price = d.pop("shipping_price")

        shipping_discount = d.pop("shipping_discount")

        def _parse_coupon(data: object) -> CouponApplied | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                coupon_type_0 = CouponApplied.from_dict(data)

                return coupon_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CouponApplied | None, data)

        coupon = _parse_coupon(d.pop("coupon"))

        discount = d.pop("discount")

        iva = d.pop("iva")

        total = d.pop("total")

        def _parse_selected_shipping_method(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        selected_shipping_method = _parse_selected_shipping_method(
            d.pop("selected_shipping_method")
        )

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

        details = []
        _details = d.pop("details")
        for details_item_data in _details:
            details_item = LineTotals.from_dict(details_item_data)

            details.append(details_item)

        def _parse_shipping(data: object) -> CalculationShippingType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shipping_type_0 = CalculationShippingType0.from_dict(data)

                return shipping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CalculationShippingType0 | None, data)

        shipping = _parse_shipping(d.pop("shipping"))

        def _parse_store(data: object) -> CalculationStoreType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                store_type_0 = CalculationStoreType0.from_dict(data)

                return store_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CalculationStoreType0 | None, data)

        store = _parse_store(d.pop("store"))

        calculation = cls(
            subtotal=subtotal,
            shipping_price=shipping_price,
            shipping_discount=shipping_discount,
            coupon=coupon,
            discount=discount,
            iva=iva,
            total=total,
            selected_shipping_method=selected_shipping_method,
            expected_delivery_date=expected_delivery_date,
            max_delivery_date=max_delivery_date,
            details=details,
            shipping=shipping,
            store=store,
        )

        calculation.additional_properties = d
        return calculation

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
