"""How Carepost is served over HTTP: uvicorn, with the guards uvicorn lacks.

uvicorn (httptools) takes headers of any size and waits as long as a client
likes for them. Here a request's start line and headers must fit in
CAREPOST_MAX_HEADER_BYTES (431 past that) and arrive within
CAREPOST_HEADER_TIMEOUT_SECONDS of its first byte, or of the connection
opening (408, then the connection closes). A body that stalls is the
request-context middleware's to answer (CAREPOST_BODY_TIMEOUT_SECONDS).
No `Server` header is sent. And once a process has started, what it built is
left out of the garbage collector's full passes (settle_heap).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Any

import uvicorn
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.supervisors import Multiprocess

from carepost import listeners
from carepost.config import Settings
from carepost.core.kit.private_files import private_directory
from carepost.health.metrics import MULTIPROCESS_DIR

_CLOSE = b"connection: close\r\ncontent-length: 0\r\n\r\n"
_TIMEOUT = b"HTTP/1.1 408 Request Timeout\r\n" + _CLOSE
_TOO_LARGE = b"HTTP/1.1 431 Request Header Fields Too Large\r\n" + _CLOSE


@lru_cache(maxsize=1)
def _limits() -> tuple[int, float]:
    settings = Settings()
    return settings.max_header_bytes, settings.header_timeout_seconds


class _HeadersTooLarge(Exception):
    pass


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, with a size limit and a deadline on each request's headers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._max_header_bytes, self._header_timeout = _limits()
        self._header_bytes = 0
        self._headers_pending = False
        self._headers_too_large = False
        self._deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._await_headers()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if not self._headers_pending:  # the first byte of the next request on this connection
            self._await_headers()

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._headers_pending = False
        self._cancel_deadline()
        super().on_headers_complete()

    def send_400_response(self, msg: str) -> None:
        if not self._headers_too_large:
            super().send_400_response(msg)
            return
        self.transport.write(_TOO_LARGE)
        self.transport.close()

    def _count(self, size: int) -> None:
        self._header_bytes += size
        if self._header_bytes > self._max_header_bytes:
            self._headers_too_large = True
            raise _HeadersTooLarge  # httptools stops parsing; uvicorn answers through send_400_response

    def _await_headers(self) -> None:
        self._headers_pending = True
        self._header_bytes = 0
        self._cancel_deadline()
        self._deadline = self.loop.call_later(self._header_timeout, self._headers_late)

    def _headers_late(self) -> None:
        self._deadline = None
        if self._headers_pending and not self.transport.is_closing():
            self.transport.write(_TIMEOUT)
            self.transport.close()

    def _cancel_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None


def settle_heap() -> None:
    """Move everything alive now out of the collector's reach, once a process has
    started. What startup builds (modules, routes, schemas, mappers: some 260,000
    objects) lives as long as the process, yet each full collection scanned it all,
    170 ms during which every request in flight waited (docs/performance.md)."""
    gc.collect()
    gc.freeze()


class HeapSettledAtStartup:
    """The app, its heap settled (settle_heap) as soon as its lifespan has started."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return

        async def settle_once_started(message: Message) -> None:
            if message["type"] == "lifespan.startup.complete":
                settle_heap()
            await send(message)

        await self.app(scope, receive, settle_once_started)


def served_app() -> ASGIApp:
    """The factory each `carepost serve` process builds its app with."""
    from carepost.app import create_app

    return HeapSettledAtStartup(create_app())


def share_metrics(settings: Settings) -> None:
    """Before `serve --workers N` starts its processes: one directory where each writes what it
    counts (prometheus-client's multiprocess mode), so that a scrape answered by any of them adds
    up all of them. PROMETHEUS_MULTIPROC_DIR if the operator set it, else the data dir's
    `metrics`; emptied now, as a new group must not add up a former one's counts."""
    directory = Path(os.environ.get(MULTIPROCESS_DIR) or settings.private_data_dir() / "metrics")
    shutil.rmtree(directory, ignore_errors=True)
    private_directory(directory)
    os.environ[MULTIPROCESS_DIR] = str(directory)  # the processes uvicorn spawns inherit it


def run(app: Any, *, host: str, port: int, workers: int = 1, factory: bool = False, shutdown_timeout: int | None = None) -> None:
    """Serve `app` (with `workers` > 1, an import string; each worker on a socket of its own,
    carepost/listeners.py). On SIGTERM (or Ctrl-C) uvicorn closes the listening sockets, answers
    the requests in flight (closing each connection after its response) for up to
    `shutdown_timeout` seconds, runs the app's shutdown (the request log flushed, the pool
    closed) and exits."""
    if not factory and not isinstance(app, str):
        app = HeapSettledAtStartup(app)
    options: dict[str, Any] = {
        "factory": factory,
        "host": host,
        "log_config": None,  # logging is configured already: JSON lines, uvicorn's through ours (carepost/logging.py)
        "access_log": False,  # ours has the request id and the route template (http/context.py)
        "http": GuardedHttpToolsProtocol,
        "server_header": False,
        "timeout_graceful_shutdown": shutdown_timeout,
        "proxy_headers": False,  # the app trusts CAREPOST_TRUSTED_PROXIES alone (app.py), never uvicorn's default 127.0.0.1
    }
    if workers == 1:
        uvicorn.run(app, port=port, **options)
        return
    try:
        holder = listeners.reserve(host, port)
    except OSError as error:
        raise SystemExit(f"carepost serve: cannot listen on {host}:{port}: {error}") from error
    with holder:
        bound = holder.getsockname()[1]
        logging.getLogger("carepost.serve").info("serving http://%s:%d with %d workers", host, bound, workers)
        config = uvicorn.Config(app, port=bound, workers=workers, **options)
        with contextlib.suppress(KeyboardInterrupt):
            # uvicorn's supervisor starts, watches and restarts the workers; it hands each the
            # sockets it is given, here one that each worker binds for itself.
            Multiprocess(config, sockets=[listeners.OwnSocket(host, bound)]).run()  # type: ignore[list-item]
