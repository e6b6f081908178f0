"""Embedded SQLite without a thread hop per statement.

aiosqlite runs each connection on a thread of its own and hands every
statement to it and back (a queue put, then `call_soon_threadsafe` waking the
event loop): on the machines we measured, each hop cost a system call of up
to a millisecond, while the statement itself, on a local file, takes
microseconds (docs/performance.md). Here SQLAlchemy's aiosqlite dialect is
given, through its documented `async_creator` hook, a connection whose
coroutines call `sqlite3` directly, on the event loop's own thread.

What makes that safe is that nothing here ever waits on SQLite's lock while
holding the loop: a process's write transactions queue on one asyncio lock
per database file (`writing`) before they `BEGIN IMMEDIATE`, and readers
never wait in WAL mode. SQLite's own busy timeout is 0: when a writer in
*another* process (the CLI beside a running demo, a second serve process)
holds the lock, `begin_immediate` tries again after an asyncio sleep, so the
loop goes on serving meanwhile. Both waits end after `LOCK_WAIT_SECONDS`
with an error the app answers 503 (db.is_database_unavailable).
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time
import weakref
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.engine import URL, make_url


class _Cursor:
    """aiosqlite's cursor interface over a sqlite3 cursor, without the thread."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> _Cursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> _Cursor:
        self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> _Cursor:
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()


class _Connection:
    """aiosqlite's connection interface over a sqlite3 connection, without the thread."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection: sqlite3.Connection | None = connection  # SQLAlchemy reads it: None once closed

    def _open(self) -> sqlite3.Connection:
        if self._connection is None:
            raise ValueError("no active connection")  # the words SQLAlchemy's adapter takes as a disconnect
        return self._connection

    @property
    def isolation_level(self) -> str | None:
        return self._open().isolation_level

    def cursor(self) -> _Cursor:
        return _Cursor(self._open().cursor())

    async def begin_immediate(self) -> None:
        """BEGIN IMMEDIATE, tried again after a short asyncio sleep while another process
        holds the write lock, for up to LOCK_WAIT_SECONDS (then SQLITE_BUSY is raised)."""
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        pause = 0.001
        while True:
            try:
                self._open().execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if getattr(error, "sqlite_errorname", "") != "SQLITE_BUSY" or time.monotonic() + pause > deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, 0.05)

    async def commit(self) -> None:
        self._open().commit()

    async def rollback(self) -> None:
        self._open().rollback()

    async def create_function(self, name: str, arity: int, function: Callable[..., Any], **options: Any) -> None:
        self._open().create_function(name, arity, function, **options)

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Terminate (and close): there is no thread to stop, only the file handle to close."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def engine_arguments(url: str) -> tuple[URL, dict[str, Any]]:
    """The URL and `create_async_engine` arguments that put a configured SQLite URL
    (`sqlite:///…` or `sqlite+aiosqlite:///…`) on this driver."""
    target = make_url(url).set(drivername="sqlite+aiosqlite")
    database = target.database or ":memory:"

    async def connect() -> _Connection:
        # isolation_level=None: sqlite3 starts no transactions of its own; db.py emits BEGIN.
        # timeout=0: SQLite never waits for a lock on the loop's thread (begin_immediate waits, asynchronously).
        return _Connection(sqlite3.connect(database, timeout=0, isolation_level=None, check_same_thread=False))

    return target, {"async_creator": connect}


# The longest a transaction waits for its turn to write, in this process or behind another.
LOCK_WAIT_SECONDS = 5.0

# One lock per database file and event loop: two `Database` handles on one file in one
# process (the app and an in-process worker) must queue on the same lock, or the second
# would wait on SQLite's busy timeout while holding the loop the first needs to commit.
_writer_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Lock]] = (
    weakref.WeakKeyDictionary()
)


def writer_lock(url: URL) -> asyncio.Lock:
    per_file = _writer_locks.setdefault(asyncio.get_running_loop(), {})
    return per_file.setdefault(os.path.realpath(url.database or ":memory:"), asyncio.Lock())


@asynccontextmanager
async def writing(url: URL) -> AsyncIterator[None]:
    """This process's turn to write to the file: waited for at most LOCK_WAIT_SECONDS
    (then TimeoutError, which the app answers 503)."""
    lock = writer_lock(url)
    async with asyncio.timeout(LOCK_WAIT_SECONDS):
        await lock.acquire()
    try:
        yield
    finally:
        lock.release()
