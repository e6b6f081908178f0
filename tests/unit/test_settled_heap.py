"""Once a served process has started, what it built is out of the collector's full passes."""

from __future__ import annotations

import gc

from carepost.serving import HeapSettledAtStartup


async def test_the_heap_is_settled_when_startup_completes_and_messages_pass_through():
    seen: list[str] = []
    frozen_at_startup: list[int] = []

    async def app(scope, receive, send):
        assert scope["type"] == "lifespan"
        await receive()
        frozen_at_startup.append(gc.get_freeze_count())
        await send({"type": "lifespan.startup.complete"})

    async def receive():
        return {"type": "lifespan.startup"}

    async def send(message):
        seen.append(message["type"])

    gc.unfreeze()
    try:
        await HeapSettledAtStartup(app)({"type": "lifespan"}, receive, send)
        assert frozen_at_startup == [0]  # nothing settled before the app has started
        assert gc.get_freeze_count() > 0
        assert seen == ["lifespan.startup.complete"]
    finally:
        gc.unfreeze()


async def test_requests_go_straight_to_the_app():
    calls: list[str] = []

    async def app(scope, receive, send):
        calls.append(scope["type"])

    await HeapSettledAtStartup(app)({"type": "http"}, None, None)

    assert calls == ["http"]
