"""The operator API's envelope: `{"error": {"code", "message", "request_id", "fields"?}}`."""

from __future__ import annotations

from starlette.responses import Response

from carepost.http.json_response import JSONResponse
from carepost.http.problems import STATUS_BY_KIND, Problem


def render(problem: Problem, request_id: str, path: str) -> Response:
    error: dict[str, object] = {"code": problem.code, "message": problem.message, "request_id": request_id}
    if problem.fields:
        error["fields"] = [{"field": f.field, "message": f.message} for f in problem.fields]
    return JSONResponse({"error": error}, status_code=STATUS_BY_KIND.get(problem.kind, 500))
