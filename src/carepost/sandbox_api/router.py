"""The sandbox's catalog: what a key may name in its APIs (docs/sandbox.md)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from carepost.core.sandbox import catalog
from carepost.http.credentials import AnyKeyCallerDep as CallerDep
from carepost.http.json_response import JSONResponse
from carepost.http.runtime import RuntimeDep
from carepost.http.shapes import Shape

router = APIRouter(prefix="/api/sandbox/v1", tags=["sandbox"], strict_content_type=False)


class Catalog(Shape):
    mode: str
    apis: dict[str, dict[str, list[dict[str, Any]]]]  # by API: its products, kits, patients, cases… with their ids


@router.get("/catalog", summary="The ids a first order needs, in each of the key's APIs", responses={200: {"model": Catalog}})
async def read_catalog(caller: CallerDep, runtime: RuntimeDep) -> JSONResponse:
    """Read-only, in the key's mode: masks' mask types; devices' items, kits, patients (ids
    only) and sites; the pharmacy's products, payment methods, shipping methods and stores;
    the cases API's cases, pharmacies and drugs. A Carepost extension, not a supplier's path."""
    async with runtime.db.read() as session:
        found = await catalog.of(session, scope=caller.scope, dialects=caller.dialects)
    return JSONResponse({"mode": caller.mode, "apis": found})
