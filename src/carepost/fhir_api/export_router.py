"""FHIR Bulk Data export over HTTP (docs/fhir.md): kick-off at `$export` (the whole account, or
`Group/<api>/$export` for one API's), the status URL, and the NDJSON files, with the same key."""

from __future__ import annotations

from email.utils import format_datetime

from fastapi import APIRouter, Request, Response
from starlette.responses import JSONResponse, StreamingResponse

from carepost.core.accounts.service import Caller
from carepost.core.fhir import export
from carepost.core.fhir.elements import instant
from carepost.core.kit.errors import InvalidInput, NotFound
from carepost.fhir_api.outcome import FhirResponse, outcome
from carepost.fhir_api.router import PREFIX, base_url
from carepost.http.credentials import AnyKeyCallerDep
from carepost.http.problems import Problem
from carepost.http.runtime import Runtime, RuntimeDep, request_id_of

router = APIRouter(prefix=PREFIX, include_in_schema=False)
RETRY_AFTER_SECONDS = "2"


@router.get("/$export")
async def export_everything(request: Request, caller: AnyKeyCallerDep, runtime: RuntimeDep) -> Response:
    return await _kick_off(request, caller, runtime, group=None)


@router.get("/Group/{group_id}/$export")
async def export_group(group_id: str, request: Request, caller: AnyKeyCallerDep, runtime: RuntimeDep) -> Response:
    return await _kick_off(request, caller, runtime, group=group_id)


async def _kick_off(request: Request, caller: Caller, runtime: Runtime, *, group: str | None) -> Response:
    if "respond-async" not in request.headers.get("prefer", "").lower():
        raise InvalidInput("A bulk export runs asynchronously: send Prefer: respond-async.", code="prefer_respond_async")
    wanted = export.parse(request.query_params.multi_items())
    async with runtime.db.transaction() as session:
        job = await export.request(
            session,
            caller=caller,
            wanted=wanted,
            group=group,
            request_url=str(request.url),
            base_url=base_url(request),
            hours=runtime.settings.fhir_export_hours,
        )
    return Response(status_code=202, headers={"Content-Location": _status_url(request, job.public_id)})


@router.get("/$export-status/{job_id}")
async def export_status(job_id: str, request: Request, caller: AnyKeyCallerDep, runtime: RuntimeDep) -> Response:
    async with runtime.db.read() as session:
        job = await export.of_scope(session, caller.scope, job_id)
    expires = {"Expires": format_datetime(job.expires_at, usegmt=True)}
    if job.status in (export.ACCEPTED, export.RUNNING):
        progress = job.progress or job.status
        return Response(status_code=202, headers={"X-Progress": progress, "Retry-After": RETRY_AFTER_SECONDS})
    if job.status == export.FAILED:
        failed = Problem(kind="internal_error", code="export_failed", message="The export failed; nothing was kept. Request it again.")
        return FhirResponse(outcome(failed, request_id_of(request)), status_code=500)
    manifest = {
        "transactionTime": instant(job.requested_at),
        "request": job.request_url,
        "requiresAccessToken": True,
        "output": [{"type": f["type"], "url": f"{job.base_url}/$export-file/{job.public_id}/{n}", "count": f["count"]} for n, f in enumerate(job.files)],
        "error": [],
    }
    return JSONResponse(manifest, headers=expires)


@router.delete("/$export-status/{job_id}")
async def cancel_export(job_id: str, caller: AnyKeyCallerDep, runtime: RuntimeDep) -> Response:
    async with runtime.db.transaction() as session:
        await export.cancel(session, await export.of_scope(session, caller.scope, job_id))
    return Response(status_code=202)


@router.get("/$export-file/{job_id}/{number}")
async def export_file(job_id: str, number: int, caller: AnyKeyCallerDep, runtime: RuntimeDep) -> StreamingResponse:
    async with runtime.db.read() as session:
        job = await export.of_scope(session, caller.scope, job_id)
    if job.status != export.COMPLETED or not 0 <= number < len(job.files):
        raise NotFound("This export has no such file.", code="export_file_not_found")
    return StreamingResponse(runtime.documents.stream(job.files[number]["key"]), media_type="application/fhir+ndjson")


def _status_url(request: Request, job_id: str) -> str:
    return f"{base_url(request)}/$export-status/{job_id}"
