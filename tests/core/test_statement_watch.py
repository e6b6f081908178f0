"""The statements SQLAlchemy runs itself (core/kit/statement_watch.py) are told to the watchers
as lean ones are (tests/core/test_lean_statements.py): SQL, duration and error, never the
parameters; and an engine made while nobody watches carries no hook at all."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import event, select, text

from carepost.core.kit import statement_watch
from carepost.core.kit.db import Database
from carepost.core.kit.migrate import upgrade
from carepost.core.models import OutboxMessage

Seen = list[tuple[str, float, BaseException | None]]


@pytest.fixture
async def watched(database_url):
    """A database whose engine was made while a watcher listened, and what it was told."""
    seen: Seen = []
    stop = statement_watch.watch(lambda sql, seconds, error: seen.append((sql, seconds, error)))
    database = Database(database_url)
    try:
        await upgrade(database)
        yield database, seen
    finally:
        stop()
        await database.dispose()


async def test_an_orm_statement_is_told_without_its_parameters(watched):
    database, seen = watched
    topic = f"watched.{uuid.uuid4().hex}"
    async with database.read() as session:
        await session.scalars(select(OutboxMessage).where(OutboxMessage.topic == topic))

    [(sql, seconds, error)] = [s for s in seen if "FROM outbox_messages" in s[0]]
    assert sql.startswith("SELECT") and seconds >= 0 and error is None
    assert topic not in repr(seen)


async def test_a_failing_statement_is_told_with_its_error(watched):
    database, seen = watched
    with pytest.raises(Exception, match="no_such_table"):
        async with database.read() as session:
            await session.execute(text("SELECT 1 FROM no_such_table"))

    [(sql, _, error)] = [s for s in seen if "no_such_table" in s[0]]
    assert error is not None


async def test_an_engine_made_while_nobody_watches_has_no_hook(database_url):
    database = Database(database_url)
    try:
        assert not event.contains(database.engine.sync_engine, "before_cursor_execute", statement_watch._before)
        assert not event.contains(database.engine.sync_engine, "after_cursor_execute", statement_watch._after)
    finally:
        await database.dispose()
