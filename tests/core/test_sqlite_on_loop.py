"""Embedded SQLite runs on the event loop's thread (core/kit/sqlite_on_loop.py), and
writers of one process queue on one lock per file, however many handles they hold."""

from __future__ import annotations

import asyncio
import sqlite3
import threading

from sqlalchemy import text

from carepost.core.kit import sqlite_on_loop
from carepost.core.kit.db import Database, is_database_unavailable


async def test_statements_run_on_the_event_loops_own_thread(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'loop.db'}")
    threads: list[int] = []
    try:
        async with db.transaction() as session:
            connection = await session.connection()
            raw = await connection.get_raw_connection()
            raw.driver_connection._open().create_function("which_thread", 0, lambda: threads.append(threading.get_ident()) or 1)
            assert await session.scalar(text("SELECT which_thread()")) == 1
    finally:
        await db.dispose()
    assert threads == [threading.get_ident()]


async def test_two_handles_on_one_file_queue_instead_of_blocking_the_loop(tmp_path):
    """The second writer waits on the shared asyncio lock; had it waited on SQLite's busy
    timeout instead, it would have held the loop the first one needs to commit."""
    url = f"sqlite:///{tmp_path / 'two.db'}"
    first, second = Database(url), Database(url)
    order: list[str] = []
    try:
        async with first.transaction() as session:
            await session.execute(text("CREATE TABLE notes (body TEXT)"))

        async def write(db: Database, body: str, hold_s: float) -> None:
            async with db.transaction() as session:
                await session.execute(text("INSERT INTO notes VALUES (:body)"), {"body": body})
                order.append(f"{body} wrote")
                await asyncio.sleep(hold_s)  # the loop runs other work while the write lock is held
            order.append(f"{body} committed")

        holder = asyncio.create_task(write(first, "first", 0.3))
        await asyncio.sleep(0.05)
        await asyncio.wait_for(asyncio.gather(holder, write(second, "second", 0)), timeout=5)
        async with second.read() as session:
            bodies = (await session.execute(text("SELECT body FROM notes ORDER BY rowid"))).scalars().all()
    finally:
        await first.dispose()
        await second.dispose()
    assert order == ["first wrote", "first committed", "second wrote", "second committed"]
    assert bodies == ["first", "second"]


async def test_the_older_aiosqlite_url_gets_the_same_driver(tmp_path):
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'old.db'}")
    try:
        async with db.read() as session:
            assert await session.scalar(text("PRAGMA synchronous")) == 2  # FULL
            assert await session.scalar(text("PRAGMA journal_mode")) == "wal"
            raw = await (await session.connection()).get_raw_connection()
            assert type(raw.driver_connection).__module__ == "carepost.core.kit.sqlite_on_loop"
    finally:
        await db.dispose()


async def test_a_writer_in_another_process_is_waited_for_without_holding_the_loop(tmp_path):
    """Another process's write lock (a plain sqlite3 connection here, outside this process's
    asyncio lock) makes BEGIN IMMEDIATE try again after asyncio sleeps: the loop keeps
    ticking, and the transaction goes on once the lock is free."""
    path = tmp_path / "other.db"
    db = Database(f"sqlite:///{path}")
    try:
        async with db.transaction() as session:
            await session.execute(text("CREATE TABLE notes (body TEXT)"))
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        ticker = asyncio.create_task(tick())

        async def write() -> None:
            async with db.transaction() as session:
                await session.execute(text("INSERT INTO notes VALUES ('after')"))

        waiting = asyncio.create_task(write())
        await asyncio.sleep(0.3)
        assert not waiting.done() and ticks >= 10  # waiting, and the loop ran meanwhile
        other.rollback()
        await asyncio.wait_for(waiting, timeout=5)
        ticker.cancel()
        other.close()
    finally:
        await db.dispose()


async def test_a_lock_held_past_the_wait_is_an_unavailable_database(tmp_path, monkeypatch):
    """Bounded: past LOCK_WAIT_SECONDS the transaction fails as 'database unavailable' (503)."""
    monkeypatch.setattr(sqlite_on_loop, "LOCK_WAIT_SECONDS", 0.2)
    path = tmp_path / "held.db"
    db = Database(f"sqlite:///{path}")
    other = sqlite3.connect(path, isolation_level=None)
    try:
        async with db.transaction() as session:
            await session.execute(text("CREATE TABLE notes (body TEXT)"))
        other.execute("BEGIN IMMEDIATE")
        try:
            async with db.transaction() as session:
                await session.execute(text("INSERT INTO notes VALUES ('never')"))
        except Exception as error:
            assert is_database_unavailable(error), repr(error)
        else:
            raise AssertionError("the transaction should have given up")
        # In this process, a transaction that waits its turn past the bound gives up too.
        holder_started = asyncio.Event()
        other.rollback()

        async def hold() -> None:
            async with db.transaction():
                holder_started.set()
                await asyncio.sleep(0.5)

        holder = asyncio.create_task(hold())
        await holder_started.wait()
        try:
            async with db.transaction():
                pass
        except Exception as error:
            assert is_database_unavailable(error), repr(error)
        else:
            raise AssertionError("the queued transaction should have given up")
        await holder
    finally:
        other.close()
        await db.dispose()
