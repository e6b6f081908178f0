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


def _commits_seen(db_connection: sqlite3.Connection, threads: list[int]) -> None:
    """Note the thread of every COMMIT the connection runs (sqlite3 traces the one commit() sends)."""
    db_connection.set_trace_callback(lambda sql: threads.append(threading.get_ident()) if sql == "COMMIT" else None)


async def _driver_connection(session) -> sqlite3.Connection:
    raw = await (await session.connection()).get_raw_connection()
    return raw.driver_connection._open()


async def test_a_write_commits_in_a_thread_and_nothing_else_does(tmp_path):
    """The commit that waits for the disk leaves the loop's thread; one with nothing to
    write (a write transaction that changed nothing) stays on it. (A read ends in a rollback.)"""
    db = Database(f"sqlite:///{tmp_path / 'commits.db'}")
    loop_thread = threading.get_ident()
    wrote: list[int] = []
    changed_nothing: list[int] = []
    try:
        async with db.transaction() as session:
            await session.execute(text("CREATE TABLE notes (body TEXT)"))
        async with db.transaction() as session:
            _commits_seen(await _driver_connection(session), wrote)
            await session.execute(text("INSERT INTO notes VALUES ('kept')"))
        async with db.transaction() as session:
            _commits_seen(await _driver_connection(session), changed_nothing)
            await session.execute(text("UPDATE notes SET body = 'never' WHERE body = 'absent'"))
        async with db.read() as session:
            assert (await session.execute(text("SELECT body FROM notes"))).scalars().all() == ["kept"]
    finally:
        await db.dispose()
    assert len(wrote) == 1 and wrote[0] != loop_thread
    assert changed_nothing == [loop_thread]


async def test_a_task_cancelled_while_its_commit_runs_waits_for_the_commit(tmp_path):
    """Cancelled mid-commit, the transaction does not roll back on a connection the thread is
    still committing on: the cancellation is raised once the commit is done, and what the
    transaction wrote is kept (as a commit the client's disconnect interrupted on any database)."""
    db = Database(f"sqlite:///{tmp_path / 'cancelled.db'}")
    committing = threading.Event()
    go_on = threading.Event()

    def hold_the_commit(sql: str) -> None:
        if sql == "COMMIT":
            committing.set()
            go_on.wait(timeout=5)

    try:
        async with db.transaction() as session:
            await session.execute(text("CREATE TABLE notes (body TEXT)"))

        async def write() -> None:
            async with db.transaction() as session:
                (await _driver_connection(session)).set_trace_callback(hold_the_commit)
                await session.execute(text("INSERT INTO notes VALUES ('committed')"))

        writer = asyncio.create_task(write())
        assert await asyncio.to_thread(committing.wait, 5)
        writer.cancel()
        for _ in range(20):  # the loop turns; the writer stays waiting for its commit
            await asyncio.sleep(0)
        assert not writer.done()
        go_on.set()
        try:
            await asyncio.wait_for(writer, timeout=5)
        except asyncio.CancelledError:
            pass
        else:
            raise AssertionError("the cancellation should have been raised after the commit")
        async with db.read() as session:
            assert (await session.execute(text("SELECT body FROM notes"))).scalars().all() == ["committed"]
    finally:
        go_on.set()
        await db.dispose()
