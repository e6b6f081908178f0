"""Core problems -> the masks contract's status codes and error envelope.

The contract shows only success bodies; errors mirror them (docs/masks.md):
`{"success": false, "error": {"code", "message", "request_id", "fields"?}}`.
"""

from __future__ import annotations

from starlette.responses import Response

from carepost.http.json_response import JSONResponse
from carepost.http.problems import STATUS_BY_KIND, Problem

# An account without the masks API is, to a masks client, a clinic not set up (422);
# every other problem takes its family's usual status.
_BY_CODE = {"dialect_disabled": 422}
_CODE_ALIASES = {"dialect_disabled": "clinic_not_configured"}


def status_for(problem: Problem) -> int:
    return _BY_CODE.get(problem.code) or STATUS_BY_KIND.get(problem.kind, 500)


def render(problem: Problem, request_id: str, path: str) -> Response:
    error: dict[str, object] = {
        "code": _CODE_ALIASES.get(problem.code, problem.code),
        "message": problem.message,
        "request_id": request_id,
    }
    if problem.fields:
        error["fields"] = [{"field": f.field, "message": f.message} for f in problem.fields]
    return JSONResponse({"success": False, "error": error}, status_code=status_for(problem))
