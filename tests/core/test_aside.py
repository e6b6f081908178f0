"""db.aside: a store's order number is taken in a transaction beside the order's, so the
account's counter row is not locked until the order commits (docs/performance.md)."""

from __future__ import annotations

import asyncio

import pytest

from carepost.adapters.commerce.repository import LedgerRepository
from tests.factories import create_clinic


class _RolledBack(Exception):
    pass


async def test_a_number_taken_aside_stays_taken_when_the_order_rolls_back_on_postgresql(db):
    clinic = await create_clinic(db)
    with pytest.raises(_RolledBack):
        async with db.transaction() as session:
            assert await LedgerRepository(session).next_number(account_id=clinic.account_id, counter="aside") == 1
            raise _RolledBack
    async with db.transaction() as session:
        after = await LedgerRepository(session).next_number(account_id=clinic.account_id, counter="aside")
    # A gap on PostgreSQL, as a sequence leaves; SQLite (one writer) takes it in the order's
    # transaction, which took it back.
    assert after == (2 if db.dialect_name == "postgresql" else 1)


async def test_an_open_order_does_not_hold_the_counter_for_the_next_one(db):
    if db.dialect_name != "postgresql":
        pytest.skip("SQLite has one writer: a second transaction waits for the first whatever it locks")
    clinic = await create_clinic(db)
    first_took = asyncio.Event()
    finish_first = asyncio.Event()

    async def first() -> int:
        async with db.transaction() as session:
            number = await LedgerRepository(session).next_number(account_id=clinic.account_id, counter="aside")
            first_took.set()
            await finish_first.wait()  # still open while the second takes its number
            return number

    async def second() -> int:
        await first_took.wait()
        async with db.transaction() as session:
            number = await LedgerRepository(session).next_number(account_id=clinic.account_id, counter="aside")
        finish_first.set()
        return number

    # Were the row locked until the first commits, the second would wait for it and it for the second.
    numbers = await asyncio.wait_for(asyncio.gather(first(), second()), timeout=30)
    assert numbers == [1, 2]
