"""A real HTTP receiver for webhooks on loopback: it keeps every request it gets and
answers as the test scripts it (a status per request, then 200; or hang)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class ReceiverState:
    script: list[int] = field(default_factory=list)  # statuses for the next requests; then 200
    hang_seconds: float = 0.0
    hang_requests: int | None = None  # hang only the first N requests (None: every one)
    retry_after: str | None = None
    location: str | None = None  # sent with a 3xx
    set_cookie: str | None = None  # sent with every answer
    received: list[Received] = field(default_factory=list)

    def bodies(self) -> list[bytes]:
        return [r.body for r in self.received]


def receiver_app(state: ReceiverState) -> Starlette:
    async def receive(request: Request) -> Response:
        state.received.append(Received(request.url.path, dict(request.headers), await request.body()))
        if state.hang_seconds and (state.hang_requests is None or len(state.received) <= state.hang_requests):
            await asyncio.sleep(state.hang_seconds)
        status = state.script.pop(0) if state.script else 200
        headers = {"Retry-After": state.retry_after} if state.retry_after and status >= 400 else {}
        if state.location and 300 <= status < 400:
            headers["Location"] = state.location
        if state.set_cookie:
            headers["Set-Cookie"] = state.set_cookie
        return Response(b"x" * 4096 if status >= 500 else b"ok", status_code=status, headers=headers)

    return Starlette(routes=[Route("/{path:path}", receive, methods=["POST"])])
