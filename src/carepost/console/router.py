"""/console: sign-in, sign-out and the overview. Plain HTML forms, no JavaScript needed."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from carepost.console import auth, chart
from carepost.console.auth import SignedInDep
from carepost.console.pages import ASSETS, SIGN_IN_PATH, ConsoleRoute, templates
from carepost.core.accounts import service as accounts
from carepost.core.flows import registry
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput, NotFound
from carepost.core.kit.paging import PageRequest
from carepost.core.operators import console, order_search, overview
from carepost.http.runtime import Runtime, RuntimeDep

router = APIRouter(prefix="/console", include_in_schema=False, route_class=ConsoleRoute)
_ASSET_TYPES = {"console.css": "text/css"}
ORDERS_PER_PAGE = 25
AUDIT_ROWS_PER_PAGE = 50


@router.get(SIGN_IN_PATH.removeprefix("/console"))
async def sign_in_page(request: Request, runtime: RuntimeDep) -> Response:
    return _sign_in_form(request, runtime, problem=None, email="", status=200)


@router.post(SIGN_IN_PATH.removeprefix("/console"), dependencies=[Depends(auth.require_same_origin), Depends(auth.per_address_limit)])
async def sign_in(request: Request, runtime: RuntimeDep) -> Response:
    form = await request.form()
    auth.require_token(form.get("csrf_token"), request.cookies.get(auth.SIGN_IN_CSRF_COOKIE))
    email, password = str(form.get("email") or ""), str(form.get("password") or "")
    opened = None
    if email and password:
        opened = await console.sign_in(
            runtime.db, email=email, password=password, client=auth.client_of(request),
            replacing=request.cookies.get(auth.SESSION_COOKIE),
        )
    if opened is None:
        problem = "That e-mail and password do not match, or this sign-in is locked for a while after repeated failures."
        return _sign_in_form(request, runtime, problem=problem, email=email, status=401)
    response = RedirectResponse("/console", status_code=303)
    secure = runtime.settings.console_secure_cookie
    auth.set_cookie(response, auth.SESSION_COOKIE, opened.secret, secure=secure, expires=opened.expires_at)
    auth.clear_cookie(response, auth.SIGN_IN_CSRF_COOKIE, secure=secure)
    return response


@router.post("/sign-out", dependencies=[Depends(auth.require_same_origin)])
async def sign_out(request: Request, runtime: RuntimeDep, live: SignedInDep) -> Response:
    await auth.posted_form(request, live)
    async with runtime.db.transaction() as session:
        await console.sign_out(session, secret=request.cookies[auth.SESSION_COOKIE], user=live.user, client=auth.client_of(request))
    response = RedirectResponse(SIGN_IN_PATH, status_code=303)
    auth.clear_cookie(response, auth.SESSION_COOKIE, secure=runtime.settings.console_secure_cookie)
    return response


@router.get("")
async def overview_page(
    request: Request, runtime: RuntimeDep, live: SignedInDep, mode: Annotated[str, Query(pattern="^(live|test)$")] = "live"
) -> Response:
    now = utcnow()
    async with runtime.db.transaction() as session:
        flows = await overview.order_counts(session, mode=mode)
        other_mode = "test" if mode == "live" else "live"
        in_other_mode = sum(f.total for f in await overview.order_counts(session, mode=other_mode))
        days = await overview.daily_orders(session, mode=mode, today=now.date())
        attention = await overview.attention(session, now=now)
        await auth.audited(session, request, live, "view", "overview")
    drawn, top = chart.columns(days)
    context = {
        "live": live, "flows": flows, "mode": mode, "page": "overview", "days": days, "columns": drawn, "top": top,
        "chart": chart, "attention": attention, "week": overview.last_seven_days(days),
        "other_mode": other_mode, "in_other_mode": in_other_mode,
    }
    return templates.TemplateResponse(request, "overview.html", context)


@router.get("/orders")
async def orders_page(
    request: Request,
    runtime: RuntimeDep,
    live: SignedInDep,
    flow: Annotated[str, Query(max_length=32)] = "",
    status: Annotated[str, Query(max_length=32)] = "",
    account: Annotated[str, Query(max_length=64)] = "",
    mode: Annotated[Literal["", "live", "test"], Query()] = "live",
    placed_from: Annotated[str, Query(alias="from", max_length=10)] = "",  # a form sends its empty date fields too
    placed_to: Annotated[str, Query(alias="to", max_length=10)] = "",
    q: Annotated[str, Query(max_length=order_search.MAX_QUERY_LENGTH)] = "",
    page: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> Response:
    if flow and flow not in registry.dialects():
        raise InvalidInput(f"flow: one of {', '.join(registry.dialects())}.", field="flow")
    filters = order_search.OrderFilter(
        flow=flow or None, status=status or None, account=account or None, mode=mode or None,
        placed_from=_date(placed_from, "from"), placed_to=_date(placed_to, "to"), query=q or None,
    )
    async with runtime.db.transaction() as session:
        found = await order_search.find_orders(session, filters, PageRequest(page=page, size=ORDERS_PER_PAGE))
        # Test orders are not shown by default: say how many match, so none is missed unknowingly.
        hidden_test = 0
        if mode == "live":
            hidden_test = (await order_search.find_orders(session, dataclasses.replace(filters, mode="test"), PageRequest(size=1))).total
        choices = {"statuses": registry.statuses(), "accounts": [a.slug for a in await accounts.all_accounts(session)]}
        # What was asked, not what was typed: a search may be a patient's name.
        asked = {"flow": flow, "status": status, "account": account, "mode": mode, "searched": filters.searched, "page": page}
        await auth.audited(session, request, live, "view", "orders", asked)
    query = _filters_in(request)
    context = {
        "live": live, "page": "orders", "found": found, "form": {**query, "mode": mode}, "query": query, "flows": registry.dialects(),
        "hidden_test": hidden_test, "test_query": {**query, "mode": "test"}, **choices,
    }
    return templates.TemplateResponse(request, "orders.html", context)


@router.get("/audit")
async def audit_page(
    request: Request,
    runtime: RuntimeDep,
    live: SignedInDep,
    operator: Annotated[str, Query(max_length=320)] = "",
    action: Annotated[str, Query(max_length=64)] = "",
    on: Annotated[str, Query(max_length=10)] = "",
    page: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> Response:
    async with runtime.db.transaction() as session:
        found = await console.audit_log(
            session, user=live.user, email=operator or None, action=action or None, on=_date(on, "on"),
            request=PageRequest(page=page, size=AUDIT_ROWS_PER_PAGE),
        )
        await auth.audited(session, request, live, "view", "audit")
    query = _filters_in(request)
    context = {"live": live, "page": "audit", "found": found, "form": query, "query": query}
    return templates.TemplateResponse(request, "audit.html", context)


@router.get("/assets/{name}")
async def asset(name: str) -> FileResponse:
    if name not in _ASSET_TYPES:
        raise NotFound("No such file.", code="route_not_found")
    return FileResponse(ASSETS / name, media_type=_ASSET_TYPES[name], headers={"cache-control": "public, max-age=3600"})


def _sign_in_form(request: Request, runtime: Runtime, *, problem: str | None, email: str, status: int) -> HTMLResponse:
    """The form, with a fresh token for it in a cookie of its own (double submit)."""
    token = auth.new_sign_in_token()
    context = {"csrf_token": token, "problem": problem, "email": email, "page": "sign-in"}
    response = templates.TemplateResponse(request, "sign_in.html", context, status_code=status)
    auth.set_cookie(response, auth.SIGN_IN_CSRF_COOKIE, token, secure=runtime.settings.console_secure_cookie)
    return response


def _filters_in(request: Request) -> dict[str, str]:
    """A paged page's filters as asked, for its form and its Newer/Older links."""
    return {key: value for key, value in request.query_params.items() if key != "page"}


def _date(value: str, field: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise InvalidInput(f"{field}: a date is YYYY-MM-DD.", field=field) from None
