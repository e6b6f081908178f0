"""The bench's bare baseline (bench/baseline.py) stands for Carepost's own SQL with nothing
around it: for every benchmarked request it must send statements of the same shapes, in the
same order, as Carepost does. A statement or a migration that changes one side and not the
other fails here, not silently in a bench run's ratios (bench/statements.py)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import literal_column, select, text

from bench import pg, statements
from bench.statements import SCENARIOS, Shape, both_sides, shape, shapes
from carepost.core.kit.db import Database
from carepost.core.kit.lean import LeanStatement

SERVER = "postgresql://postgres@127.0.0.1:5432"  # the baseline is PostgreSQL's alone, whatever the suite runs on


@pytest.fixture(scope="module")
async def sent(tmp_path_factory: pytest.TempPathFactory) -> tuple[statements.Statements, statements.Statements]:
    async with pg.scratch_database(SERVER, "carepost_statements") as dsn:
        return await both_sides(dsn, tmp_path_factory.mktemp("statements"))


@pytest.mark.parametrize("scenario", SCENARIOS)
async def test_the_baseline_sends_what_carepost_sends(sent, scenario: str):
    carepost, baseline = sent
    assert len(carepost[scenario]) > 3  # heard: the key, the transaction, the work
    assert shapes(baseline[scenario]) == shapes(carepost[scenario])


def test_a_shape_tells_what_a_statement_does_not_how_it_is_spelled():
    assert shape("SELECT orders.id FROM orders WHERE orders.id = $1::BIGINT") == shape("SELECT * FROM orders WHERE id = $1")
    assert shape("INSERT INTO t (a, b) VALUES ($1::INTEGER, $2::VARCHAR) RETURNING t.id") == Shape("INSERT", ("t",), ("a", "b"))
    # A column more written, another table read, a commit: other shapes.
    assert shape("INSERT INTO t (a, b, c) VALUES ($1, $2, $3)") != shape("INSERT INTO t (a, b) VALUES ($1, $2)")
    assert shape("UPDATE t SET a = $1 WHERE id = $2") != shape("UPDATE t SET a = $1, b = $2 WHERE id = $3")
    assert shape("SELECT * FROM a JOIN b ON b.id = a.b_id") != shape("SELECT * FROM a")
    assert shape("BEGIN ISOLATION LEVEL READ COMMITTED;") == shape("BEGIN;") != shape("COMMIT;")


async def test_statements_are_heard_in_the_order_they_ran_lean_and_orm_alike():
    """asyncpg tells its query loggers a loop turn after a statement; SQLAlchemy's event comes
    before one. Heard in the order they ran, or the baseline would be matched to a wrong order."""
    sent: list[str] = []
    async with pg.scratch_database(SERVER, "carepost_heard") as dsn:
        db = Database(dsn.replace("postgresql://", "postgresql+asyncpg://"))
        try:
            with statements.heard(sent):
                async with db.transaction() as session:
                    await LeanStatement(select(literal_column("'lean first'"))).rows(session)
                    await session.execute(text("SELECT 'orm second'"))
                    await LeanStatement(select(literal_column("'lean third'"))).rows(session)
                    await asyncio.sleep(0)  # the last one's logger
        finally:
            await db.dispose()

    assert [sql for sql in sent if "'" in sql] == ["SELECT 'lean first'", "SELECT 'orm second'", "SELECT 'lean third'"]
