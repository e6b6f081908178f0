"""The patient scan portal, `scan_upload_url` of the masks contract.

`GET /api/portal/start-scan?order_id=…&email=…` is the page; its form posts
each file to `POST /api/portal/start-scan/files/{kind}?order_id=…&email=…`.
An upload is checked against the link before its body is read, then streamed
to the document store (the surface counts it against its limit as it comes).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from starlette.datastructures import UploadFile

from carepost.core.kit.errors import CoreError, InvalidInput, NotFound
from carepost.core.manufacturing import scan_upload
from carepost.core.manufacturing.repository import MaskProductRepository
from carepost.core.manufacturing.views import patient_first_name
from carepost.dialects.masks import shapes
from carepost.dialects.masks.portal.pages import ASSETS, problem_page, templates
from carepost.dialects.masks.responses import success
from carepost.http import rate_limits
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import error_responses
from carepost.http.runtime import RuntimeDep


async def _per_address_limit(request: Request, runtime: RuntimeDep) -> None:
    """The portal has no key: it is limited per client address instead."""
    address = request.client.host if request.client else "unknown"
    limit = runtime.settings.portal_rate_limit_per_minute
    await rate_limits.enforce(request, runtime.rate_counter, key=f"portal:{address}", limit=limit, policy="per-address")


router = APIRouter(prefix="/api/portal", tags=["masks portal"], dependencies=[Depends(_per_address_limit)])

OrderId = Annotated[str, Query(max_length=32)]
Email = Annotated[str, Query(max_length=320)]
_PAGE_STATUS = {"scan_link_invalid": 404, "scan_upload_blocked": 409}
_ASSET_TYPES = {"portal.css": "text/css", "upload.js": "text/javascript"}
_CHUNK = 1024 * 1024


@router.get(
    "/start-scan",
    response_class=HTMLResponse,
    summary="Patient scan page",
    responses={status: {"description": "A page that says what is wrong", "content": {"text/html": {}}} for status in (400, 404, 409, 429, 500, 503)},
)
async def start_scan(request: Request, runtime: RuntimeDep, order_id: OrderId, email: Email) -> HTMLResponse:
    async with runtime.db.transaction() as session:
        try:
            order = await scan_upload.portal_order(session, public_id=order_id, email=email)
        except CoreError as problem:
            return _problem("This link does not work", problem)
        product = await MaskProductRepository(session).get(order.attributes["mask_type"])
        on_file = await scan_upload.files_on_file(session, order)
    context = {"order_id": order.public_id, "product_name": product.name if product else order.attributes["mask_type"]}
    try:
        scan_upload.uploads_open(order)
    except CoreError as problem:
        if problem.code == "sandbox_order":
            return templates.TemplateResponse(request, "sandbox.html", context)
        if problem.code == "scan_already_complete":
            return templates.TemplateResponse(request, "start.html", _start_context(order, context, on_file, complete=True))
        return _problem("This order was cancelled", problem)
    return templates.TemplateResponse(request, "start.html", _start_context(order, context, on_file, complete=False))


@router.get("/assets/{name}", include_in_schema=False)
async def asset(name: str) -> FileResponse:
    if name not in _ASSET_TYPES:
        raise NotFound("No such file.", code="route_not_found")
    return FileResponse(ASSETS / name, media_type=_ASSET_TYPES[name], headers={"cache-control": "public, max-age=3600"})


@router.post(
    "/start-scan/files/{kind}",
    summary="Upload one scan file",
    responses={200: {"model": shapes.ScanUploadAnswer}, **error_responses(shapes.MasksError, 409)},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {"type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}}
                }
            },
        }
    },
)
async def upload_file(kind: str, request: Request, runtime: RuntimeDep, order_id: OrderId, email: Email) -> JSONResponse:
    store = runtime.documents
    async with runtime.db.transaction() as session:  # the link, before a byte of the body is read
        order = await scan_upload.portal_order(session, public_id=order_id, email=email)
        scan_upload.rule_for(order, kind)
    async with request.form(max_files=1, max_fields=1) as form:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InvalidInput("Send the scan as a file in the multipart field named file.", code="file_missing", field="file")
        stored = await scan_upload.store_upload(
            store, order=order, kind=kind, head=await upload.read(_CHUNK), rest=_chunks(upload)
        )
    try:
        async with runtime.db.transaction() as session:
            order = await scan_upload.portal_order(session, public_id=order_id, email=email)
            result = await scan_upload.accept(session, order=order, stored=stored)
    except BaseException:
        await store.delete(stored.storage_key)  # nothing half-made: the file was never on the order
        raise
    if result.replaced_key:
        await store.delete(result.replaced_key)  # only now that its replacement is committed
    return success(
        {"kind": kind, "on_file": list(result.on_file), "scan_complete": result.scan_id is not None, "scan_id": result.scan_id}
    )


async def _chunks(upload: UploadFile) -> AsyncIterator[bytes]:
    while chunk := await upload.read(_CHUNK):
        yield chunk


def _start_context(order, context: dict, on_file: tuple[str, ...], *, complete: bool) -> dict:
    query = urlencode({"order_id": order.public_id, "email": order.recipient["email"]})
    return {
        **context,
        "first_name": patient_first_name(order),
        "files": scan_upload.SCAN_FILES,
        "on_file": on_file,
        "complete": complete,
        "upload_url": f"/api/portal/start-scan/files/__KIND__?{query}",
    }


def _problem(heading: str, problem: CoreError) -> HTMLResponse:
    return problem_page(heading, problem.message, _PAGE_STATUS.get(problem.code, 400))
