"""Core problems -> contract 003's error envelope:
`{"status": 400, "success": false, "message": "Invalid request", "error": "firstName is required"}`.

`message` is the status's title, as the contract's one example ("Invalid request");
`error` is one sentence naming the field (docs/cases.md lists every one)."""

from __future__ import annotations

from starlette.responses import Response

from carepost.http.json_response import JSONResponse
from carepost.http.problems import STATUS_BY_KIND, Problem

TITLES = {
    400: "Invalid request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found", 405: "Method not allowed",
    408: "Request timeout", 409: "Conflict", 413: "Payload too large", 422: "Unprocessable request", 429: "Too many requests",
    500: "Internal server error", 503: "Service unavailable",
}
# Contract 003's "Error Scenarios", as the OpenAPI document describes each status.
SCENARIOS = {
    400: "Bad Request: missing required fields, invalid field formats, invalid state codes, invalid email format, "
    "invalid postal code format, or a missing API key",
    401: "Unauthorized: invalid or missing API key, or organization not found",
    403: "Forbidden: case does not belong to the organization, or permission denied",
}
# Contract 003 lists "Organization not found" under 401: an account without the cases API is no organization here.
_STATUS_BY_CODE = {"idempotency_key_mismatch": 422, "dialect_disabled": 401}
# Our words for the edge's problems, in the contract's style.
_ERRORS = {
    "missing_api_key": "Missing API key",
    "invalid_api_key": "Invalid API key",
    "dialect_disabled": "Organization not found",  # an account without the cases API is no organization here
    "read_only_key": "Permission denied",
    "invalid_json": "Request body must be valid JSON",
}


def status_for(problem: Problem) -> int:
    return _STATUS_BY_CODE.get(problem.code) or STATUS_BY_KIND.get(problem.kind, 500)


def render(problem: Problem, request_id: str, path: str) -> Response:
    status = status_for(problem)
    error = _ERRORS.get(problem.code) or _field_message(problem) or problem.message
    body = {"status": status, "success": False, "message": TITLES.get(status, "Error"), "error": error}
    return JSONResponse(body, status_code=status, headers={"X-Request-Id": request_id})


def _field_message(problem: Problem) -> str | None:
    """A framework validation problem (a query or header), as one sentence."""
    if not problem.fields:
        return None
    first = problem.fields[0]
    return f"{first.field} {first.message[0].lower()}{first.message[1:]}" if first.message else first.field
