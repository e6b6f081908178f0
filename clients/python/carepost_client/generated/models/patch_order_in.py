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

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.detail_in import DetailIn


T = TypeVar("T", bound="PatchOrderIn")


@_attrs_define
class PatchOrderIn:
    """`PATCH /api/orders/{id}/`: new `details`, or `order_status: "cancelled"`; nothing else
    may change (unlike the rest of this API, an unknown field here is refused: a client that
    believes it changed something must hear that it did not).

        Attributes:
            details (list[DetailIn] | None | Unset):
            order_status (Literal['cancelled'] | None | Unset):
    """

    details: list[DetailIn] | None | Unset = UNSET
    order_status: Literal["cancelled"] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        details: list[dict[str, Any]] | None | Unset
        if isinstance(self.details, Unset):
            details = UNSET
        elif isinstance(self.details, list):
            details = []
            for details_type_0_item_data in self.details:
                details_type_0_item = details_type_0_item_data.to_dict()
                details.append(details_type_0_item)

        else:
            details = self.details

        order_status: Literal["cancelled"] | None | Unset
        if isinstance(self.order_status, Unset):
            order_status = UNSET
        else:
            order_status = self.order_status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if details is not UNSET:
            field_dict["details"] = details
        if order_status is not UNSET:
            field_dict["order_status"] = order_status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.detail_in import DetailIn

        d = dict(src_dict)

        def _parse_details(data: object) -> list[DetailIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                details_type_0 = []
                _details_type_0 = data
                for details_type_0_item_data in _details_type_0:
                    details_type_0_item = DetailIn.from_dict(details_type_0_item_data)

                    details_type_0.append(details_type_0_item)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[DetailIn] | None | Unset, data)

        details = _parse_details(d.pop("details", UNSET))

        def _parse_order_status(data: object) -> Literal["cancelled"] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            order_status_type_0 = cast(Literal["cancelled"], data)
            if order_status_type_0 != "cancelled":
                raise ValueError(
                    f"order_status_type_0 must match const 'cancelled', got '{order_status_type_0}'"
                )
            return order_status_type_0
            return cast(Literal["cancelled"] | None | Unset, data)

        order_status = _parse_order_status(d.pop("order_status", UNSET))

        patch_order_in = cls(
            details=details,
            order_status=order_status,
        )

        return patch_order_in
