"""The wire form of a factory step's input, shared by the operator API and the
masks sandbox helper so the two can't drift apart."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from carepost.core.manufacturing.factory import StepInput


class StepIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    note: Annotated[str, Field(max_length=512)] | None = None
    carrier: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    tracking_number: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    shipped_date: date | None = None

    def as_step_input(self) -> StepInput:
        return StepInput(
            note=self.note, carrier=self.carrier, tracking_number=self.tracking_number, shipped_date=self.shipped_date
        )
