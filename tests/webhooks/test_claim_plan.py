"""A webhook claim walks the pending deliveries' partial indexes in whatever plan PostgreSQL
picks for it: a prepared statement is planned generically after five runs, and a generic plan
uses a partial index only if the statement names the indexed value itself."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import sqlalchemy

from carepost.core.kit.clock import utcnow
from carepost.core.webhooks.repository import WebhookRepository


def _sql_literal(value: object) -> str:
    if isinstance(value, datetime):
        return f"'{value.isoformat()}'"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return str(value)  # the claim's limit


async def test_a_claims_generic_plan_walks_the_pending_deliveries_index(db):
    if db.dialect_name != "postgresql":
        pytest.skip("prepared statements' generic plans are PostgreSQL's")
    heard: list[tuple[str, tuple[object, ...]]] = []

    def hear(_connection, _cursor, statement, parameters, *_):
        heard.append((statement, tuple(parameters)))

    async with db.transaction() as session:
        sqlalchemy.event.listen(db.engine.sync_engine, "before_cursor_execute", hear)
        try:
            now = utcnow()
            await WebhookRepository(session).claim_due(now=now, lease_until=now + timedelta(seconds=30), limit=100)
        finally:
            sqlalchemy.event.remove(db.engine.sync_engine, "before_cursor_execute", hear)
        [(claim, parameters)] = [(sql, params) for sql, params in heard if "SKIP LOCKED" in sql]

        connection = await session.connection()
        await connection.exec_driver_sql("SET LOCAL plan_cache_mode = force_generic_plan")
        await connection.exec_driver_sql(f"PREPARE webhook_claim AS {claim}")
        try:
            arguments = ", ".join(_sql_literal(value) for value in parameters)
            plan = "\n".join(row[0] for row in await connection.exec_driver_sql(f"EXPLAIN (COSTS OFF) EXECUTE webhook_claim({arguments})"))
        finally:
            await connection.exec_driver_sql("DEALLOCATE webhook_claim")

    assert "ix_webhook_deliveries_pending" in plan, plan
