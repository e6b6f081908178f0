"""The operator API's envelope: `{"error": {"code", "message", "request_id", "fields"?}}`."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from carepost.dialects._shared.problems import Problem

_BY_KIND = {
    "invalid_input": 400,
    "unauthenticated": 401,
    "forbidden": 403,
    "not_found": 404,
    "method_not_allowed": 405,
    "conflict": 409,
    "payload_too_large": 413,
    "not_configured": 422,
    "upstream_failed": 502,
}


def render(problem: Problem, request_id: str) -> Response:
    error: dict[str, object] = {"code": problem.code, "message": problem.message, "request_id": request_id}
    if problem.fields:
        error["fields"] = [{"field": f.field, "message": f.message} for f in problem.fields]
    return JSONResponse({"error": error}, status_code=_BY_KIND.get(problem.kind, 500))
