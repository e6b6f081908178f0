from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ship_to_in import ShipToIn
    from ..models.tracking_in import TrackingIn


T = TypeVar("T", bound="LogisticsActionIn")


@_attrs_define
class LogisticsActionIn:
    """
    Attributes:
        address (None | ShipToIn | Unset): reconfirm_address: a corrected ship-to address.
        device_ids (list[int] | Unset): pack: devices to use first; the rest come off the shelf.
        tracking_numbers (list[TrackingIn] | Unset): ship: at least one.
        fulfillment_site_id (int | None | Unset): receive_returns: where the returns arrive (default: the site that
            shipped).
        note (None | str | Unset):
    """

    address: None | ShipToIn | Unset = UNSET
    device_ids: list[int] | Unset = UNSET
    tracking_numbers: list[TrackingIn] | Unset = UNSET
    fulfillment_site_id: int | None | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.ship_to_in import ShipToIn

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, ShipToIn):
            address = self.address.to_dict()
        else:
            address = self.address

        device_ids: list[int] | Unset = UNSET
        if not isinstance(self.device_ids, Unset):
            device_ids = self.device_ids

        tracking_numbers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tracking_numbers, Unset):
            tracking_numbers = []
            for tracking_numbers_item_data in self.tracking_numbers:
                tracking_numbers_item = tracking_numbers_item_data.to_dict()
                tracking_numbers.append(tracking_numbers_item)

        fulfillment_site_id: int | None | Unset
        if isinstance(self.fulfillment_site_id, Unset):
            fulfillment_site_id = UNSET
        else:
            fulfillment_site_id = self.fulfillment_site_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if device_ids is not UNSET:
            field_dict["device_ids"] = device_ids
        if tracking_numbers is not UNSET:
            field_dict["tracking_numbers"] = tracking_numbers
        if fulfillment_site_id is not UNSET:
            field_dict["fulfillment_site_id"] = fulfillment_site_id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ship_to_in import ShipToIn
        from ..models.tracking_in import TrackingIn

        d = dict(src_dict)

        def _parse_address(data: object) -> None | ShipToIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = ShipToIn.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShipToIn | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        device_ids = cast(list[int], d.pop("device_ids", UNSET))

        _tracking_numbers = d.pop("tracking_numbers", UNSET)
        tracking_numbers: list[TrackingIn] | Unset = UNSET
        if _tracking_numbers is not UNSET:
            tracking_numbers = []
            for tracking_numbers_item_data in _tracking_numbers:
                tracking_numbers_item = TrackingIn.from_dict(tracking_numbers_item_data)

                tracking_numbers.append(tracking_numbers_item)

        def _parse_fulfillment_site_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fulfillment_site_id = _parse_fulfillment_site_id(
            d.pop("fulfillment_site_id", UNSET)
        )

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        logistics_action_in = cls(
            address=address,
            device_ids=device_ids,
            tracking_numbers=tracking_numbers,
            fulfillment_site_id=fulfillment_site_id,
            note=note,
        )

        return logistics_action_in
