"""What the pharmacy API answers, for the OpenAPI document (dialects/_shared/shapes.py)."""

from __future__ import annotations

from typing import Any

from carepost.dialects._shared.shapes import Shape


class PharmacyError(Shape):
    """DRF's error shapes: `{"detail": "…"}` (SimpleJWT adds `code` and `messages`), or, for
    invalid fields, the body's own shape with a list of messages per field."""

    detail: str | None = None
    code: str | None = None
    messages: list[dict[str, Any]] | None = None


class AccessToken(Shape):
    access: str
