"""Contract 001's documented paths: parse, call the core, render. No rules here.

Every path answers with and without its trailing slash, without a redirect:
DRF clients send the slash, and the contract itself spells some paths without.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts import users
from carepost.core.idempotency.service import IdempotentRequest, StoredResponse
from carepost.core.invoicing.requesting import ISSUED
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput, NotFound, Unauthenticated
from carepost.core.retail import changes, invoices, reading
from carepost.core.retail.place import place
from carepost.core.retail.quote import LineRequest, quote
from carepost.dialects.pharmacy import examples, listing, mapping, paths, shapes, tokens
from carepost.dialects.pharmacy.auth import KeyCallerDep, PharmacyCaller, SignedInDep
from carepost.dialects.pharmacy.schemas import CreateOrderIn, PatchOrderIn, RequestInvoiceIn, TokenIn
from carepost.http.idempotency import Work, idempotent_request, respond_once
from carepost.http.json_response import JSONResponse
from carepost.http.openapi import body_example, error_responses
from carepost.http.runtime import Runtime, RuntimeDep

router = APIRouter(tags=["pharmacy"], strict_content_type=False)

route = paths.route_on(router)


@route(
    "/api/token/",
    "POST",
    summary="Obtain an access token",
    responses={200: {"model": shapes.AccessToken}, **error_responses(shapes.PharmacyError, described=examples.TOKEN_ERRORS)},
    openapi_extra={**body_example(examples.TOKEN), "security": [{"PharmacyApiKey": []}]},
)
async def obtain_token(body: TokenIn, caller: KeyCallerDep, runtime: RuntimeDep) -> JSONResponse:
    """The account's API key in `X-API-Key` and a user's `email` and `password`; the token's
    `access_lifetime` claim says for how many seconds it works."""
    user = await users.sign_in(runtime.db, account_id=caller.account_id, email=body.email, password=body.password)
    if user is None:  # as SimpleJWT answers, a locked-out user included (docs/pharmacy.md)
        raise Unauthenticated("No active account found with the given credentials", code="bad_credentials")
    access = tokens.issue(
        user_id=user.user_id,
        account_id=caller.account_id,
        mode=caller.mode,
        secret=runtime.settings.resolved_secret_key,
        lifetime_seconds=runtime.settings.pharmacy_access_lifetime_seconds,
    )
    return JSONResponse({"access": access})


@route(
    "/api/orders/calculate/",
    "POST",
    summary="Calculate an order's totals",
    responses={200: {"model": shapes.Calculation}},
    openapi_extra=body_example(examples.CREATE_ORDER),
)
async def calculate(
    body: CreateOrderIn,
    caller: SignedInDep,
    runtime: RuntimeDep,
    idempotency_key: Annotated[str | None, Header(min_length=1, max_length=255)] = None,
) -> JSONResponse:
    """The create body; the totals, shipping method and delivery dates it would get. Creates nothing.
    With `Idempotency-Key`, a repeat answers exactly as the first did (a coupon's window may have closed since)."""
    shipping = body.order.shipping.model_dump() if body.order.shipping else None

    async def work(session: AsyncSession) -> StoredResponse:
        found = await quote(session, scope=caller.caller.scope, quote_in=mapping.quote_in(body.order), at=utcnow())
        return StoredResponse(status=200, body=mapping.quoted(found, shipping=shipping))

    return await _once(runtime, _idempotent(caller, idempotency_key, body, CALCULATE_ENDPOINT), work)


@route(
    "/api/orders/resources/",
    "POST",
    status_code=201,
    summary="Create an order",
    responses={201: {"model": shapes.AnsweredOrder}, 200: {"model": shapes.AnsweredOrder, "description": "An idempotent replay"},
        **error_responses(shapes.PharmacyError, 409, 422, described=examples.CREATE_ERRORS)},
    openapi_extra=body_example(examples.CREATE_ORDER),
)
async def create_order(
    body: CreateOrderIn,
    caller: SignedInDep,
    runtime: RuntimeDep,
    idempotency_key: Annotated[str | None, Header(min_length=1, max_length=255)] = None,
) -> JSONResponse:
    """The user (found by e-mail, or created), the order's details, payment method, shipping or a
    store, an optional coupon (an unusable one is left out, as the contract says) and prescriptions.
    Send `Idempotency-Key` to retry safely."""
    order_in = mapping.order_in(body)

    async def work(session: AsyncSession) -> StoredResponse:
        placed = await place(session, caller=caller.caller, placed_by=caller.user, order_in=order_in, documents=runtime.documents)
        return StoredResponse(status=201, body=mapping.answered(reading.placed_view(placed, placed_by=caller.user)))

    return await _once(runtime, _idempotent(caller, idempotency_key, body, CREATE_ENDPOINT), work)


CREATE_ENDPOINT = "pharmacy.orders.create"
CALCULATE_ENDPOINT = "pharmacy.orders.calculate"
REQUEST_INVOICE_ENDPOINT = "pharmacy.orders.request_invoice"


async def _once(runtime: Runtime, request: IdempotentRequest | None, work: Work) -> JSONResponse:
    """Do the work, or answer a repeat of the same key and body with the first answer (200, marked)."""
    return (await respond_once(runtime, request, work)).response(replayed_status=200)


def _idempotent(caller: PharmacyCaller, key: str | None, body: BaseModel, endpoint: str) -> IdempotentRequest | None:
    return idempotent_request(caller.caller, key, endpoint=endpoint, payload=body.model_dump(mode="json"))


@route("/api/orders/", "GET", summary="List orders", responses={200: {"model": shapes.OrderPage}})
async def list_orders(request: Request, caller: SignedInDep, runtime: RuntimeDep) -> JSONResponse:
    """DRF page-number pagination (`?page=`, `page_size` up to 100); `search` over the patient's
    full name; filters `patient`, `order_status__in`, `exclude_order_status__in`, `payment_status__in`,
    `expected_delivery_date_before`/`_after`, `max_delivery_date_before`/`_after`; `ordering` by
    `created_at` (default `-created_at`) or `expected_delivery_date`."""
    params = request.query_params
    page = listing.page_request(params)
    wanted = listing.filters(params)
    async with runtime.db.read(may_lag=True) as session:
        found = await reading.list_orders(session, scope=caller.caller.scope, filters=wanted, page=page)
    listing.check_page(found, page)
    next_url, previous_url = listing.page_links(found, _list_url(runtime), params)
    return JSONResponse(
        {"count": found.total, "next": next_url, "previous": previous_url, "results": [mapping.list_item(v) for v in found.items]}
    )


@route("/api/orders/{order_id}/", "GET", summary="An order", responses={200: {"model": shapes.OrderDetailPage}})
async def get_order(order_id: paths.OrderId, caller: SignedInDep, runtime: RuntimeDep) -> JSONResponse:
    """The order in the list's envelope, as contract 001 shows it (`count` 1, `results` holding it)."""
    async with runtime.db.read() as session:
        view = await reading.get_order(session, scope=caller.caller.scope, order_id=paths.order_number(order_id))
    documents = {p.id: await runtime.documents.get(p.storage_key) for p in view.prescriptions}  # each at most 5 MB
    return JSONResponse({"count": 1, "next": None, "previous": None, "results": [mapping.detail(view, documents)]})


@route(
    "/api/orders/{order_id}/",
    "PATCH",
    summary="Change an order's products, or cancel it",
    responses={200: {"model": shapes.AnsweredOrder}},
    openapi_extra=body_example(examples.PATCH_ORDER),
)
async def patch_order(order_id: paths.OrderId, body: PatchOrderIn, caller: SignedInDep, runtime: RuntimeDep) -> JSONResponse:
    """`{"details": [...]}` replaces the products and recomputes every total while the order is
    `quoted` or `approved`; `{"order_status": "cancelled"}` cancels it before building starts."""
    number = paths.order_number(order_id)
    if (body.details is None) == (body.order_status is None):
        raise InvalidInput("Send either details or order_status.", field="non_field_errors")
    async with runtime.db.transaction() as session:
        if body.order_status is not None:
            view = await changes.cancel(session, caller=caller.caller, user_id=caller.user_id, order_id=number)
        else:
            details = tuple(LineRequest(d.product, d.quantity) for d in body.details or ())
            view = await changes.change_details(
                session, caller=caller.caller, user_id=caller.user_id, order_id=number, details=details
            )
        return JSONResponse(mapping.answered(view))


@route(
    "/api/orders/{order_id}/request-invoice/",
    "PUT",
    summary="Request an order's invoice",
    responses={200: {"model": shapes.AnsweredOrder}},
    openapi_extra=body_example(examples.REQUEST_INVOICE),
)
async def request_invoice(
    order_id: paths.OrderId,
    body: RequestInvoiceIn,
    caller: SignedInDep,
    runtime: RuntimeDep,
    idempotency_key: Annotated[str | None, Header(min_length=1, max_length=255)] = None,
) -> JSONResponse:
    """Up to 3 days after the order was created, in the month it was created, unless it is
    cancelled or already invoiced. The CFDI is issued after the answer: the order's `cfdi`
    holds its UUID once stamped (`invoice.status` says where it is). A second request is
    refused ("already has an invoice"); to retry safely after a lost answer, send
    `Idempotency-Key`: a repeat with the same key and body answers as the first did."""
    number = paths.order_number(order_id)
    given = body.invoicing if isinstance(body.invoicing, int) else mapping.invoicing_in(body.invoicing)

    async def work(session: AsyncSession) -> StoredResponse:
        view = await invoices.request_invoice(session, caller=caller.caller, order_id=number, given=given, now=utcnow())
        return StoredResponse(status=200, body=mapping.answered(view))

    endpoint = f"{REQUEST_INVOICE_ENDPOINT}:{number}"
    return await _once(runtime, _idempotent(caller, idempotency_key, body, endpoint), work)


@route(
    "/api/orders/{order_id}/invoice.xml", "GET", summary="An order's CFDI (XML)", response_class=Response,
    responses={200: {"content": {"application/xml": {"schema": {"type": "string"}}}}},
)
async def invoice_xml(order_id: paths.OrderId, caller: SignedInDep, runtime: RuntimeDep) -> Response:
    """The stamped CFDI; 404 until it is stamped."""
    return await _invoice_file(order_id, caller, runtime, kind="xml")


@route(
    "/api/orders/{order_id}/invoice.pdf", "GET", summary="An order's invoice (PDF)", response_class=Response,
    responses={200: {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}},
)
async def invoice_pdf(order_id: paths.OrderId, caller: SignedInDep, runtime: RuntimeDep) -> Response:
    """The CFDI's printed representation; 404 until it is stamped."""
    return await _invoice_file(order_id, caller, runtime, kind="pdf")


_FILE_TYPES = {"xml": "application/xml", "pdf": "application/pdf"}


async def _invoice_file(order_id: str, caller: PharmacyCaller, runtime: RuntimeDep, *, kind: str) -> Response:
    async with runtime.db.read() as session:
        view = await reading.get_order(session, scope=caller.caller.scope, order_id=paths.order_number(order_id))
    invoice = view.invoice
    key = (invoice.xml_key if kind == "xml" else invoice.pdf_key) if invoice and invoice.status in ISSUED else None
    if invoice is None or key is None:
        raise NotFound("Not found.", code="invoice_not_found")
    filename = f"{view.order.id}_{invoice.uuid}.{kind}"
    return Response(
        await runtime.documents.get(key),
        media_type=_FILE_TYPES[kind],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _list_url(runtime: Runtime) -> str:
    """The list's own URL on CAREPOST_PUBLIC_URL: links are never built from the Host header."""
    return runtime.settings.public_url.rstrip("/") + "/api/orders/"
