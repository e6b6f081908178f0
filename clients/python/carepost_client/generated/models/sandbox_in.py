from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SandboxIn")


@_attrs_define
class SandboxIn:
    """
    Attributes:
        autopilot (bool):
        autopilot_interval_seconds (float | None | Unset):
    """

    autopilot: bool
    autopilot_interval_seconds: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        autopilot = self.autopilot

        autopilot_interval_seconds: float | None | Unset
        if isinstance(self.autopilot_interval_seconds, Unset):
            autopilot_interval_seconds = UNSET
        else:
            autopilot_interval_seconds = self.autopilot_interval_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "autopilot": autopilot,
            }
        )
        if autopilot_interval_seconds is not UNSET:
            field_dict["autopilot_interval_seconds"] = autopilot_interval_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        autopilot = d.pop("autopilot")

        def _parse_autopilot_interval_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        autopilot_interval_seconds = _parse_autopilot_interval_seconds(
            d.pop("autopilot_interval_seconds", UNSET)
        )

        sandbox_in = cls(
            autopilot=autopilot,
            autopilot_interval_seconds=autopilot_interval_seconds,
        )

        return sandbox_in
