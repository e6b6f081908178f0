"""Lean statements (core/kit/lean.py) give what the ORM gives, in the same transaction,
with the same errors, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import bindparam, insert, select
from sqlalchemy.exc import IntegrityError

from carepost.core.kit.lean import LeanStatement
from carepost.core.models import Coupon, OutboxMessage
from tests.factories import create_clinic

_MESSAGE = LeanStatement(
    select(OutboxMessage.id, OutboxMessage.payload, OutboxMessage.created_at, OutboxMessage.attempts).where(
        OutboxMessage.topic == bindparam("topic")
    )
)
_APPEND = LeanStatement(
    insert(OutboxMessage).values(
        topic=bindparam("topic"), payload=bindparam("payload"), created_at=bindparam("at"), available_at=bindparam("at"), attempts=0
    )
)
_COUPON = LeanStatement(
    insert(Coupon).values(account_id=bindparam("account_id"), code=bindparam("code"), value=bindparam("value"), uses=0)
)
_COUPON_VALUE = LeanStatement(select(Coupon.value).where(Coupon.code == bindparam("code")))


def _topic() -> str:
    return f"test.lean.{uuid.uuid4().hex[:10]}"


async def test_rows_come_back_as_the_orm_gives_them(db):
    topic, at = _topic(), datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
    async with db.transaction() as session:
        await _APPEND.rows(session, topic=topic, payload={"order_id": "ORD_1", "n": [1, 2]}, at=at)
    async with db.read() as session:
        [(message_id, payload, created_at, attempts)] = await _MESSAGE.rows(session, topic=topic)
        orm = await session.scalar(select(OutboxMessage).where(OutboxMessage.id == message_id))
    assert payload == {"order_id": "ORD_1", "n": [1, 2]} == orm.payload
    assert created_at == at == orm.created_at and created_at.tzinfo is not None  # UTC-aware, as UTCDateTime gives
    assert attempts == 0  # a value written into the statement itself


async def test_exact_decimals_survive_on_both_databases(db):
    clinic = await create_clinic(db)
    code = f"LEAN{uuid.uuid4().hex[:6]}"
    async with db.transaction() as session:
        await _COUPON.rows(session, account_id=clinic.account_id, code=code, value=Decimal("12.3456"))
    async with db.read() as session:
        assert await _COUPON_VALUE.first(session, code=code) == (Decimal("12.3456"),)


async def test_a_lean_statement_first_in_a_transaction_is_rolled_back_with_it(db):
    """On PostgreSQL SQLAlchemy sends BEGIN lazily; a lean statement that comes first must
    open the transaction itself, or its row would commit on its own."""
    topic = _topic()
    with pytest.raises(RuntimeError):
        async with db.transaction() as session:
            await _APPEND.rows(session, topic=topic, payload={}, at=datetime.now(UTC))
            raise RuntimeError("the request failed after writing")
    async with db.read() as session:
        assert await _MESSAGE.rows(session, topic=topic) == []


async def test_driver_errors_are_sqlalchemys(db):
    clinic = await create_clinic(db)
    code = f"LEAN{uuid.uuid4().hex[:6]}"
    async with db.transaction() as session:
        await _COUPON.rows(session, account_id=clinic.account_id, code=code, value=Decimal("1"))
    with pytest.raises(IntegrityError):
        async with db.transaction() as session:
            await _COUPON.rows(session, account_id=clinic.account_id, code=code, value=Decimal("2"))
