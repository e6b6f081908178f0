"""The masks contract's success envelope: `{"success": true, "data": {...}}`."""

from __future__ import annotations

from typing import Any

from carepost.http.json_response import JSONResponse


def success_body(data: dict[str, Any]) -> dict[str, Any]:
    return {"success": True, "data": data}


def success(data: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(success_body(data), status_code=status)
