"""GET /fhir/R4/metadata, /fhir/R4/{type}?… (search) and /fhir/R4/{type}/{id} (read), with any
of the account's API keys, in its mode (docs/fhir.md). Left out of /openapi.json: FHIR clients
read the CapabilityStatement, and the typed client is for the suppliers' four APIs."""

from __future__ import annotations

import re
from dataclasses import replace
from importlib.metadata import version
from urllib.parse import quote

from fastapi import APIRouter, Request
from starlette.responses import StreamingResponse

from carepost.core.fhir import capability, service
from carepost.core.fhir.criteria import parse
from carepost.core.fhir.types import resource_type
from carepost.core.kit.errors import NotFound
from carepost.fhir_api.bundle import searchset
from carepost.fhir_api.outcome import FhirResponse
from carepost.http.credentials import AnyKeyCallerDep
from carepost.http.runtime import RuntimeDep

PREFIX = "/fhir/R4"
router = APIRouter(prefix=PREFIX, include_in_schema=False)
_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")  # FHIR's id


def base_url(request: Request) -> str:
    return f"{str(request.base_url).rstrip('/')}{PREFIX}"


@router.get("/metadata")
async def metadata(request: Request) -> FhirResponse:
    """Anyone may read what the server serves (FHIR clients ask before they authenticate)."""
    return FhirResponse(capability.statement(base_url(request), version=version("carepost")))


@router.get("/{type_name}")
async def search(type_name: str, request: Request, caller: AnyKeyCallerDep, runtime: RuntimeDep) -> FhirResponse:
    pairs = request.query_params.multi_items()
    criteria, paging = parse(pairs, searches=resource_type(type_name).searches)
    criteria = replace(criteria, base_url=base_url(request))
    async with runtime.db.read(may_lag=True) as session:
        found = await service.search(session, scope=caller.scope, dialects=caller.dialects, type_name=type_name, criteria=criteria, paging=paging)
    return FhirResponse(searchset(base_url(request), type_name, pairs, paging, found))


@router.get("/Binary/{resource_id}")
async def binary(resource_id: str, caller: AnyKeyCallerDep, runtime: RuntimeDep) -> StreamingResponse:
    """A DocumentReference's file, in its own media type (FHIR's native form of a Binary; a scan
    video may be 100 MB, so never as base64 in JSON), streamed from the document store."""
    _known_id("Binary", resource_id)
    async with runtime.db.read() as session:
        found = await service.binary(session, scope=caller.scope, dialects=caller.dialects, resource_id=resource_id, store=runtime.documents)
    disposition = f"attachment; filename*=UTF-8''{quote(found.document.filename)}"
    return StreamingResponse(found.content, media_type=found.document.content_type, headers={"Content-Disposition": disposition})


@router.get("/{type_name}/{resource_id}")
async def read(type_name: str, resource_id: str, request: Request, caller: AnyKeyCallerDep, runtime: RuntimeDep) -> FhirResponse:
    resource_type(type_name)
    _known_id(type_name, resource_id)
    async with runtime.db.read() as session:
        found = await service.read(
            session, scope=caller.scope, dialects=caller.dialects, type_name=type_name, resource_id=resource_id, base_url=base_url(request)
        )
    return FhirResponse(found)


def _known_id(type_name: str, resource_id: str) -> None:
    if not _ID.match(resource_id):
        raise NotFound(f"{type_name}/{resource_id[:64]} is not known.", code="resource_not_found")
