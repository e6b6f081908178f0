"""Order public ids: a collision with an existing id draws again, inside the same transaction."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from carepost.core.kit.clock import utcnow
from carepost.core.models import Order
from carepost.core.orders import repository
from carepost.core.orders.repository import OrderRepository
from tests.factories import create_clinic


def _order(clinic) -> Order:
    now = utcnow()
    return Order(
        account_id=clinic.account_id, api_key_id=clinic.live_key_id, mode="live", dialect="masks", flow="made_to_measure",
        status="awaiting_scan", recipient={}, attributes={}, warnings=[], placed_at=now, updated_at=now,
    )


async def test_a_colliding_public_id_is_drawn_again(db, monkeypatch):
    clinic = await create_clinic(db)
    async with db.transaction() as session:
        first = await OrderRepository(session).add(_order(clinic))

    fresh = f"ORD_T{uuid.uuid4().hex[:20]}"
    draws = iter([first.public_id, first.public_id, fresh])
    monkeypatch.setattr(repository, "order_public_id", lambda: next(draws))
    async with db.transaction() as session:
        second = await OrderRepository(session).add(_order(clinic))

    assert second.public_id == fresh and second.id != first.id
    assert second.commerce_cancelled is False  # column defaults still apply
    async with db.transaction() as session:
        count = await session.scalar(select(func.count()).select_from(Order).where(Order.account_id == clinic.account_id))
    assert count == 2


async def test_it_gives_up_after_a_few_draws(db, monkeypatch):
    clinic = await create_clinic(db)
    async with db.transaction() as session:
        first = await OrderRepository(session).add(_order(clinic))

    monkeypatch.setattr(repository, "order_public_id", lambda: first.public_id)
    with pytest.raises(RuntimeError, match="no free order public id"):
        async with db.transaction() as session:
            await OrderRepository(session).add(_order(clinic))
