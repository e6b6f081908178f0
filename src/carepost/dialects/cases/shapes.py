"""What the cases API answers, for the OpenAPI document."""

from __future__ import annotations

from typing import Any

from carepost.http.shapes import Shape


class CasesError(Shape):
    status: int
    success: bool
    message: str
    error: str


class OrderCreated(Shape):
    status: int
    success: bool
    message: str
    data: dict[str, Any]


class CaseAnswer(Shape):
    status: int
    success: bool
    message: str
    data: dict[str, Any]


class OrderMoved(Shape):
    status: int
    success: bool
    message: str
    data: dict[str, Any]  # {"order": the order, as the case shows it}
