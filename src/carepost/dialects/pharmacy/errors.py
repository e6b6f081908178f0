"""Core problems -> the pharmacy contract's answers, in Django REST Framework's shapes.

The contract is a DRF API (SimpleJWT for tokens), and a client of it handles
DRF's errors, so they are reproduced (docs/pharmacy.md):
- field errors: the body's shape, each field a list of messages, nested as the
  body nests (`{"user": {"email": ["Enter a valid email address."]}}`), list
  items by position (`{"order": {"details": [{}, {"product": [...]}]}}`);
- everything else: `{"detail": "…"}`, with DRF's own wording where DRF has one;
- SimpleJWT's invalid token: `{"detail", "code": "token_not_valid", "messages"}`.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from carepost.http.json_response import JSONResponse
from carepost.http.problems import STATUS_BY_KIND, FieldProblem, Problem

# DRF's wording for the validation failures pydantic names by type.
_FIELD_MESSAGES = {
    "missing": "This field is required.",
    "string_type": "Not a valid string.",
    "string_too_short": "This field may not be blank.",
    "string_too_long": "Ensure this field has no more than {max_length} characters.",
    "int_type": "A valid integer is required.",
    "int_parsing": "A valid integer is required.",
    "int_from_float": "A valid integer is required.",
    "float_type": "A valid number is required.",
    "float_parsing": "A valid number is required.",
    "decimal_type": "A valid number is required.",
    "decimal_parsing": "A valid number is required.",
    "bool_type": "Must be a valid boolean.",
    "bool_parsing": "Must be a valid boolean.",
    "date_type": "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
    "date_parsing": "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
    "date_from_datetime_parsing": "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
    "greater_than_equal": "Ensure this value is greater than or equal to {ge}.",
    "greater_than": "Ensure this value is greater than {gt}.",
    "less_than_equal": "Ensure this value is less than or equal to {le}.",
    "list_type": "Expected a list of items.",
    "too_short": "This list may not be empty.",
    "too_long": "Ensure this field has no more than {max_length} elements.",
    "model_type": "Invalid data. Expected a dictionary.",
    "dict_type": "Invalid data. Expected a dictionary.",
    "model_attributes_type": "Invalid data. Expected a dictionary.",
    "literal_error": "This is not a valid choice.",
    "enum": "This is not a valid choice.",
    # The edge's refusal (http/screening.py), in DRF's CharField words.
    "control_characters": "Null characters are not allowed.",
}

_DETAIL = {
    "missing_api_key": "Authentication credentials were not provided.",
    "missing_token": "Authentication credentials were not provided.",
    "invalid_api_key": "Invalid API key.",
    "conflicting_credentials": "Invalid API key.",
    "bad_credentials": "No active account found with the given credentials",
    "bad_authorization_header": "Authorization header must contain two space-delimited values",
    "dialect_disabled": "You do not have permission to perform this action.",
    "read_only_key": "You do not have permission to perform this action.",
    "route_not_found": "Not found.",
    "payload_too_large": "Request body too large.",
    "internal_error": "A server error occurred.",
    "service_unavailable": "Service temporarily unavailable, try again later.",
}

# SimpleJWT's answer for a token that is missing its mark, tampered, expired or not for this key.
TOKEN_NOT_VALID = "Given token not valid for any token type"


# An Idempotency-Key reused with another body: the IETF draft's 422, as the devices API answers.
_STATUS_BY_CODE = {"idempotency_key_mismatch": 422}


def status_for(problem: Problem) -> int:
    return _STATUS_BY_CODE.get(problem.code) or STATUS_BY_KIND.get(problem.kind, 500)


def render(problem: Problem, request_id: str, path: str) -> Response:
    status = status_for(problem)
    return JSONResponse(body_for(problem), status_code=status)


def body_for(problem: Problem) -> dict[str, Any]:
    if problem.code == "token_not_valid":
        message = problem.details.get("reason", "Token is invalid")
        return {
            "detail": TOKEN_NOT_VALID,
            "code": "token_not_valid",
            "messages": [{"token_class": "AccessToken", "token_type": "access", "message": message}],
        }
    if problem.code == "invalid_json":
        return {"detail": f"JSON parse error - {problem.message}"}
    if problem.kind == "invalid_input" and problem.fields:
        return field_errors(problem.fields)
    if problem.kind == "method_not_allowed":
        return {"detail": f'Method "{problem.details.get("method", "")}" not allowed.'}
    if problem.kind == "rate_limited":
        return {"detail": f"Request was throttled. Expected available in {problem.details.get('retry_after', 60)} seconds."}
    if problem.kind == "unsupported_media_type":
        return {"detail": f'Unsupported media type "{problem.details.get("media_type", "")}" in request.'}
    if problem.kind == "not_found":
        return {"detail": "Invalid page." if problem.code == "invalid_page" else "Not found."}
    return {"detail": _DETAIL.get(problem.code, problem.message)}


def field_errors(fields: tuple[FieldProblem, ...]) -> dict[str, Any]:
    """DRF's nested field errors: every message under its field's path."""
    errors: dict[str, Any] = {}
    for problem in fields:
        parts = [p for p in problem.field.split(".") if p] or ["non_field_errors"]
        _put(errors, parts, _message(problem))
    return errors


def _message(problem: FieldProblem) -> str:
    template = _FIELD_MESSAGES.get(problem.type)
    if template is None:
        return problem.message
    try:
        return template.format(**problem.context)
    except (KeyError, IndexError):
        return problem.message


def _put(node: Any, parts: list[str], message: str) -> None:
    head, rest = parts[0], parts[1:]
    if isinstance(node, list):
        index = int(head)
        while len(node) <= index:
            node.append({})
        if not rest:
            node[index] = [message]
            return
        child = node[index] if isinstance(node[index], dict) else {}
        node[index] = child
        _put(child, rest, message)
        return
    if not rest:
        node.setdefault(head, []).append(message)
        return
    child = node.get(head)
    if child is None:
        child = [] if rest[0].isdigit() else {}
        node[head] = child
    _put(child, rest, message)
