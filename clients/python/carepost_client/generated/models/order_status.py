from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tracking import Tracking
    from ..models.udi import Udi


T = TypeVar("T", bound="OrderStatus")


@_attrs_define
class OrderStatus:
    """
    Attributes:
        vitacore_order_id (str):
        shopify_order_id (None | str):
        shopify_order_name (None | str):
        patient_email (str):
        patient_name (str):
        placed_at (str):
        is_test (bool):
        scan_id (None | str):
        scan_status (None | str):
        current_step_id (str):
        current_step_label (str):
        progress_caption (str):
        is_shipped (bool):
        is_cancelled (bool):
        cancelled_at (None | str):
        tracking (None | Tracking):
        udi (None | Udi):
        updated_at (str):
    """

    vitacore_order_id: str
    shopify_order_id: None | str
    shopify_order_name: None | str
    patient_email: str
    patient_name: str
    placed_at: str
    is_test: bool
    scan_id: None | str
    scan_status: None | str
    current_step_id: str
    current_step_label: str
    progress_caption: str
    is_shipped: bool
    is_cancelled: bool
    cancelled_at: None | str
    tracking: None | Tracking
    udi: None | Udi
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tracking import Tracking
        from ..models.udi import Udi

        vitacore_order_id = self.vitacore_order_id

        shopify_order_id: None | str
        shopify_order_id = self.shopify_order_id

        shopify_order_name: None | str
        shopify_order_name = self.shopify_order_name

        patient_email = self.patient_email

        patient_name = self.patient_name

        placed_at = self.placed_at

        is_test = self.is_test

        scan_id: None | str
        scan_id = self.scan_id

        scan_status: None | str
        scan_status = self.scan_status

        current_step_id = self.current_step_id

        current_step_label = self.current_step_label

        progress_caption = self.progress_caption

        is_shipped = self.is_shipped

        is_cancelled = self.is_cancelled

        cancelled_at: None | str
        cancelled_at = self.cancelled_at

        tracking: dict[str, Any] | None
        if isinstance(self.tracking, Tracking):
            tracking = self.tracking.to_dict()
        else:
            tracking = self.tracking

        udi: dict[str, Any] | None
        if isinstance(self.udi, Udi):
            udi = self.udi.to_dict()
        else:
            udi = self.udi

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vitacore_order_id": vitacore_order_id,
                "shopify_order_id": shopify_order_id,
                "shopify_order_name": shopify_order_name,
                "patient_email": patient_email,
                "patient_name": patient_name,
                "placed_at": placed_at,
                "is_test": is_test,
                "scan_id": scan_id,
                "scan_status": scan_status,
                "current_step_id": current_step_id,
                "current_step_label": current_step_label,
                "progress_caption": progress_caption,
                "is_shipped": is_shipped,
                "is_cancelled": is_cancelled,
                "cancelled_at": cancelled_at,
                "tracking": tracking,
                "udi": udi,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tracking import Tracking
        from ..models.udi import Udi

        d = dict(src_dict)
        vitacore_order_id = d.pop("vitacore_order_id")

        def _parse_shopify_order_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shopify_order_id = _parse_shopify_order_id(d.pop("shopify_order_id"))

        def _parse_shopify_order_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shopify_order_name = _parse_shopify_order_name(d.pop("shopify_order_name"))

        patient_email = d.pop("patient_email")

        patient_name = d.pop("patient_name")

        placed_at = d.pop("placed_at")

        is_test = d.pop("is_test")

        def _parse_scan_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scan_id = _parse_scan_id(d.pop("scan_id"))

        def _parse_scan_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scan_status = _parse_scan_status(d.pop("scan_status"))

        current_step_id = d.pop("current_step_id")

        current_step_label = d.pop("current_step_label")

        progress_caption = d.pop("progress_caption")

        is_shipped = d.pop("is_shipped")

        is_cancelled = d.pop("is_cancelled")

        def _parse_cancelled_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))

        def _parse_tracking(data: object) -> None | Tracking:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tracking_type_0 = Tracking.from_dict(data)

                return tracking_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Tracking, data)

        tracking = _parse_tracking(d.pop("tracking"))

        def _parse_udi(data: object) -> None | Udi:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                udi_type_0 = Udi.from_dict(data)

                return udi_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Udi, data)

        udi = _parse_udi(d.pop("udi"))

        updated_at = d.pop("updated_at")

        order_status = cls(
            vitacore_order_id=vitacore_order_id,
            shopify_order_id=shopify_order_id,
            shopify_order_name=shopify_order_name,
            patient_email=patient_email,
            patient_name=patient_name,
            placed_at=placed_at,
            is_test=is_test,
            scan_id=scan_id,
            scan_status=scan_status,
            current_step_id=current_step_id,
            current_step_label=current_step_label,
            progress_caption=progress_caption,
            is_shipped=is_shipped,
            is_cancelled=is_cancelled,
            cancelled_at=cancelled_at,
            tracking=tracking,
            udi=udi,
            updated_at=updated_at,
        )

        order_status.additional_properties = d
        return order_status

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
