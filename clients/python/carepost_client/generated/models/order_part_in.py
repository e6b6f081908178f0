from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.detail_in import DetailIn
    from ..models.prescription_wire import PrescriptionWire
    from ..models.shipping_in import ShippingIn


T = TypeVar("T", bound="OrderPartIn")


@_attrs_define
class OrderPartIn:
    """
    Attributes:
        details (list[DetailIn]):
        payment_method (int):
        shipping (None | ShippingIn | Unset):
        shipping_method (int | None | Unset):
        store (int | None | Unset):
        coupon (None | str | Unset):
        prescriptions (list[PrescriptionWire] | Unset):
        comments (None | str | Unset):
    """

    details: list[DetailIn]
    payment_method: int
    shipping: None | ShippingIn | Unset = UNSET
    shipping_method: int | None | Unset = UNSET
    store: int | None | Unset = UNSET
    coupon: None | str | Unset = UNSET
    prescriptions: list[PrescriptionWire] | Unset = UNSET
    comments: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.shipping_in import ShippingIn

        details = []
        for details_item_data in self.details:
            details_item = details_item_data.to_dict()
            details.append(details_item)

        payment_method = self.payment_method

        shipping: dict[str, Any] | None | Unset
        if isinstance(self.shipping, Unset):
            shipping = UNSET
        elif isinstance(self.shipping, ShippingIn):
            shipping = self.shipping.to_dict()
        else:
            shipping = self.shipping

        shipping_method: int | None | Unset
        if isinstance(self.shipping_method, Unset):
            shipping_method = UNSET
        else:
            shipping_method = self.shipping_method

        store: int | None | Unset
        if isinstance(self.store, Unset):
            store = UNSET
        else:
            store = self.store

        coupon: None | str | Unset
        if isinstance(self.coupon, Unset):
            coupon = UNSET
        else:
            coupon = self.coupon

        prescriptions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.prescriptions, Unset):
            prescriptions = []
            for prescriptions_item_data in self.prescriptions:
                prescriptions_item = prescriptions_item_data.to_dict()
                prescriptions.append(prescriptions_item)

        comments: None | str | Unset
        if isinstance(self.comments, Unset):
            comments = UNSET
        else:
            comments = self.comments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "details": details,
                "payment_method": payment_method,
            }
        )
        if shipping is not UNSET:
            field_dict["shipping"] = shipping
        if shipping_method is not UNSET:
            field_dict["shipping_method"] = shipping_method
        if store is not UNSET:
            field_dict["store"] = store
        if coupon is not UNSET:
            field_dict["coupon"] = coupon
        if prescriptions is not UNSET:
            field_dict["prescriptions"] = prescriptions
        if comments is not UNSET:
            field_dict["comments"] = comments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.detail_in import DetailIn
        from ..models.prescription_wire import PrescriptionWire
        from ..models.shipping_in import ShippingIn

        d = dict(src_dict)
        details = []
        _details = d.pop("details")
        for details_item_data in _details:
            details_item = DetailIn.from_dict(details_item_data)

            details.append(details_item)

        payment_method = d.pop("payment_method")

        def _parse_shipping(data: object) -> None | ShippingIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shipping_type_0 = ShippingIn.from_dict(data)

                return shipping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShippingIn | Unset, data)

        shipping = _parse_shipping(d.pop("shipping", UNSET))

        def _parse_shipping_method(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        shipping_method = _parse_shipping_method(d.pop("shipping_method", UNSET))

        def _parse_store(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        store = _parse_store(d.pop("store", UNSET))

        def _parse_coupon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coupon = _parse_coupon(d.pop("coupon", UNSET))

        _prescriptions = d.pop("prescriptions", UNSET)
        prescriptions: list[PrescriptionWire] | Unset = UNSET
        if _prescriptions is not UNSET:
            prescriptions = []
            for prescriptions_item_data in _prescriptions:
                prescriptions_item = PrescriptionWire.from_dict(prescriptions_item_data)

                prescriptions.append(prescriptions_item)

        def _parse_comments(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comments = _parse_comments(d.pop("comments", UNSET))

        order_part_in = cls(
            details=details,
            payment_method=payment_method,
            shipping=shipping,
            shipping_method=shipping_method,
            store=store,
            coupon=coupon,
            prescriptions=prescriptions,
            comments=comments,
        )

        order_part_in.additional_properties = d
        return order_part_in

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
