"""/console/accounts: each partner account's APIs, webhook endpoints (deliveries, attempts,
replays), patient e-mail template (with a rendered preview), pharmacy users, and, for
admins, its keys (a new secret shown once; revoke) and each key's request log."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from carepost.console import auth
from carepost.console.auth import SignedInDep
from carepost.console.pages import ConsoleRoute, templates
from carepost.console.surface import EMAIL_PREVIEW_HEADERS
from carepost.core.accounts import service as accounts
from carepost.core.accounts import users
from carepost.core.accounts.keys import MODES
from carepost.core.accounts.keys import ROLES as KEY_ROLES
from carepost.core.accounts.service import Scope
from carepost.core.audit.service import calls_of_key
from carepost.core.flows import registry
from carepost.core.kit.bounds import LARGEST_ID
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import CoreError, InvalidInput, NotFound
from carepost.core.kit.paging import PageRequest
from carepost.core.kit.text import has_control_characters, refused_in_text
from carepost.core.manufacturing import scan_email
from carepost.core.notifications.templates import MAX_TEMPLATE_LENGTH
from carepost.core.operators.console import LiveSession
from carepost.core.sandbox import autopilot
from carepost.core.webhooks import endpoints, replay
from carepost.http.problems import STATUS_BY_KIND
from carepost.http.runtime import Runtime, RuntimeDep

router = APIRouter(prefix="/console/accounts", include_in_schema=False, route_class=ConsoleRoute)
Slug = Annotated[str, Path(max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$")]
ModeQuery = Annotated[Literal["live", "test"], Query()]
REQUESTS_PER_PAGE = 50
DELIVERIES_SHOWN = 50
REPLAY_DEFAULT_DAYS = 3


@router.get("")
async def accounts_page(request: Request, runtime: RuntimeDep, live: SignedInDep) -> Response:
    async with runtime.db.transaction() as session:
        found = [(account, await accounts.enabled_dialects(session, account=account)) for account in await accounts.all_accounts(session)]
        await auth.audited(session, request, live, "view", "accounts")
    return templates.TemplateResponse(request, "accounts.html", {"live": live, "page": "accounts", "accounts": found})


@router.get("/{slug}")
async def account_page(slug: Slug, request: Request, runtime: RuntimeDep, live: SignedInDep) -> Response:
    return await _account(request, runtime, live, slug, done=request.query_params.get("done"))


@router.post("/{slug}/email-template", dependencies=[Depends(auth.require_same_origin)])
async def save_email_template(slug: Slug, request: Request, runtime: RuntimeDep, live: SignedInDep) -> Response:
    form = await auth.posted_form(request, live)
    live.user.require("settings")
    try:
        template = _template_in(form)
        async with runtime.db.transaction() as session:
            account = await accounts.account_by_slug(session, slug=slug)
            await scan_email.save_clinic_template(session, account_id=account.id, template=template)
            await auth.audited(session, request, live, "email_template.save", f"account:{slug}")
    except CoreError as refused:  # shown again as typed, with why: nothing is lost
        typed = {name: str(form.get(name) or "") for name in ("subject", "text", "html")}
        return await _account(request, runtime, live, slug, problem=refused.message, typed=typed, status=STATUS_BY_KIND.get(refused.kind, 400))
    return RedirectResponse(f"/console/accounts/{slug}?done=template#email-template", status_code=303)


@router.post("/{slug}/sandbox", dependencies=[Depends(auth.require_same_origin)])
async def save_sandbox(slug: Slug, request: Request, runtime: RuntimeDep, live: SignedInDep) -> Response:
    """The autopilot for the account's test orders: on or off, and its interval."""
    form = await auth.posted_form(request, live)
    live.user.require("settings")
    enabled = form.get("autopilot") == "on"
    try:
        interval = float(str(form.get("interval_seconds") or ""))
    except ValueError:
        return await _account(request, runtime, live, slug, problem="The interval must be a number of seconds.", status=400)
    try:
        async with runtime.db.transaction() as session:
            account = await accounts.account_by_slug(session, slug=slug)
            await autopilot.configure(session, account_id=account.id, enabled=enabled, interval_seconds=interval)
            await auth.audited(session, request, live, "sandbox.save", f"account:{slug}", detail={"autopilot": enabled, "interval_seconds": interval})
    except CoreError as refused:
        return await _account(request, runtime, live, slug, problem=refused.message, status=STATUS_BY_KIND.get(refused.kind, 400))
    return RedirectResponse(f"/console/accounts/{slug}?done=sandbox#sandbox-heading", status_code=303)


@router.get("/{slug}/email-preview")
async def email_preview(slug: Slug, request: Request, runtime: RuntimeDep, live: SignedInDep) -> Response:
    """The HTML e-mail with the sample values, for the account page's sandboxed frame (no scripts run there)."""
    async with runtime.db.read() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        template = await scan_email.clinic_template(session, account_id=account.id)
    message = scan_email.preview(template)
    return HTMLResponse(message.html or "<p>(This template has no HTML part: patients get the text.)</p>", headers=EMAIL_PREVIEW_HEADERS)


@router.get("/{slug}/keys")
async def keys_page(slug: Slug, request: Request, runtime: RuntimeDep, live: SignedInDep) -> Response:
    live.user.require("keys")
    return await _keys(request, runtime, live, slug, done=request.query_params.get("done"))


@router.post("/{slug}/keys", dependencies=[Depends(auth.require_same_origin)])
async def create_key(slug: Slug, request: Request, runtime: RuntimeDep, live: SignedInDep) -> Response:
    form = await auth.posted_form(request, live)
    live.user.require("keys")
    name, mode, role = str(form.get("name") or "").strip(), str(form.get("mode") or ""), str(form.get("role") or "")
    try:
        if not name or len(name) > 100 or has_control_characters(name):
            raise InvalidInput("Name: one line of 1 to 100 characters.", field="name")
        async with runtime.db.transaction() as session:
            account = await accounts.account_by_slug(session, slug=slug)
            issued = await accounts.issue_key(session, account=account, mode=mode, name=name, role=role)
            await auth.audited(session, request, live, "key.create", f"key:{issued.id}", detail={"account": slug, "mode": mode, "role": role})
    except CoreError as refused:
        return await _keys(request, runtime, live, slug, problem=refused.message, status=STATUS_BY_KIND.get(refused.kind, 400))
    # The secret is on this page only: it is stored hashed, and this answer is never cached.
    return await _keys(request, runtime, live, slug, issued=issued, status=201)


@router.post("/{slug}/keys/{key_id}/revoke", dependencies=[Depends(auth.require_same_origin)])
async def revoke_key(slug: Slug, key_id: Annotated[int, Path(ge=1, le=LARGEST_ID)], request: Request, runtime: RuntimeDep, live: SignedInDep) -> Response:
    await auth.posted_form(request, live)
    live.user.require("keys")
    async with runtime.db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        revoked = await accounts.revoke_key(session, key_id=key_id, account=account)
        if revoked:
            await auth.audited(session, request, live, "key.revoke", f"key:{key_id}", detail={"account": slug})
    if not revoked:
        return await _keys(request, runtime, live, slug, problem="No active key of this account has that id.", status=404)
    return RedirectResponse(f"/console/accounts/{slug}/keys?done=revoked", status_code=303)


@router.get("/{slug}/keys/{key_id}/requests")
async def key_requests(
    slug: Slug, key_id: Annotated[int, Path(ge=1, le=LARGEST_ID)], request: Request, runtime: RuntimeDep, live: SignedInDep,
    page: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> Response:
    live.user.require("keys")
    async with runtime.db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        key = next((k for k in await accounts.list_keys(session, account=account) if k.id == key_id), None)
        if key is None:
            raise NotFound("This account has no key with that id.", code="key_not_found")
        found = await calls_of_key(session, account_id=account.id, api_key_id=key.id, request=PageRequest(page=page, size=REQUESTS_PER_PAGE))
        await auth.audited(session, request, live, "view", f"key:{key.id}")
    context = {"live": live, "page": "accounts", "account": account, "key": key, "found": found, "query": {}}
    return templates.TemplateResponse(request, "key_requests.html", context)


@router.get("/{slug}/webhooks/{endpoint_id}")
async def endpoint_page(
    slug: Slug, endpoint_id: Annotated[str, Path(max_length=40)], request: Request, runtime: RuntimeDep, live: SignedInDep, mode: ModeQuery = "live"
) -> Response:
    return await _endpoint(request, runtime, live, slug, endpoint_id, mode, done=request.query_params.get("done"))


@router.post("/{slug}/webhooks/{endpoint_id}/replay", dependencies=[Depends(auth.require_same_origin)])
async def replay_failed(
    slug: Slug, endpoint_id: Annotated[str, Path(max_length=40)], request: Request, runtime: RuntimeDep, live: SignedInDep, mode: ModeQuery = "live"
) -> Response:
    form = await auth.posted_form(request, live)
    live.user.require("order_actions")
    days = str(form.get("days") or "")
    if not days.isdecimal() or not 1 <= int(days) <= 30:
        return await _endpoint(request, runtime, live, slug, endpoint_id, mode, problem="Days: a whole number from 1 to 30.", status=400)
    async with runtime.db.transaction() as session:
        scope = await accounts.scope_by_slug(session, slug=slug, mode=mode)
        count = await replay.replay_failed(session, scope=scope, endpoint_id=endpoint_id, since=utcnow() - timedelta(days=int(days)))
        await auth.audited(session, request, live, "webhooks.replay_failed", f"endpoint:{endpoint_id}", detail={"days": int(days), "replayed": count})
    return RedirectResponse(f"/console/accounts/{slug}/webhooks/{endpoint_id}?mode={mode}&done={count}", status_code=303)


@router.post("/{slug}/webhooks/{endpoint_id}/events/{event_id}/replay", dependencies=[Depends(auth.require_same_origin)])
async def replay_event(
    slug: Slug, endpoint_id: Annotated[str, Path(max_length=40)], event_id: Annotated[str, Path(max_length=40)],
    request: Request, runtime: RuntimeDep, live: SignedInDep, mode: ModeQuery = "live",
) -> Response:
    await auth.posted_form(request, live)
    live.user.require("order_actions")
    async with runtime.db.transaction() as session:
        count = await replay.replay_event(session, scope=await accounts.scope_by_slug(session, slug=slug, mode=mode), event_id=event_id)
        await auth.audited(session, request, live, "webhooks.replay_event", f"event:{event_id}", detail={"replayed": count})
    return RedirectResponse(f"/console/accounts/{slug}/webhooks/{endpoint_id}?mode={mode}&done={count}", status_code=303)


async def _account(
    request: Request, runtime: Runtime, live: LiveSession, slug: str, *, done: str | None = None, problem: str | None = None,
    typed: dict[str, str] | None = None, status: int = 200,
) -> Response:
    async with runtime.db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        dialects = await accounts.enabled_dialects(session, account=account)
        hooks = {mode: await endpoints.all_of(session, scope=Scope(account.id, mode)) for mode in MODES}
        features = registry.features_of(dialects)
        template = await scan_email.clinic_template(session, account_id=account.id) if "patient_email" in features else None
        people = await users.users_of(session, account_id=account.id) if "users" in features else []
        sandbox = await autopilot.settings_of(session, account.id)
        await auth.audited(session, request, live, "view", f"account:{slug}")
    preview = _preview(template) if template is not None else None
    context = {
        "live": live, "page": "accounts", "account": account, "dialects": dialects, "hooks": hooks, "template": template,
        "preview": preview, "typed": typed, "users": people, "features": features, "done": done, "problem": problem,
        "sandbox": sandbox,
    }
    return templates.TemplateResponse(request, "account.html", context, status_code=status)


def _preview(template: scan_email.EmailTemplate) -> scan_email.MailMessage | str:
    try:
        return scan_email.preview(template)
    except CoreError as failed:
        return failed.message


async def _keys(request: Request, runtime: Runtime, live: LiveSession, slug: str, *, issued: object = None, done: str | None = None,
    problem: str | None = None, status: int = 200) -> Response:
    async with runtime.db.transaction() as session:
        account = await accounts.account_by_slug(session, slug=slug)
        keys = await accounts.list_keys(session, account=account)
        await auth.audited(session, request, live, "view", f"keys:{slug}")
    context = {
        "live": live, "page": "accounts", "account": account, "keys": keys, "issued": issued, "modes": MODES, "roles": KEY_ROLES,
        "done": done, "problem": problem,
    }
    return templates.TemplateResponse(request, "keys.html", context, status_code=status)


async def _endpoint(request: Request, runtime: Runtime, live: LiveSession, slug: str, endpoint_id: str, mode: str, *, done: str | None = None,
    problem: str | None = None, status: int = 200) -> Response:
    async with runtime.db.transaction() as session:
        scope = await accounts.scope_by_slug(session, slug=slug, mode=mode)
        endpoint = await endpoints.get(session, scope=scope, endpoint_id=endpoint_id)
        found = await replay.deliveries(session, scope=scope, endpoint_id=endpoint_id, status=None, since=None, until=None, limit=DELIVERIES_SHOWN)
        await auth.audited(session, request, live, "view", f"endpoint:{endpoint_id}")
    context = {
        "live": live, "page": "accounts", "slug": slug, "endpoint": endpoint, "deliveries": found, "mode": mode,
        "replay_days": REPLAY_DEFAULT_DAYS, "done": done if done and done.isdecimal() else None, "problem": problem,
    }
    return templates.TemplateResponse(request, "endpoint.html", context, status_code=status)


def _template_in(form: FormData) -> scan_email.EmailTemplate:
    subject, text, html = (str(form.get(name) or "").replace("\r\n", "\n") for name in ("subject", "text", "html"))
    if not subject.strip() or not text.strip():
        raise InvalidInput("Subject and text are required.", field="subject")
    if len(subject) > 500 or has_control_characters(subject):
        raise InvalidInput("Subject: one line of at most 500 characters.", field="subject")
    if any(len(part) > MAX_TEMPLATE_LENGTH or refused_in_text(part) for part in (text, html)):
        raise InvalidInput(f"Text and HTML: at most {MAX_TEMPLATE_LENGTH} characters each, without control characters.", field="text")
    return scan_email.EmailTemplate(subject=subject, text=text, html=html or None)
