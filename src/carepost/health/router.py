"""`/healthz` (the process answers), `/readyz` (its database answers and has every
migration this code expects) and `/metrics` (Prometheus text format)."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST

from carepost.core.kit.db import is_database_unavailable
from carepost.core.kit.errors import Unauthenticated
from carepost.core.kit.migrate import at_head
from carepost.http.credentials import bearer_token
from carepost.http.json_response import JSONResponse
from carepost.http.runtime import RuntimeDep
from carepost.http.shapes import PlainError, Shape

router = APIRouter(tags=["health"])


class Health(Shape):
    status: str


class Readiness(Shape):
    status: str
    database: str


@router.get("/healthz", summary="Liveness: the process answers", responses={200: {"model": Health}})
async def healthz() -> JSONResponse:
    return JSONResponse({"status": "ok"})


@router.get(
    "/readyz",
    summary="Readiness: the database answers and is migrated",
    responses={200: {"model": Readiness}, 503: {"model": Readiness, "description": "Not ready; see database"}},
)
async def readyz(runtime: RuntimeDep) -> JSONResponse:
    try:
        migrated = await at_head(runtime.db)
    except Exception as error:
        if not is_database_unavailable(error):
            raise
        return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
    if not migrated:
        return JSONResponse({"status": "unavailable", "database": "not migrated to head"}, status_code=503)
    return JSONResponse({"status": "ready", "database": "ok"})


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={
        200: {"content": {"text/plain": {"schema": {"type": "string"}}}, "description": "The text exposition format"},
        401: {"model": PlainError, "description": "CAREPOST_METRICS_TOKEN is set and was not sent"},
    },
)
async def metrics(request: Request, runtime: RuntimeDep) -> Response:
    token = runtime.settings.metrics_token
    if token and not hmac.compare_digest(bearer_token(request) or "", token):
        raise Unauthenticated("Send the metrics token as Authorization: Bearer.", code="invalid_metrics_token")
    body = await request.app.state.metrics.exposition(runtime.db)
    return Response(body, media_type=CONTENT_TYPE_LATEST)
