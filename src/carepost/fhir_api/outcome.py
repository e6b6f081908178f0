"""Errors as FHIR OperationOutcomes, answered as application/fhir+json, whatever went wrong:
a bad search parameter, a missing key, an unknown id, a body or a rate limit."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from carepost.core.fhir.elements import ERROR_CODE
from carepost.core.kit import json_text
from carepost.http.problems import STATUS_BY_KIND, Problem

MEDIA_TYPE = "application/fhir+json"

# FHIR's IssueType for each family of problem (http://hl7.org/fhir/R4/valueset-issue-type.html).
ISSUE_TYPES = {
    "invalid_input": "invalid",
    "unauthenticated": "login",
    "forbidden": "forbidden",
    "not_found": "not-found",
    "method_not_allowed": "not-supported",
    "request_timeout": "timeout",
    "payload_too_large": "too-long",
    "unsupported_media_type": "not-supported",
    "rate_limited": "throttled",
    "unavailable": "transient",
}
# Precise reasons that say more than their family.
ISSUE_TYPES_BY_CODE = {
    "unknown_parameter": "not-supported",
    "unknown_include": "not-supported",
    "unsupported_format": "not-supported",
    "search_too_wide": "too-costly",
}


class FhirResponse(Response):
    media_type = MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        return json_text.dumps(content)


def outcome(problem: Problem, request_id: str) -> dict[str, Any]:
    issue_type = ISSUE_TYPES_BY_CODE.get(problem.code) or ISSUE_TYPES.get(problem.kind, "exception")
    return {
        "resourceType": "OperationOutcome",
        "id": request_id,
        "issue": [
            {
                "severity": "error",
                "code": issue_type,
                "details": {"coding": [{"system": ERROR_CODE, "code": problem.code}], "text": problem.message},
                "diagnostics": f"request_id {request_id}",
            }
        ],
    }


def render(problem: Problem, request_id: str, path: str) -> Response:
    return FhirResponse(outcome(problem, request_id), status_code=STATUS_BY_KIND.get(problem.kind, 500))
