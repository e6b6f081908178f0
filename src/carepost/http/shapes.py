"""Building blocks of the response shapes each dialect documents (its `shapes.py`).

A shape describes what a response holds, for /openapi.json and the clients
generated from it; responses are built by each dialect's mapping, not by
these models. Extra keys are allowed, so a field added later breaks no client.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Shape(BaseModel):
    model_config = ConfigDict(extra="allow")


class FieldError(Shape):
    field: str
    message: str


class PlainErrorDetail(Shape):
    code: str
    message: str
    request_id: str


class PlainError(Shape):
    """The envelope of paths no dialect owns (surfaces.render_plain)."""

    error: PlainErrorDetail
