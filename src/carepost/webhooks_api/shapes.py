"""What the webhook API answers, for the OpenAPI document."""

from __future__ import annotations

from typing import Any, Literal

from carepost.http.operators import OpsError
from carepost.http.shapes import Shape


class WebhooksError(OpsError):
    """The platform's own error envelope."""


class Endpoint(Shape):
    id: str
    url: str
    description: str | None
    event_types: list[str] | None
    enabled: bool
    disabled_reason: str | None
    mode: str
    created_at: str
    updated_at: str


class EndpointWithSecret(Endpoint):
    secret: str  # shown once


class EndpointList(Shape):
    data: list[Endpoint]


class Attempt(Shape):
    attempted_at: str
    status_code: int | None
    duration_ms: int
    response_excerpt: str | None
    error: str | None


class Delivery(Shape):
    id: int
    event_id: str
    event_type: str
    status: str
    attempts: int
    next_attempt_at: str | None
    last_status_code: int | None
    created_at: str
    completed_at: str | None
    attempt_log: list[Attempt]
    payload: dict[str, object]


class DeliveryList(Shape):
    data: list[Delivery]


class Sent(Shape):
    event_id: str


class Replayed(Shape):
    replayed: int


class Event(Shape):
    id: str  # the `webhook-id` its deliveries carry
    object: Literal["event"]
    type: str
    created_at: str
    mode: str
    order_id: str | None  # the order's id as its API shows it
    payload: dict[str, Any]  # the body every delivery of it sent: {type, timestamp, …, data}


class EventList(Shape):
    object: Literal["list"]
    data: list[Event]
    has_more: bool
