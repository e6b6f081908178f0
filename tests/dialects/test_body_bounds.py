"""Large bodies (issue 24, item 2): credentials in headers are checked before more than
64 KiB of a body is read; a process holds a bounded number of body bytes at once (503
past it); a pharmacy prescription is at most 5 MB. Driven at the ASGI level, so the
test sees exactly how many bytes the app took in."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from carepost.app import create_app
from carepost.http.bodies import GATED_AFTER
from tests.pharmacy_world import order_body, pharmacy_world, token_for

MIB = 1024 * 1024
CREATE = "/api/orders/resources/"


class Sender:
    """A client that sends `size` bytes of body in 64 KiB pieces, counting what the app took;
    with `hold`, it stops after the first piece until `hold` is set."""

    def __init__(self, size: int, *, declared: bool = True, hold: asyncio.Event | None = None, body: bytes | None = None) -> None:
        self.body = body
        self.size = len(body) if body is not None else size
        self.declared = declared
        self.hold = hold
        self.taken = 0
        self.status: int | None = None
        self.headers: dict[str, str] = {}
        self.answer = b""

    async def receive(self) -> dict[str, Any]:
        if self.taken >= self.size:
            await asyncio.Event().wait()  # nothing more to send: wait for the app to answer
        if self.taken > 0 and self.hold is not None:
            await self.hold.wait()
        piece = min(64 * 1024, self.size - self.taken)
        chunk = self.body[self.taken : self.taken + piece] if self.body is not None else b" " * piece
        self.taken += piece
        return {"type": "http.request", "body": chunk, "more_body": self.taken < self.size}

    async def send(self, message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.headers = {k.decode().lower(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            self.answer += message.get("body", b"")

    async def post(self, app: Any, path: str, headers: dict[str, str]) -> Sender:
        raw = [(k.lower().encode(), v.encode()) for k, v in {"content-type": "application/json", **headers}.items()]
        if self.declared:
            raw.append((b"content-length", str(self.size).encode()))
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
            "path": path, "raw_path": path.encode(), "query_string": b"", "headers": raw,
            "client": ("127.0.0.1", 5000), "server": ("testserver", 80), "root_path": "",
        }
        await app(scope, self.receive, self.send)
        return self


@pytest.fixture
async def world(db, settings):
    return await pharmacy_world(db, settings.resolved_secret_key)


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
@pytest.mark.parametrize(
    "headers",
    [{}, {"X-API-Key": "cpk_live_not-a-key"}, {"X-API-Key": "<live key>"}, {"X-API-Key": "<live key>", "Authorization": "Bearer forged"}],
    ids=["no-credentials", "unknown-key", "key-without-token", "forged-token"],
)
async def test_a_60_mb_body_without_valid_credentials_is_refused_unread(app, world, headers, declared):
    headers = {k: v.replace("<live key>", world.live_key) for k, v in headers.items()}
    sent = await Sender(60 * MIB, declared=declared).post(app, CREATE, headers)
    assert sent.status == 401, sent.answer
    assert sent.taken <= GATED_AFTER + 64 * 1024  # at most one piece past the gate
    assert "detail" in json.loads(sent.answer)


async def test_a_body_past_the_limit_is_413_unread_with_credentials(app, client, world):
    token = await token_for(client, world)
    sent = await Sender(50 * MIB).post(app, CREATE, world.headers(token))
    assert sent.status == 413 and json.loads(sent.answer) == {"detail": "Request body too large."}
    assert sent.taken <= GATED_AFTER + 64 * 1024


async def test_a_large_body_with_valid_credentials_is_read_and_answered(app, client, world):
    token = await token_for(client, world)
    document = "JVBERi0xLjcK" * (400 * 1024)  # 4.8 MB of base64: a PDF's header, repeated
    body = order_body(world)
    body["order"]["prescriptions"] = [{"document": document, "issue_date": "2026-11-30"}]
    sent = await Sender(0, body=json.dumps(body).encode()).post(app, CREATE, world.headers(token))
    assert sent.status == 201, sent.answer
    assert sent.taken == sent.size


async def test_a_process_holds_a_bounded_number_of_body_bytes(settings, client, world):
    app = create_app(settings.model_copy(update={"body_budget_bytes": 3 * MIB}))
    token = await token_for(client, world)
    release = asyncio.Event()
    first = Sender(2 * MIB, hold=release)
    holding = asyncio.create_task(first.post(app, CREATE, world.headers(token)))
    while first.taken == 0:
        await asyncio.sleep(0.01)
    # 2 MiB of the 3 are taken by the first request: a second of 2 MiB does not fit, declared or not.
    for declared in (True, False):
        second = await Sender(2 * MIB, declared=declared).post(app, CREATE, world.headers(token))
        assert second.status == 503, second.answer
        assert second.headers["retry-after"] == "5"
        assert json.loads(second.answer) == {"detail": "Service temporarily unavailable, try again later."}
    small = await Sender(0, body=json.dumps(order_body(world)).encode()).post(app, CREATE, world.headers(token))
    assert small.status == 201, small.answer  # what fits is still served
    release.set()
    await holding
    assert first.status == 400  # spaces are no JSON: read whole, then refused
    # The first request gave its bytes back: the same 2 MiB now fits.
    again = await Sender(2 * MIB).post(app, CREATE, world.headers(token))
    assert again.status == 400, again.answer
    await app.state.runtime.db.dispose()
