"""`Database.transaction` (an ORM session) and `Database.lean_transaction` (lean statements on a
bare connection): committed when the block ends, rolled back when the block raises, fails at
its commit or is cancelled; and in every case the connection back in the pool."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import bindparam, insert, select
from sqlalchemy.exc import IntegrityError

from carepost.core.kit.clock import utcnow
from carepost.core.kit.lean import LeanStatement
from carepost.core.kit.sqlite_on_loop import writer_lock
from carepost.core.models import Account

_ADD_ACCOUNT = LeanStatement(insert(Account).values(slug=bindparam("slug"), name="Transactions", created_at=bindparam("at")))


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


@contextlib.asynccontextmanager
async def _writing_with_the_orm(db, slug: str) -> AsyncIterator[None]:
    """A row written (and flushed) in `db.transaction()`, held open while the block runs."""
    async with db.transaction() as session:
        session.add(_account(slug))
        await session.flush()
        yield


@contextlib.asynccontextmanager
async def _writing_lean(db, slug: str) -> AsyncIterator[None]:
    """A row written in `db.lean_transaction()`, held open while the block runs."""
    async with db.lean_transaction() as connection:
        await _ADD_ACCOUNT.rows(connection, slug=slug, at=utcnow())
        yield


WRITERS = pytest.mark.parametrize("writing", [_writing_with_the_orm, _writing_lean], ids=["orm", "lean"])


@WRITERS
async def test_a_cancelled_transaction_is_rolled_back_and_returns_its_connection(db, writing) -> None:
    prefix = f"tx-{uuid.uuid4().hex[:8]}-"
    inside = asyncio.Event()

    async def held_open() -> None:
        async with writing(db, f"{prefix}cancelled"):
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


async def test_a_lean_transaction_commits_at_the_end_of_its_block(db) -> None:
    prefix = f"tx-{uuid.uuid4().hex[:8]}-"
    async with db.lean_transaction() as connection:
        await _ADD_ACCOUNT.rows(connection, slug=f"{prefix}kept", at=utcnow())
        assert connection.in_transaction()
        # SQLite: it has the process's turn at the one writer, as `transaction()` does
        assert db.dialect_name != "sqlite" or writer_lock(db.engine.url).locked()
    assert await _slugs(db, prefix) == {f"{prefix}kept"}
    assert _connections_out(db) == 0


async def test_a_lean_transaction_that_raises_rolls_back_every_statement(db) -> None:
    prefix = f"tx-{uuid.uuid4().hex[:8]}-"
    with pytest.raises(RuntimeError):
        async with db.lean_transaction() as connection:
            await _ADD_ACCOUNT.rows(connection, slug=f"{prefix}first", at=utcnow())
            await _ADD_ACCOUNT.rows(connection, slug=f"{prefix}second", at=utcnow())
            raise RuntimeError("the request failed")
    assert await _slugs(db, prefix) == set()
    assert _connections_out(db) == 0


async def test_lean_and_orm_transactions_take_turns_at_sqlites_one_writer(db) -> None:
    """Both write at once; on SQLite each waits for the write lock (neither fails busy), on
    PostgreSQL they run side by side. Every row is there after."""
    prefix = f"tx-{uuid.uuid4().hex[:8]}-"

    async def write(writing, slug: str) -> None:
        async with writing(db, slug):
            await asyncio.sleep(0)  # let the others in while this one holds its transaction

    await asyncio.gather(*(
        write(writing, f"{prefix}{kind}-{n}") for n in range(5) for kind, writing in (("lean", _writing_lean), ("orm", _writing_with_the_orm))
    ))
    assert await _slugs(db, prefix) == {f"{prefix}{kind}-{n}" for n in range(5) for kind in ("lean", "orm")}
    assert _connections_out(db) == 0
