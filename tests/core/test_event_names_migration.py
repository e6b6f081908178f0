"""Migration 3e9b7d5a2c18: a masks order's events, once named by their action (`ship`), are
named in the past tense (`shipped`) as every other flow's are; other flows' events stay."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from sqlalchemy import select

from carepost.core.kit.db import Database
from carepost.core.kit.migrate import upgrade
from carepost.core.models import Order, OrderEvent
from tests.factories import create_clinic
from tests.scratch_postgres import scratch_database

BEFORE = "8a4f2c6d1e73"


@asynccontextmanager
async def _empty_database(tmp_path) -> AsyncIterator[Database]:
    """An empty database of the suite's kind (the migration runs on both)."""
    if os.environ.get("CAREPOST_TEST_DATABASE_URL"):
        async with scratch_database() as url:
            database = Database(url)
            yield database
            await database.dispose()
    else:
        database = Database(f"sqlite+aiosqlite:///{tmp_path / 'before.db'}")
        yield database
        await database.dispose()


async def _order(database: Database, clinic, *, public_id: str, dialect: str, flow: str, events: list[str]) -> None:
    now = datetime.now(UTC)
    async with database.transaction() as session:
        order = Order(
            public_id=public_id, account_id=clinic.account_id, api_key_id=clinic.live_key_id, mode="live", dialect=dialect, flow=flow,
            status="shipped", recipient={}, attributes={}, warnings=[], placed_at=now, updated_at=now,
        )
        session.add(order)
        await session.flush()
        session.add_all(
            OrderEvent(account_id=clinic.account_id, order_id=order.id, name=name, actor="operator:test", data={}, occurred_at=now)
            for name in events
        )


async def _names(database: Database, public_id: str) -> list[str]:
    async with database.read() as session:
        query = select(OrderEvent.name).join(Order, Order.id == OrderEvent.order_id).where(Order.public_id == public_id)
        return list(await session.scalars(query.order_by(OrderEvent.id)))


async def test_masks_events_are_renamed_in_the_past_tense_and_no_other_flows(tmp_path) -> None:
    async with _empty_database(tmp_path) as database:
        await upgrade(database, BEFORE)
        clinic = await create_clinic(database)
        old = ["placed", "complete_scan", "approve_scan", "reject_scan", "start_mesh", "start_print", "start_qa", "print_label", "ship", "deliver", "cancelled"]
        await _order(database, clinic, public_id="ORD_masks", dialect="masks", flow="made_to_measure", events=[*old, "factory_cancel"])
        # A name another flow might use as is: left alone.
        await _order(database, clinic, public_id="ORD_other", dialect="devices", flow="logistics", events=["placed", "ship", "deliver"])

        await upgrade(database)

        assert await _names(database, "ORD_masks") == [
            "placed", "scan_completed", "scan_approved", "scan_rejected", "mesh_started", "printing_started", "qa_started",
            "label_printed", "shipped", "delivered", "cancelled", "factory_cancelled",
        ]
        assert await _names(database, "ORD_other") == ["placed", "ship", "deliver"]
