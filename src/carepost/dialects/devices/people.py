"""Patients and sites, managed by the customer (guide 004): create, list, get, update, archive.

Same style as orders: the guide's objects, its page envelope, its error
messages. Archiving keeps the record readable: a patient is marked
`archived`, a site `active: false`; neither takes new orders.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.kit.paging import Page, PageRequest
from carepost.core.models import Patient
from carepost.core.patients import service as patients
from carepost.core.patients import sites
from carepost.core.patients.views import patient_views
from carepost.dialects.devices import examples, mapping, shapes
from carepost.dialects.devices.auth import ReaderDep, WriterDep
from carepost.dialects.devices.params import IdFilter, PageNumber, PageSize, RowId
from carepost.dialects.devices.schemas import PatientFieldsIn, SiteIn
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import body_example
from carepost.http.runtime import RuntimeDep

router = APIRouter(prefix="/api/v3", tags=["devices"], strict_content_type=False)

async def _patient(session: AsyncSession, caller: Caller, patient: Patient, status: int = 200) -> JSONResponse:
    (view,) = await patient_views(session, caller.scope, [patient])
    return JSONResponse(mapping.patient(view), status_code=status)


@router.post("/patient", status_code=201, summary="Create a patient", responses={201: {"model": shapes.Patient}}, openapi_extra=body_example(examples.PATIENT))
async def create_patient(body: PatientFieldsIn, caller: WriterDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.transaction() as session:
        patient = await patients.create_patient(session, scope=caller.scope, patient_in=mapping.patient_in(body))
        return await _patient(session, caller, patient, status=201)


@router.get("/patient", summary="List patients", responses={200: {"model": shapes.PatientPage}})
async def list_patients(
    caller: ReaderDep,
    runtime: RuntimeDep,
    page: PageNumber = 0,
    size: PageSize = 20,
    externalIdentifier: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    siteId: IdFilter = None,
    archived: bool | None = None,
) -> JSONResponse:
    """Newest first; filters: `externalIdentifier`, `siteId`, `archived`."""
    filters = patients.PatientFilters(external_identifier=externalIdentifier, site_id=siteId, archived=archived)
    async with runtime.db.read() as session:
        found = await patients.list_patients(session, scope=caller.scope, filters=filters, page=PageRequest(page, size))
        views = await patient_views(session, caller.scope, found.items)
        return JSONResponse(mapping.page(Page(views, found.request, found.total), mapping.patient))


@router.get("/patient/{patient_id}", summary="Fetch a patient", responses={200: {"model": shapes.Patient}})
async def get_patient(patient_id: RowId, caller: ReaderDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.read() as session:
        return await _patient(session, caller, await patients.get_patient(session, scope=caller.scope, patient_id=patient_id))


@router.put("/patient/{patient_id}", summary="Update a patient", responses={200: {"model": shapes.Patient}}, openapi_extra=body_example(examples.PATIENT))
async def update_patient(patient_id: RowId, body: PatientFieldsIn, caller: WriterDep, runtime: RuntimeDep) -> JSONResponse:
    """Replaces what the customer manages, checked like a new patient."""
    async with runtime.db.transaction() as session:
        patient = await patients.update_patient(
            session, scope=caller.scope, patient_id=patient_id, patient_in=mapping.patient_in(body)
        )
        return await _patient(session, caller, patient)


@router.delete("/patient/{patient_id}", summary="Archive a patient", responses={200: {"model": shapes.Patient}})
async def archive_patient(patient_id: RowId, caller: WriterDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.transaction() as session:
        patient = await patients.archive_patient(session, scope=caller.scope, patient_id=patient_id)
        return await _patient(session, caller, patient)


@router.post("/site", status_code=201, summary="Create a site", responses={201: {"model": shapes.Site}}, openapi_extra=body_example(examples.SITE))
async def create_site(body: SiteIn, caller: WriterDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.transaction() as session:
        site = await sites.create_site(session, scope=caller.scope, site_in=mapping.site_in(body))
        return JSONResponse(mapping.site(site), status_code=201)


@router.get("/site", summary="List sites", responses={200: {"model": shapes.SitePage}})
async def list_sites(
    caller: ReaderDep, runtime: RuntimeDep, page: PageNumber = 0, size: PageSize = 20, active: bool | None = None
) -> JSONResponse:
    """Newest first; filter: `active`."""
    async with runtime.db.read() as session:
        found = await sites.list_sites(session, scope=caller.scope, active=active, page=PageRequest(page, size))
        return JSONResponse(mapping.page(found, mapping.site))


@router.get("/site/{site_id}", summary="Fetch a site", responses={200: {"model": shapes.Site}})
async def get_site(site_id: RowId, caller: ReaderDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.read() as session:
        return JSONResponse(mapping.site(await sites.get_site(session, scope=caller.scope, site_id=site_id)))


@router.put("/site/{site_id}", summary="Update a site", responses={200: {"model": shapes.Site}}, openapi_extra=body_example(examples.SITE))
async def update_site(site_id: RowId, body: SiteIn, caller: WriterDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.transaction() as session:
        site = await sites.update_site(session, scope=caller.scope, site_id=site_id, site_in=mapping.site_in(body))
        return JSONResponse(mapping.site(site))


@router.delete("/site/{site_id}", summary="Archive (deactivate) a site", responses={200: {"model": shapes.Site}})
async def deactivate_site(site_id: RowId, caller: WriterDep, runtime: RuntimeDep) -> JSONResponse:
    async with runtime.db.transaction() as session:
        return JSONResponse(mapping.site(await sites.deactivate_site(session, scope=caller.scope, site_id=site_id)))
