"""Errors the core raises. Each has a stable `code`; every dialect maps codes to
its own contract's status codes, messages and envelope (dialects/*/errors.py)."""

from __future__ import annotations

from typing import Any


class CoreError(Exception):
    """`kind` is the family (not_found, conflict…); `code` the precise reason."""

    kind = "core_error"

    def __init__(self, message: str, *, code: str | None = None, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.kind
        self.details = details


class NotFound(CoreError):
    kind = "not_found"


class Unauthenticated(CoreError):
    kind = "unauthenticated"


class Forbidden(CoreError):
    kind = "forbidden"


class InvalidInput(CoreError):
    kind = "invalid_input"


class Conflict(CoreError):
    kind = "conflict"


class NotConfigured(CoreError):
    kind = "not_configured"


class UpstreamFailed(CoreError):
    """An outside service (the store, a stamping provider) failed."""

    kind = "upstream_failed"


class RateLimited(CoreError):
    """Too many requests in the current window; `retry_after` seconds until the next."""

    kind = "rate_limited"
