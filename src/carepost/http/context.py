"""Per-request plumbing, as one pure ASGI middleware:

- a request id for every request (`Request-Id` header, `request_id` in bodies);
- HEAD answered as GET without a body, on every GET route;
- the owning surface's body limit, checked before any handler runs (or, for a
  streamed upload, as it arrives), a read timeout between pieces of a body,
  the process's budget of body bytes held at once (503 past it), the surface's
  credential gate before a large body is read, and the screening of control
  characters (screening.py);
- the surface's headers on every response (nosniff, no-store, the portal's
  CSP…), a `WWW-Authenticate` challenge on a 401, `Retry-After` on a 503;
- the last-resort error boundary: a database that cannot be reached becomes
  the surface's 503, any other unexpected exception its 500, logged with its
  traceback but never a body;
- a request-log row for every partner call, noted after the response and
  written in batches (see call_log);
- the request id bound to every log line written while the request is served,
  and one access-log line (`carepost.access`) when it is answered.
"""

from __future__ import annotations

import logging
import time

import structlog
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from carepost.core.audit.service import CallRecord
from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import is_database_unavailable
from carepost.core.kit.errors import CoreError
from carepost.core.kit.ids import request_id as new_request_id
from carepost.health.metrics import Metrics
from carepost.http import bodies
from carepost.http.call_log import CallLog
from carepost.http.problems import (
    BODIES_BUDGET_SPENT,
    INTERNAL_ERROR,
    PAYLOAD_TOO_LARGE,
    REQUEST_TIMEOUT,
    UNAVAILABLE,
    Problem,
    from_core,
)
from carepost.http.screening import edge_problem
from carepost.http.surfaces import Surface, Surfaces

log = logging.getLogger("carepost.requests")
access_log = structlog.stdlib.get_logger("carepost.access")

_BODY_METHODS = {"POST", "PUT", "PATCH"}
# Seconds a client should wait before retrying while the database is away.
RETRY_AFTER_UNAVAILABLE = b"5"


class RequestContextMiddleware:
    def __init__(
        self, app: ASGIApp, *, call_log: CallLog, surfaces: Surfaces, metrics: Metrics, body_timeout_seconds: float,
        body_budget_bytes: int,
    ) -> None:
        self.app = app
        self.body_timeout = body_timeout_seconds
        self.body_budget = bodies.BodyBudget(body_budget_bytes)
        self.call_log = call_log
        self.surfaces = surfaces
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = new_request_id()
        bound = structlog.contextvars.bind_contextvars(request_id=request_id)
        scope.setdefault("state", {})["request_id"] = request_id
        surface = self.surfaces.for_path(scope["path"])
        status = {"code": 500, "started": False}
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"], status["started"] = message["status"], True
                message["headers"] = _response_headers(message, surface, scope["state"], request_id)
            elif head:
                message = {**message, "body": b""}
            await send(message)

        reading = bodies.Reading(self.body_budget)
        try:
            body = None
            if scope["method"] in _BODY_METHODS:
                receive = bodies.timed(receive, self.body_timeout)
                if surface.streams_uploads and bodies.is_multipart(scope):
                    receive = bodies.counted(scope, receive, surface.max_body_bytes)
                else:
                    body, receive = await bodies.buffered(
                        scope, receive, surface.max_body_bytes, reading=reading, gate=_gate(surface)
                    )
            problem = (surface.json_only and _not_json(scope)) or edge_problem(scope, body)
            if problem is not None:
                await surface.render(problem, request_id, scope["path"])(scope, receive, send_with_headers)
            else:
                await self.app(scope, receive, send_with_headers)
        except bodies.BodyTooLarge:
            await surface.render(PAYLOAD_TOO_LARGE, request_id, scope["path"])(scope, receive, send_with_headers)
        except bodies.BodyBudgetSpent:
            await surface.render(BODIES_BUDGET_SPENT, request_id, scope["path"])(scope, receive, send_with_headers)
        except bodies.GateRefused as refused:
            await surface.render(from_core(refused.error), request_id, scope["path"])(scope, receive, send_with_headers)
        except bodies.BodyTooSlow as slow:
            response = surface.render(REQUEST_TIMEOUT, request_id, scope["path"])
            response.headers.update(slow.headers or {})
            await response(scope, receive, send_with_headers)
        except Exception as error:
            unavailable = is_database_unavailable(error)
            if unavailable:
                log.warning("database unavailable: %s", type(error).__name__)
            else:
                log.exception("unhandled error")
            if not status["started"]:
                problem = UNAVAILABLE if unavailable else INTERNAL_ERROR
                await surface.render(problem, request_id, scope["path"])(scope, receive, send_with_headers)
        finally:
            reading.done()
            route = getattr(scope.get("route"), "path", None) or "(unrouted)"
            seconds = time.perf_counter() - started
            self.metrics.observe(method=scope["method"], route=route, status=status["code"], seconds=seconds)
            if surface.dialect:
                self._log_call(scope, route, surface, request_id, status["code"], started)
            _log_access(scope, route, status["code"], seconds)
            structlog.contextvars.reset_contextvars(**bound)

    def _log_call(self, scope: Scope, route: str, surface: Surface, request_id: str, status: int, started: float) -> None:
        caller = scope["state"].get("caller")
        record = CallRecord(
            request_id=request_id,
            method=scope["method"],
            route=route,
            status_code=status,
            duration_ms=int((time.perf_counter() - started) * 1000),
            dialect=surface.dialect,
            account_id=getattr(caller, "account_id", None),
            api_key_id=getattr(caller, "api_key_id", None),
            mode=getattr(caller, "mode", None),
            at=utcnow(),
        )
        self.call_log.add(record)


def _log_access(scope: Scope, route: str, status: int, seconds: float) -> None:
    """The access-log line: the route template, never the path or query (a portal link holds an
    e-mail address), and the caller as ids."""
    caller = scope["state"].get("caller")
    access_log.info(
        "request", method=scope["method"], route=route, status=status, duration_ms=round(seconds * 1000, 1),
        account_id=getattr(caller, "account_id", None), api_key_id=getattr(caller, "api_key_id", None),
        mode=getattr(caller, "mode", None),
    )


def _not_json(scope: Scope) -> Problem | None:
    """A body whose Content-Type names another media type than JSON (none given is read as JSON)."""
    if scope["method"] not in _BODY_METHODS:
        return None
    for name, value in scope["headers"]:
        if name == b"content-type":
            media_type = value.decode("latin-1").split(";")[0].strip().lower()
            if media_type and media_type != "application/json" and not media_type.endswith("+json"):
                return Problem(
                    kind="unsupported_media_type", code="unsupported_media_type",
                    message=f"The body must be JSON (Content-Type: application/json), not {media_type}.",
                    details={"media_type": media_type},
                )
    return None


def _gate(surface: Surface) -> bodies.Gate | None:
    """The surface's credential check, run on the request's headers as its handler would run it."""
    if surface.gate is None:
        return None
    check = surface.gate

    async def gate(scope: Scope) -> None:
        try:
            await check(Request(scope), scope["app"].state.runtime)
        except CoreError as error:
            raise bodies.GateRefused(error) from None

    return gate


def _response_headers(message: Message, surface: Surface, state: dict, request_id: str) -> list[tuple[bytes, bytes]]:
    headers = list(message.get("headers", []))
    present = {name.lower() for name, _ in headers}
    extra = [(b"request-id", request_id.encode()), *surface.headers, *state.get("response_headers", ())]
    if message["status"] == 401 and surface.challenge:
        extra.append((b"www-authenticate", surface.challenge.encode()))
    if message["status"] == 503:
        extra.append((b"retry-after", RETRY_AFTER_UNAVAILABLE))
    headers.extend((name, value) for name, value in extra if name not in present)
    return headers
