"""`Database.transaction`: committed when its block ends, rolled back when the block raises,
fails at its commit or is cancelled; and in every case its connection back in the pool."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from carepost.core.kit.clock import utcnow
from carepost.core.models import Account


def _account(slug: str) -> Account:
    return Account(slug=slug, name="Transactions", created_at=utcnow())


async def _slugs(db, prefix: str) -> set[str]:
    async with db.read() as session:
        return set(await session.scalars(select(Account.slug).where(Account.slug.like(f"{prefix}%"))))


def _connections_out(db) -> int:
    return db.engine.sync_engine.pool.checkedout()


async def test_a_transaction_commits_at_the_end_of_its_block(db) -> None:
    prefix = f"tx-{uuid.uuid4().hex[:8]}-"
    async with db.transaction() as session:
        session.add(_account(f"{prefix}kept"))  # flushed by the commit itself
        assert session.in_transaction()
    assert await _slugs(db, prefix) == {f"{prefix}kept"}
    assert _connections_out(db) == 0 and not session.in_transaction()


async def test_a_block_that_raises_rolls_back_everything_it_wrote(db) -> None:
    prefix = f"tx-{uuid.uuid4().hex[:8]}-"
    with pytest.raises(RuntimeError):
        async with db.transaction() as session:
            session.add(_account(f"{prefix}flushed"))
            await session.flush()
            raise RuntimeError("the request failed")
    assert await _slugs(db, prefix) == set()
    assert _connections_out(db) == 0


async def test_a_commit_that_fails_raises_writes_nothing_and_returns_its_connection(db) -> None:
    prefix = f"tx-{uuid.uuid4().hex[:8]}-"
    async with db.transaction() as session:
        session.add(_account(f"{prefix}taken"))
    with pytest.raises(IntegrityError):
        async with db.transaction() as session:
            session.add(_account(f"{prefix}new"))
            await session.flush()
            session.add(_account(f"{prefix}taken"))  # refused by the unique slug when the commit flushes it
    assert await _slugs(db, prefix) == {f"{prefix}taken"}
    assert _connections_out(db) == 0


async def test_a_cancelled_transaction_is_rolled_back_and_returns_its_connection(db) -> None:
    prefix = f"tx-{uuid.uuid4().hex[:8]}-"
    inside = asyncio.Event()

    async def held_open() -> None:
        async with db.transaction() as session:
            session.add(_account(f"{prefix}cancelled"))
            await session.flush()
            inside.set()
            await asyncio.Event().wait()  # until cancelled

    task = asyncio.create_task(held_open())
    await inside.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await _slugs(db, prefix) == set()
    assert _connections_out(db) == 0
    async with db.transaction() as session:  # and the next one goes ahead (SQLite: the write lock was let go)
        session.add(_account(f"{prefix}next"))
    assert await _slugs(db, prefix) == {f"{prefix}next"}
