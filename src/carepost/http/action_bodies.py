"""An operator action's body, as the operator API takes it: a model made from the action's
declared inputs (core/flows/inputs.py) — only those, and a note — each with its bounds."""

from __future__ import annotations

import functools
from datetime import date
from typing import Annotated, Any, Literal

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from carepost.core.flows.inputs import CARRIERS, NOTE, ActionInput, Input, Kind
from carepost.core.flows.spec import Action
from carepost.http.wire import RowNumber


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ShipToIn(Strict):
    line_one: Annotated[str, Field(max_length=255)] | None = None
    line_two: Annotated[str, Field(max_length=255)] | None = None
    line_three: Annotated[str, Field(max_length=255)] | None = None
    city: Annotated[str, Field(max_length=100)] | None = None
    state: Annotated[str, Field(max_length=100)] | None = None
    zip_code: Annotated[str, Field(max_length=20)] | None = None
    country: Annotated[str, Field(max_length=100)] | None = None
    note: Annotated[str, Field(max_length=500)] | None = None


class TrackingIn(Strict):
    carrier: Literal[CARRIERS]  # type: ignore[valid-type]
    value: Annotated[str, Field(min_length=1, max_length=64)]


def _field(given: Input) -> tuple[Any, Any]:
    """The pydantic type of one input; each is optional here (the flow says what an action needs)."""
    described = Field(default=None, description=given.label)
    if given.kind is Kind.LINE:
        return Annotated[str, Field(min_length=1, max_length=given.max_length)] | None, described
    if given.kind is Kind.TEXT:
        least = 1 if given.required else 0
        return Annotated[str, Field(min_length=least, max_length=given.max_length)] | None, described
    if given.kind is Kind.DATE:
        return date | None, described
    if given.kind is Kind.TRACKING_ROWS:
        return Annotated[list[TrackingIn], Field(max_length=given.max_length)], Field(default_factory=list, description=given.label)
    if given.kind is Kind.SERIALIZED:
        return Annotated[list[RowNumber], Field(max_length=given.max_length)], Field(default_factory=list, description=given.label)
    if given.kind is Kind.ADDRESS:
        return ShipToIn | None, described
    return RowNumber | None, described  # Kind.SITE


def body_model(action: Action) -> type[Strict]:
    return _model(action.name, action.inputs)


@functools.cache
def _model(name: str, inputs: tuple[Input, ...]) -> type[Strict]:
    fields = {i.name: _field(i) for i in (*inputs, NOTE)}
    return create_model(f"{name.title().replace('_', '')}In", __base__=Strict, **fields)  # type: ignore[call-overload]


def any_action_model(name: str, actions: tuple[Action, ...]) -> type[Strict]:
    """One body for a path that takes any of `actions` (a test helper's): each input any of them
    declares, so the OpenAPI document shows them all; `given_to` then checks the action's own."""
    inputs = {i.name: i for a in actions for i in a.inputs}
    return _model(name, tuple(inputs.values()))


def given_to(action: Action, body: BaseModel | dict[str, Any] | None) -> ActionInput:
    """The body, checked against the inputs `action` itself declares (one it does not take is
    refused, as a framework validation problem: each dialect renders it in its own words)."""
    values = body.model_dump(exclude_unset=True) if isinstance(body, BaseModel) else (body or {})
    try:
        return action_input(body_model(action).model_validate(values))
    except ValidationError as invalid:
        raise RequestValidationError(invalid.errors()) from None


def action_input(body: BaseModel) -> ActionInput:
    values = body.model_dump(exclude_unset=True)
    if "address" in values and values["address"] is not None:
        values["address"] = {k: v for k, v in values["address"].items() if v is not None}
    if "tracking_numbers" in values:
        values["tracking_numbers"] = tuple((row["carrier"], row["value"]) for row in values["tracking_numbers"])
    if "device_ids" in values:
        values["device_ids"] = tuple(values["device_ids"])
    return ActionInput(**values)
