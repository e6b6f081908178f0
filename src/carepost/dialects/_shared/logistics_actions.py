"""The wire form of a logistics action's input, shared by the operator API and the
devices sandbox helper so the two can't drift apart."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from carepost.core.logistics.operations import CARRIERS, ActionInput
from carepost.dialects._shared.wire import RowNumber


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ShipToIn(_Strict):
    line_one: Annotated[str, Field(max_length=255)] | None = None
    line_two: Annotated[str, Field(max_length=255)] | None = None
    line_three: Annotated[str, Field(max_length=255)] | None = None
    city: Annotated[str, Field(max_length=100)] | None = None
    state: Annotated[str, Field(max_length=100)] | None = None
    zip_code: Annotated[str, Field(max_length=20)] | None = None
    country: Annotated[str, Field(max_length=100)] | None = None
    note: Annotated[str, Field(max_length=500)] | None = None


class TrackingIn(_Strict):
    carrier: Literal[CARRIERS]  # type: ignore[valid-type]
    value: Annotated[str, Field(min_length=1, max_length=64)]


class LogisticsActionIn(_Strict):
    address: ShipToIn | None = Field(default=None, description="reconfirm_address: a corrected ship-to address.")
    device_ids: Annotated[list[RowNumber], Field(max_length=500)] = Field(
        default_factory=list, description="pack: devices to use first; the rest come off the shelf."
    )
    tracking_numbers: Annotated[list[TrackingIn], Field(max_length=20)] = Field(
        default_factory=list, description="ship: at least one."
    )
    fulfillment_site_id: RowNumber | None = Field(
        default=None, description="receive_returns: where the returns arrive (default: the site that shipped)."
    )
    note: Annotated[str, Field(max_length=512)] | None = None

    def as_action_input(self) -> ActionInput:
        return ActionInput(
            address=self.address.model_dump(exclude_none=True) if self.address else None,
            device_ids=tuple(self.device_ids),
            tracking_numbers=tuple((t.carrier, t.value) for t in self.tracking_numbers),
            fulfillment_site_id=self.fulfillment_site_id,
            note=self.note,
        )
