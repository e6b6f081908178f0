"""Reading a request body within its limits: its surface's size (413), the wait
between two pieces (408), and the bytes every request of this process holds at
once (503). A JSON body is read whole (the edge screens it); an upload is
handed on as a stream, counted as it arrives.

Past its first `GATED_AFTER` bytes a body is read only once its surface's gate
has passed: credentials carried in headers are checked before megabytes are
taken in from someone who may not send them."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from starlette.exceptions import HTTPException
from starlette.types import Message, Receive, Scope

from carepost.core.kit.errors import CoreError

GATED_AFTER = 64 * 1024
# Checks a request's credentials from its headers alone; raises as the handler's own check would.
Gate = Callable[[Scope], Awaitable[None]]


class BodyTooLarge(HTTPException):
    """Raised while reading past the surface's limit; an HTTPException so that
    FastAPI's own body parsing lets it through to the 413 handler."""

    def __init__(self) -> None:
        super().__init__(status_code=413)


class BodyTooSlow(HTTPException):
    """The next piece of the body did not come in time (408; the connection is closed)."""

    def __init__(self) -> None:
        super().__init__(status_code=408, headers={"Connection": "close"})


class GateRefused(Exception):
    """The surface's gate refused the request's credentials before its body was read."""

    def __init__(self, error: CoreError) -> None:
        super().__init__(str(error))
        self.error = error


class BodyBudgetSpent(Exception):
    """Every byte this process may hold of request bodies is held by requests in flight."""


class BodyBudget:
    """The bytes of request bodies held at once by one process, bounded: a burst of
    large bodies is answered 503 instead of growing the process without limit."""

    def __init__(self, limit_bytes: int) -> None:
        self.limit = limit_bytes
        self.held = 0

    def take(self, size: int) -> None:
        if self.held + size > self.limit:
            raise BodyBudgetSpent
        self.held += size

    def give_back(self, size: int) -> None:
        self.held -= size


class Reading:
    """One request's share of the budget, returned whole when the request is done."""

    def __init__(self, budget: BodyBudget) -> None:
        self.budget = budget
        self.held = 0

    def take(self, size: int) -> None:
        self.budget.take(size)
        self.held += size

    def done(self) -> None:
        self.budget.give_back(self.held)
        self.held = 0


def timed(receive: Receive, seconds: float) -> Receive:
    """A body that stalls for `seconds` between two pieces is given up on."""

    async def timed_receive() -> Message:
        try:
            return await asyncio.wait_for(receive(), seconds)
        except TimeoutError:
            raise BodyTooSlow from None

    return timed_receive


def is_multipart(scope: Scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            return value.lower().startswith(b"multipart/")
    return False


def counted(scope: Scope, receive: Receive, limit: int) -> Receive:
    """An upload streamed to its handler, never held whole: the limit is enforced as it arrives."""
    declared = _content_length(scope)
    if declared is not None and declared > limit:
        raise BodyTooLarge
    size = 0

    async def counting_receive() -> Message:
        nonlocal size
        message = await receive()
        size += len(message.get("body", b""))
        if size > limit:
            raise BodyTooLarge
        return message

    return counting_receive


async def buffered(
    scope: Scope, receive: Receive, limit: int, *, reading: Reading, gate: Gate | None = None
) -> tuple[bytes, Receive]:
    """Read the whole body up to `limit` bytes, within the process's budget, then replay it to the app.
    A body declared or found larger than `GATED_AFTER` waits for `gate` first."""
    declared = _content_length(scope)
    gated = gate is None
    if declared is not None and declared > GATED_AFTER and gate is not None:
        await gate(scope)
        gated = True
    if declared is not None and declared > limit:
        raise BodyTooLarge
    if declared is not None:
        reading.take(declared)  # all of it now: refused before a byte is read if it cannot fit
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"", _replay([message], receive)
        body = message.get("body", b"")
        size += len(body)
        if size > GATED_AFTER and not gated and gate is not None:
            await gate(scope)
            gated = True
        if size > limit:
            raise BodyTooLarge
        if declared is None:
            reading.take(len(body))
        chunks.append(body)
        if not message.get("more_body", False):
            break
    whole = b"".join(chunks)
    return whole, _replay([{"type": "http.request", "body": whole, "more_body": False}], receive)


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
