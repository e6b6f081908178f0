"""The patient scan portal, `scan_upload_url` of the masks contract.

`GET /api/portal/start-scan?order_id=…&email=…` is the page; its form posts
each file to `POST /api/portal/start-scan/files/{kind}?order_id=…&email=…`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates

from carepost.core.kit.errors import CoreError
from carepost.core.manufacturing import scan_upload
from carepost.core.manufacturing.repository import MaskProductRepository
from carepost.core.manufacturing.views import patient_first_name
from carepost.dialects._shared.runtime import RuntimeDep
from carepost.dialects.masks.responses import success

router = APIRouter(prefix="/api/portal", tags=["masks portal"])
pages = Jinja2Templates(directory=Path(__file__).parent / "templates")

OrderId = Annotated[str, Query(max_length=32)]
Email = Annotated[str, Query(max_length=320)]
_PAGE_STATUS = {"scan_link_invalid": 404, "scan_upload_blocked": 409}


@router.get("/start-scan", response_class=HTMLResponse, summary="Patient scan page")
async def start_scan(request: Request, runtime: RuntimeDep, order_id: OrderId, email: Email) -> HTMLResponse:
    async with runtime.db.transaction() as session:
        try:
            order = await scan_upload.portal_order(session, public_id=order_id, email=email)
        except CoreError as problem:
            return _problem(request, "This link does not work", problem)
        product = await MaskProductRepository(session).get(order.attributes["mask_type"])
        on_file = await scan_upload.files_on_file(session, order)
    context = {"order_id": order.public_id, "product_name": product.name if product else order.attributes["mask_type"]}
    try:
        scan_upload.uploads_open(order)
    except CoreError as problem:
        if problem.code == "sandbox_order":
            return pages.TemplateResponse(request, "sandbox.html", context)
        if problem.code == "scan_already_complete":
            return pages.TemplateResponse(request, "start.html", _start_context(order, context, on_file, complete=True))
        return _problem(request, "This order was cancelled", problem)
    return pages.TemplateResponse(request, "start.html", _start_context(order, context, on_file, complete=False))


@router.post("/start-scan/files/{kind}", summary="Upload one scan file")
async def upload_file(
    kind: str, runtime: RuntimeDep, order_id: OrderId, email: Email, file: Annotated[UploadFile, File()]
) -> JSONResponse:
    data = await file.read(scan_upload.LARGEST_FILE + 1)
    store = runtime.documents
    async with runtime.db.transaction() as session:
        order = await scan_upload.portal_order(session, public_id=order_id, email=email)
        result = await scan_upload.accept(session, order=order, kind=kind, data=data, store=store)
    if result.replaced_key:
        await store.delete(result.replaced_key)  # only now that its replacement is committed
    return success(
        {"kind": kind, "on_file": list(result.on_file), "scan_complete": result.scan_id is not None, "scan_id": result.scan_id}
    )


def _start_context(order, context: dict, on_file: tuple[str, ...], *, complete: bool) -> dict:  # noqa: ANN001
    query = urlencode({"order_id": order.public_id, "email": order.recipient["email"]})
    return {
        **context,
        "first_name": patient_first_name(order),
        "files": scan_upload.SCAN_FILES,
        "on_file": on_file,
        "complete": complete,
        "upload_url": f"/api/portal/start-scan/files/__KIND__?{query}",
    }


def _problem(request: Request, heading: str, problem: CoreError) -> HTMLResponse:
    return pages.TemplateResponse(
        request, "problem.html", {"heading": heading, "message": problem.message}, status_code=_PAGE_STATUS.get(problem.code, 400)
    )
