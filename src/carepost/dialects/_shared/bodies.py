"""Reading a request body within its surface's limits: size (413) and the wait
between two pieces (408). A JSON body is read whole (the edge screens it);
an upload is handed on as a stream, counted as it arrives."""

from __future__ import annotations

import asyncio

from starlette.exceptions import HTTPException
from starlette.types import Message, Receive, Scope


class BodyTooLarge(HTTPException):
    """Raised while reading past the surface's limit; an HTTPException so that
    FastAPI's own body parsing lets it through to the 413 handler."""

    def __init__(self) -> None:
        super().__init__(status_code=413)


class BodyTooSlow(HTTPException):
    """The next piece of the body did not come in time (408; the connection is closed)."""

    def __init__(self) -> None:
        super().__init__(status_code=408, headers={"Connection": "close"})


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


async def buffered(scope: Scope, receive: Receive, limit: int) -> tuple[bytes, Receive]:
    """Read the whole body up to `limit` bytes, then replay it to the app."""
    declared = _content_length(scope)
    if declared is not None and declared > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"", _replay([message], receive)
        body = message.get("body", b"")
        size += len(body)
        if size > limit:
            raise BodyTooLarge
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
