"""The webhook API's request bodies. Unknown fields are refused: a partner that
believes it set something must hear that it did not."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from carepost.http.wire import Moment, OneLine

Url = Annotated[str, Field(min_length=1, max_length=2048), OneLine]
Description = Annotated[str, Field(max_length=500), OneLine]
EventTypes = Annotated[list[Annotated[str, Field(max_length=64)]], Field(max_length=20)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EndpointIn(_Strict):
    url: Url
    description: Description | None = None
    event_types: EventTypes | None = None  # omitted or null: every type


class EndpointPatch(_Strict):
    url: Url | None = None
    description: Description | None = None
    event_types: EventTypes | None = None
    enabled: StrictBool | None = None


class ReplayIn(_Strict):
    since: Moment
