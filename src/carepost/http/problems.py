"""A neutral description of what went wrong, which each dialect renders in its
own contract's envelope and status codes (dialects/*/errors.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from carepost.core.kit.errors import CoreError


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str
    type: str = ""  # the validator's own name for it (pydantic's `missing`, `string_too_long`…), for dialects that word it themselves
    context: dict[str, Any] = dataclasses.field(default_factory=dict)  # `field` is a field's name here


@dataclass(frozen=True)
class Problem:
    kind: str  # the family: not_found, conflict, invalid_input, …
    code: str  # the precise reason: order_not_found, idempotency_key_reused, …
    message: str
    fields: tuple[FieldProblem, ...] = ()
    details: dict[str, Any] = dataclasses.field(default_factory=dict)


def from_core(error: CoreError) -> Problem:
    details = dict(error.details)
    wire_field = details.pop("field", None)
    fields = (FieldProblem(wire_field, error.message),) if wire_field else ()
    return Problem(kind=error.kind, code=error.code, message=error.message, fields=fields, details=details)


def from_validation(errors: Sequence[dict[str, Any]]) -> Problem:
    """Pydantic's errors, as one readable message and a list of field problems."""
    if any(e.get("type") == "json_invalid" for e in errors):
        return Problem(kind="invalid_input", code="invalid_json", message="The request body is not valid JSON.")
    fields = tuple(
        FieldProblem(_dotted(e.get("loc", ())), _message(e), type=str(e.get("type", "")), context=dict(e.get("ctx") or {}))
        for e in errors
    )
    if any(p.field == "" for p in fields):  # the body as a whole is missing or not an object
        return Problem(
            kind="invalid_input",
            code="invalid_json",
            message="The request body must be a JSON object, sent as Content-Type: application/json.",
        )
    first = fields[0] if fields else FieldProblem("", "Invalid request.")
    summary = f"{first.field}: {first.message}" if first.field else first.message
    return Problem(kind="invalid_input", code="validation_error", message=summary, fields=fields)


def _dotted(loc: Sequence[Any]) -> str:
    # Blank parts are a tagged union's member names (dialects/pharmacy/schemas.py), not fields.
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header") and str(p).strip()]
    return ".".join(parts)


def _message(error: dict[str, Any]) -> str:
    if error.get("type") == "extra_forbidden":
        return "Unknown field."
    message = str(error.get("msg", "Invalid value."))
    return message.removeprefix("Value error, ")


# The usual HTTP status of each problem family; a dialect overrides what its contract says otherwise.
STATUS_BY_KIND = {
    "invalid_input": 400,
    "unauthenticated": 401,
    "forbidden": 403,
    "not_found": 404,
    "method_not_allowed": 405,
    "request_timeout": 408,
    "conflict": 409,
    "payload_too_large": 413,
    "unsupported_media_type": 415,
    "not_configured": 422,
    "rate_limited": 429,
    "internal_error": 500,
    "upstream_failed": 502,
    "unavailable": 503,
}


ROUTE_NOT_FOUND = Problem(kind="not_found", code="route_not_found", message="No such endpoint.")
METHOD_NOT_ALLOWED = Problem(kind="method_not_allowed", code="method_not_allowed", message="Method not allowed here.")
PAYLOAD_TOO_LARGE = Problem(kind="payload_too_large", code="payload_too_large", message="The request body is too large.")
INTERNAL_ERROR = Problem(
    kind="internal_error", code="internal_error", message="Something went wrong on our side; the request was not applied."
)
UNAVAILABLE = Problem(
    kind="unavailable",
    code="service_unavailable",
    message="The service is briefly unavailable; the request was not applied. Retry after the Retry-After seconds.",
)
BODIES_BUDGET_SPENT = Problem(
    kind="unavailable",
    code="service_unavailable",
    message="The service is receiving too much at once; the request was not applied. Retry after the Retry-After seconds.",
)
REQUEST_TIMEOUT = Problem(
    kind="request_timeout", code="request_timeout", message="The request body did not arrive in time; send it again."
)
