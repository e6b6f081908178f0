"""/console/inventory: stock per fulfillment site and item, and devices and where they are
(core/operators/inventory.py). Two tables, each paged on its own."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import Field

from carepost.console import auth
from carepost.console.auth import SignedInDep
from carepost.console.pages import ConsoleRoute, templates
from carepost.core.kit.bounds import LARGEST_ID
from carepost.core.kit.paging import PageRequest
from carepost.core.logistics.devices import DeviceState
from carepost.core.operators import inventory
from carepost.http.runtime import RuntimeDep

router = APIRouter(prefix="/console/inventory", include_in_schema=False, route_class=ConsoleRoute)
ROWS_PER_PAGE = 50
PageNumber = Annotated[int, Query(ge=0, le=10_000)]


@router.get("")
async def inventory_page(
    request: Request,
    runtime: RuntimeDep,
    live: SignedInDep,
    site: Annotated[Annotated[int, Field(ge=1, le=LARGEST_ID)] | Literal[""], Query()] = "",
    q: Annotated[str, Query(max_length=inventory.MAX_QUERY_LENGTH)] = "",
    device_status: Annotated[Literal["", "available", "packed", "shipped", "delivered"], Query()] = "",
    device: Annotated[str, Query(max_length=inventory.MAX_QUERY_LENGTH)] = "",
    page: PageNumber = 0,
    devices_page: PageNumber = 0,
) -> Response:
    site_id = site if isinstance(site, int) else None
    async with runtime.db.transaction() as session:
        sites = await inventory.fulfillment_sites(session)
        stock = await inventory.stock(session, site_id=site_id, query=q, request=PageRequest(page=page, size=ROWS_PER_PAGE))
        devices = await inventory.devices(
            session, site_id=site_id, status=device_status or None, query=device, request=PageRequest(page=devices_page, size=ROWS_PER_PAGE)
        )
        await auth.audited(session, request, live, "view", "inventory")
    form = {"site": str(site), "q": q, "device_status": device_status, "device": device}
    context = {
        "live": live, "page": "inventory", "sites": sites, "stock": stock, "serialized": devices, "form": form,
        "stock_query": {**form, "devices_page": devices_page}, "devices_query": {**form, "page": page},
        "statuses": [state.value for state in DeviceState],
    }
    return templates.TemplateResponse(request, "inventory.html", context)
