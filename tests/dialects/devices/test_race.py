"""Fifty orders racing for the last units of one item, through the HTTP API."""

from __future__ import annotations

import asyncio
from collections import Counter

from sqlalchemy import select

from carepost.core.models import OrderTally, Stock
from tests.devices_world import devices_world, patient_order


async def test_fifty_orders_for_ten_units_never_oversell(db, client):
    world = await devices_world(db, strips=10)
    body = patient_order(world, orderKits=[], orderItems=[{"count": 1, "item": {"id": world.items["strips"]}}])

    responses = await asyncio.gather(
        *(client.post("/api/v3/order", json=body, headers=world.headers()) for _ in range(50))
    )

    outcomes = Counter((r.status_code, r.json().get("message")) for r in responses)
    assert outcomes == {(201, None): 10, (400, "insufficient_inventory"): 40}
    async with db.transaction() as session:
        stock = await session.scalar(
            select(Stock).where(Stock.fulfillment_site_id == world.fulfillment_site, Stock.item_id == world.items["strips"])
        )
    assert (stock.on_hand, stock.reserved) == (10, 10)
    listed = (await client.get("/api/v3/order", params={"size": 100}, headers=world.headers())).json()
    assert listed["total"] == 10
    async with db.transaction() as session:  # the count is spread over slots, not one row every order waits on
        tallies = list(await session.scalars(select(OrderTally).where(OrderTally.account_id == world.customer.account_id)))
    assert sum(t.count for t in tallies) == 10 and len({t.slot for t in tallies}) > 1
