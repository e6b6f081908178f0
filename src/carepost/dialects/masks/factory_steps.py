"""The wire form of the masks sandbox helper's step input (docs/masks.md, "Sandbox")."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from carepost.core.flows.inputs import ActionInput


class StepIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    note: Annotated[str, Field(max_length=512)] | None = None
    carrier: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    tracking_number: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    shipped_date: date | None = None

    def as_action_input(self) -> ActionInput:
        return ActionInput(note=self.note, carrier=self.carrier, tracking_number=self.tracking_number, shipped_date=self.shipped_date)
