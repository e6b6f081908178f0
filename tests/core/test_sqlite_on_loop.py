"""Embedded SQLite runs on the event loop's thread (core/kit/sqlite_on_loop.py), and
writers of one process queue on one lock per file, however many handles they hold."""

from __future__ import annotations

import asyncio
import threading

from sqlalchemy import text

from carepost.core.kit.db import Database


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
