from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Cancelled")


@_attrs_define
class Cancelled:
    """
    Attributes:
        vitacore_order_id (str):
        shopify_order_id (None | str):
        already_cancelled (bool):
        cancelled_at (None | str):
        shopify_cancelled (bool | None):
        scan_upload_blocked (bool):
    """

    vitacore_order_id: str
    shopify_order_id: None | str
    already_cancelled: bool
    cancelled_at: None | str
    shopify_cancelled: bool | None
    scan_upload_blocked: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vitacore_order_id = self.vitacore_order_id

        shopify_order_id: None | str
        shopify_order_id = self.shopify_order_id

        already_cancelled = self.already_cancelled

        cancelled_at: None | str
        cancelled_at = self.cancelled_at

        shopify_cancelled: bool | None
        shopify_cancelled = self.shopify_cancelled

        scan_upload_blocked = self.scan_upload_blocked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vitacore_order_id": vitacore_order_id,
                "shopify_order_id": shopify_order_id,
                "already_cancelled": already_cancelled,
                "cancelled_at": cancelled_at,
                "shopify_cancelled": shopify_cancelled,
                "scan_upload_blocked": scan_upload_blocked,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        vitacore_order_id = d.pop("vitacore_order_id")

        def _parse_shopify_order_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shopify_order_id = _parse_shopify_order_id(d.pop("shopify_order_id"))

        already_cancelled = d.pop("already_cancelled")

        def _parse_cancelled_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))

        def _parse_shopify_cancelled(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        shopify_cancelled = _parse_shopify_cancelled(d.pop("shopify_cancelled"))

        scan_upload_blocked = d.pop("scan_upload_blocked")

        cancelled = cls(
            vitacore_order_id=vitacore_order_id,
            shopify_order_id=shopify_order_id,
            already_cancelled=already_cancelled,
            cancelled_at=cancelled_at,
            shopify_cancelled=shopify_cancelled,
            scan_upload_blocked=scan_upload_blocked,
        )

        cancelled.additional_properties = d
        return cancelled

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
