"""What the operator API answers, for the OpenAPI document."""

from __future__ import annotations

from typing import Any

from carepost.http.shapes import Shape


class TimelineEvent(Shape):
    name: str
    actor: str
    occurred_at: str | None
    data: dict[str, Any] | None


class OperatorOrder(Shape):
    order_id: str
    id: int
    account_id: int
    dialect: str
    flow: str
    mode: str
    status: str
    placed_at: str | None
    updated_at: str | None
    events: list[TimelineEvent]

