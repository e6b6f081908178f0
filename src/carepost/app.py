"""create_app(): one FastAPI app serving every dialect at its documented paths."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator, Callable

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Route
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from carepost import flows, pages, tracing
from carepost.adapters.commerce import store_resolver
from carepost.adapters.documents import document_store
from carepost.adapters.mail import mail_for
from carepost.adapters.ratelimit import counter_for
from carepost.config import Settings
from carepost.console.account_pages import router as console_account_router
from carepost.console.inventory_pages import router as console_inventory_router
from carepost.console.order_pages import router as console_order_router
from carepost.console.router import router as console_router
from carepost.console.surface import SURFACE as CONSOLE_SURFACE
from carepost.core.commerce.port import CommerceResolver
from carepost.core.kit.errors import CoreError
from carepost.core.notifications.mail import MailPort
from carepost.fhir_api.export_router import router as fhir_export_router
from carepost.fhir_api.router import router as fhir_router
from carepost.fhir_api.surface import SURFACE as FHIR_SURFACE
from carepost.health.metrics import Metrics, process_ended
from carepost.health.router import router as health_router
from carepost.http import openapi, problems
from carepost.http.call_log import CallLog
from carepost.http.context import RequestContextMiddleware
from carepost.http.runtime import Runtime, request_id_of
from carepost.http.surfaces import Surfaces
from carepost.logging import configure_logging
from carepost.ops.router import router as ops_router
from carepost.ops.sandbox import router as ops_sandbox_router
from carepost.ops.surface import SURFACE as OPS_SURFACE
from carepost.ops.webhooks import router as ops_webhooks_router
from carepost.sandbox_api.router import router as sandbox_router
from carepost.sandbox_api.surface import SURFACE as SANDBOX_SURFACE
from carepost.webhooks_api.router import router as webhooks_router
from carepost.webhooks_api.surface import SURFACE as WEBHOOKS_SURFACE
from carepost.worker import Worker


def create_app(
    settings: Settings | None = None,
    *,
    commerce: CommerceResolver | None = None,
    mail: Callable[[str], MailPort] | None = None,
) -> FastAPI:
    settings = settings or Settings()
    configure_logging(settings.log_level, settings.log_format)
    tracing.configure_tracing("api")  # before the engine is made: its statements are traced
    db = settings.database()
    call_log = CallLog(db)
    surfaces = Surfaces()
    own = (OPS_SURFACE, WEBHOOKS_SURFACE, SANDBOX_SURFACE, FHIR_SURFACE, CONSOLE_SURFACE)
    for surface in (*(s for dialect in flows.dialects() for s in dialect.surfaces), *own):
        surfaces.register(surface)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        worker_task = None
        if settings.run_worker_in_process:
            worker_task = asyncio.create_task(Worker.for_settings(db, settings, mail=mail).run_forever())
        try:
            yield
        finally:
            if worker_task is not None:
                worker_task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await worker_task
            await call_log.flush()
            await app.state.runtime.documents.close()
            await db.dispose()
            process_ended()

    # The API docs load Swagger UI from an installed package, not a CDN: a machine without
    # internet (or a supplier that keeps its staff's browsers off third parties) still has them.
    app = FastAPIOffline(
        title="Carepost",
        summary="Partner order APIs for healthcare supply: masks, pharmacy, devices and cases.",
        version="0.1.0",
        lifespan=lifespan,
        # Serve the documented paths as they are: no redirect built from the Host header.
        redirect_slashes=False,
        telemetry=tracing.FASTAPI_TELEMETRY,
    )
    app.state.runtime = Runtime(
        settings=settings,
        db=db,
        commerce=commerce or store_resolver(settings.resolved_secret_key),
        mail=mail or (lambda mode: mail_for(settings, mode)),
        documents=document_store(settings),
        rate_counter=counter_for(settings.redis_url, settings.redis_namespace),
    )
    dialect_routers = (router for dialect in flows.dialects() for router in (*dialect.routers, *dialect.ops_routers))
    _serve_routes(app, (
        *dialect_routers, ops_router, ops_webhooks_router, ops_sandbox_router, webhooks_router, sandbox_router,
        fhir_export_router,  # before the types' routes: `$export` is no type
        fhir_router, health_router, pages.router, console_router, console_order_router, console_account_router,
        console_inventory_router,
    ))
    _install_error_handlers(app, surfaces)
    openapi.install(app, surfaces)
    app.state.call_log = call_log
    app.state.metrics = Metrics()
    app.state.metrics.watch_pools(db)
    app.add_middleware(
        RequestContextMiddleware,
        call_log=call_log,
        surfaces=surfaces,
        metrics=app.state.metrics,
        body_timeout_seconds=settings.body_timeout_seconds,
        body_budget_bytes=settings.body_budget_bytes,
    )
    if settings.trusted_proxy_hosts:
        # Outermost: from a trusted proxy only, X-Forwarded-For names the client (rate limits, the
        # console's audit) and X-Forwarded-Proto the scheme. uvicorn's own middleware does it right
        # (it walks the chain from the right, past every trusted hop); served without it otherwise.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxy_hosts)
    return app


def _serve_routes(app: FastAPI, routers: tuple[APIRouter, ...]) -> None:
    """Every router's routes, in order, straight into the app's own route list.

    Not `include_router`: since FastAPI 0.137 it keeps each router behind a wrapper, and a
    request tries every route of every router before its own, with scope bookkeeping at each
    candidate, then matches once more inside the one it found (half of a bare route's CPU
    with ~120 routes; docs/performance.md, "Routes in one flat list"). Carepost's routers carry
    their own prefix, tags and settings and are included with none, so the flat list serves
    the same routes, each tried with one regular expression. A router that nests another
    would lose what the nesting adds, so it is refused here."""
    for router in routers:
        if not all(isinstance(route, Route) for route in router.routes):
            raise TypeError(f"{router.prefix or router}: a router that includes another; list both in create_app instead")
        app.router.routes.extend(router.routes)


def _install_error_handlers(app: FastAPI, surfaces: Surfaces) -> None:
    """Every error leaves in the envelope of the surface that owns the path."""

    def render(request: Request, problem: problems.Problem) -> Response:
        return surfaces.for_path(request.url.path).render(problem, request_id_of(request), request.url.path)

    @app.exception_handler(CoreError)
    async def _core(request: Request, exc: CoreError) -> Response:
        return render(request, problems.from_core(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return render(request, problems.from_validation(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and (redirect := pages.canonical_page(request)) is not None:
            return redirect
        problem = _BY_HTTP_STATUS.get(exc.status_code) or problems.Problem(
            kind="invalid_input", code="bad_request", message=str(exc.detail)
        )
        if exc.status_code == 405:  # some contracts name the method in their answer
            problem = dataclasses.replace(problem, details={"method": request.method})
        response = render(request, problem)
        response.headers.update(exc.headers or {})  # the 405's Allow
        return response


_BY_HTTP_STATUS = {
    404: problems.ROUTE_NOT_FOUND,
    405: problems.METHOD_NOT_ALLOWED,
    408: problems.REQUEST_TIMEOUT,
    413: problems.PAYLOAD_TOO_LARGE,
}
