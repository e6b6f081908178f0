"""Per-request plumbing, as one pure ASGI middleware:

- a request id for every request (`Request-Id` header, `request_id` in bodies);
- the owning surface's body limit, checked before any handler runs;
- the last-resort error boundary: an unexpected exception becomes the
  surface's 500 envelope, logged with its traceback but never a body;
- a request-log row for every partner call, noted after the response and
  written in batches (see call_log).
"""

from __future__ import annotations

import logging
import time


from starlette.types import ASGIApp, Message, Receive, Scope, Send

from carepost.core.audit.service import CallRecord
from carepost.core.kit.clock import utcnow
from carepost.dialects._shared.call_log import CallLog
from carepost.core.kit.ids import request_id as new_request_id
from carepost.dialects._shared.problems import INTERNAL_ERROR, PAYLOAD_TOO_LARGE
from carepost.dialects._shared.surfaces import Surface, Surfaces

log = logging.getLogger("carepost.requests")

_BODY_METHODS = {"POST", "PUT", "PATCH"}


class BodyTooLarge(Exception):
    pass


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, *, call_log: CallLog, surfaces: Surfaces) -> None:
        self.app = app
        self.call_log = call_log
        self.surfaces = surfaces

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = new_request_id()
        scope.setdefault("state", {})["request_id"] = request_id
        surface = self.surfaces.for_path(scope["path"])
        status = {"code": 500, "started": False}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"], status["started"] = message["status"], True
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"request-id", request_id.encode())]
            await send(message)

        try:
            if scope["method"] in _BODY_METHODS:
                receive = await _buffered_body(scope, receive, surface.max_body_bytes)
            await self.app(scope, receive, send_with_id)
        except BodyTooLarge:
            await surface.render(PAYLOAD_TOO_LARGE, request_id, scope["path"])(scope, receive, send_with_id)
        except Exception:
            log.exception("unhandled error", extra={"request_id": request_id, "path": scope["path"]})
            if not status["started"]:
                await surface.render(INTERNAL_ERROR, request_id, scope["path"])(scope, receive, send_with_id)
        finally:
            if surface.dialect:
                self._log_call(scope, surface, request_id, status["code"], started)

    def _log_call(self, scope: Scope, surface: Surface, request_id: str, status: int, started: float) -> None:
        caller = scope["state"].get("caller")
        route = scope.get("route")
        record = CallRecord(
            request_id=request_id,
            method=scope["method"],
            route=getattr(route, "path", None) or "(unrouted)",
            status_code=status,
            duration_ms=int((time.perf_counter() - started) * 1000),
            dialect=surface.dialect,
            account_id=getattr(caller, "account_id", None),
            api_key_id=getattr(caller, "api_key_id", None),
            mode=getattr(caller, "mode", None),
            at=utcnow(),
        )
        self.call_log.add(record)


async def _buffered_body(scope: Scope, receive: Receive, limit: int) -> Receive:
    """Read the whole body up to `limit` bytes, then replay it to the app."""
    declared = _content_length(scope)
    if declared is not None and declared > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return _replay([message], receive)
        body = message.get("body", b"")
        size += len(body)
        if size > limit:
            raise BodyTooLarge
        chunks.append(body)
        if not message.get("more_body", False):
            break
    return _replay([{"type": "http.request", "body": b"".join(chunks), "more_body": False}], receive)


def _replay(messages: list[Message], then: Receive) -> Receive:
    """Hand out the buffered messages, then wait on the real channel (for a disconnect)."""
    pending = list(messages)

    async def receive() -> Message:
        if pending:
            return pending.pop(0)
        return await then()

    return receive


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


