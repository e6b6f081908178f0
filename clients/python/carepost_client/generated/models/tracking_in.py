from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.tracking_in_carrier import TrackingInCarrier

T = TypeVar("T", bound="TrackingIn")


@_attrs_define
class TrackingIn:
    """
    Attributes:
        carrier (TrackingInCarrier):
        value (str):
    """

    carrier: TrackingInCarrier
    value: str

    def to_dict(self) -> dict[str, Any]:
        carrier = self.carrier.value

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "carrier": carrier,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        carrier = TrackingInCarrier(d.pop("carrier"))

        value = d.pop("value")

        tracking_in = cls(
            carrier=carrier,
            value=value,
        )

        return tracking_in
