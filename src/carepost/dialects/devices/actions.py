"""The wire form of the devices sandbox helper's input (docs/devices.md, "Sandbox")."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from carepost.core.flows.inputs import ActionInput
from carepost.http.action_bodies import ShipToIn, Strict, TrackingIn
from carepost.http.wire import RowNumber


class LogisticsActionIn(Strict):
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
