"""Serving an ASGI app over real HTTP on loopback, from a thread with its own event loop."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from tests.mail_server import free_port


@contextmanager
def serve(make_app: Callable[[], Any], *, port: int | None = None) -> Iterator[str]:
    """Yields the base URL; the app is built inside the server's thread (its loop owns the app).
    `port` serves on a port chosen before (a server that comes back where it was)."""
    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(make_app, factory=True, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
