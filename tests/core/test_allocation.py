"""Allocation: one site for everything, never oversold, even with fifty orders racing."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import select

from carepost.core.inventory.allocation import allocate, expand, release
from carepost.core.kit.clock import utcnow
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import FulfillmentSite, Item, Manufacturer, Order, SandboxStock, Stock
from carepost.core.orders.repository import OrderRepository
from tests.factories import create_clinic


async def _catalog(db, *, stock: dict[str, dict[str, int]]) -> tuple[dict[str, int], dict[str, int]]:
    """Items a, b, … and sites s1, s2, … with the given on-hand stock; returns their ids."""
    tag = uuid.uuid4().hex[:8]
    async with db.transaction() as session:
        maker = Manufacturer(name=f"Maker {tag}")
        session.add(maker)
        await session.flush()
        item_names = sorted({name for levels in stock.values() for name in levels})
        items = {name: Item(sku=f"{name}-{tag}", name=name, model="m", manufacturer_id=maker.id, orderable=True) for name in item_names}
        sites = {name: FulfillmentSite(code=f"{name}-{tag}", name=name) for name in stock}
        session.add_all([*items.values(), *sites.values()])
        await session.flush()
        for site_name, levels in stock.items():
            for item_name, on_hand in levels.items():
                session.add(Stock(fulfillment_site_id=sites[site_name].id, item_id=items[item_name].id, on_hand=on_hand, reserved=0))
    return {n: i.id for n, i in items.items()}, {n: s.id for n, s in sites.items()}


async def _order(session, clinic) -> Order:
    now = utcnow()
    return await OrderRepository(session).add(
        Order(
            account_id=clinic.account_id, api_key_id=clinic.live_key_id, mode="live", dialect="devices", flow="logistics",
            status="reconfirmAddress", recipient={}, attributes={}, warnings=[], placed_at=now, updated_at=now,
        )
    )


async def _stock(db, site_id: int, item_id: int) -> Stock:
    async with db.transaction() as session:
        return await session.scalar(select(Stock).where(Stock.fulfillment_site_id == site_id, Stock.item_id == item_id))


def test_kits_expand_into_their_items():
    assert expand([(1, 2), (2, 1)], [({1: 1, 3: 2}, 3)]) == {1: 5, 2: 1, 3: 6}
    assert expand([], []) == {}



def _noting(chosen: list[int]):
    """An `on_site` that notes each site it is told."""
    async def note(site_id: int) -> None:
        chosen.append(site_id)
    return note

async def test_fifty_orders_racing_for_ten_units_never_oversell(db):
    clinic = await create_clinic(db)
    items, sites = await _catalog(db, stock={"s1": {"hub": 10}})
    outcomes: list[str] = []

    async def one_order() -> None:
        try:
            async with db.transaction() as session:
                order = await _order(session, clinic)
                await allocate(session, account_id=clinic.account_id, order_id=order.id, needed={items["hub"]: 1}, reserve=True)
            outcomes.append("reserved")
        except InvalidInput as refused:
            outcomes.append(refused.code)

    await asyncio.gather(*(one_order() for _ in range(50)))

    assert outcomes.count("reserved") == 10
    assert outcomes.count("insufficient_inventory") == 40
    row = await _stock(db, sites["s1"], items["hub"])
    assert (row.on_hand, row.reserved) == (10, 10)


async def test_orders_of_two_items_racing_take_both_or_neither(db):
    """Several items are taken under a savepoint: a site that runs out of the
    second item gives the first one back before the next site is tried."""
    clinic = await create_clinic(db)
    items, sites = await _catalog(db, stock={"s1": {"cuff": 4, "hub": 3}, "s2": {"cuff": 2, "hub": 5}})
    outcomes: list[str] = []

    async def one_order() -> None:
        try:
            async with db.transaction() as session:
                order = await _order(session, clinic)
                await allocate(session, account_id=clinic.account_id, order_id=order.id, needed={items["cuff"]: 1, items["hub"]: 1}, reserve=True)
            outcomes.append("reserved")
        except InvalidInput as refused:
            outcomes.append(refused.code)

    await asyncio.gather(*(one_order() for _ in range(20)))

    assert outcomes.count("reserved") == 5  # three at s1 (hubs run out), two at s2 (cuffs run out)
    for site in ("s1", "s2"):
        cuff, hub = await _stock(db, sites[site], items["cuff"]), await _stock(db, sites[site], items["hub"])
        assert cuff.reserved == hub.reserved, site  # never one without the other
    assert [(await _stock(db, sites[s], items["hub"])).reserved for s in ("s1", "s2")] == [3, 2]


async def test_one_site_must_ship_everything(db):
    clinic = await create_clinic(db)
    items, sites = await _catalog(db, stock={"s1": {"a": 5, "b": 0}, "s2": {"a": 1, "b": 5}, "s3": {"a": 5, "b": 5}})

    chosen: list[int] = []
    async with db.transaction() as session:
        order = await _order(session, clinic)
        await allocate(
            session, account_id=clinic.account_id, order_id=order.id, needed={items["a"]: 2, items["b"]: 2}, reserve=True,
            on_site=_noting(chosen),
        )

    assert chosen == [sites["s3"]]
    with pytest.raises(InvalidInput) as refused:
        async with db.transaction() as session:
            order = await _order(session, clinic)
            await allocate(session, account_id=clinic.account_id, order_id=order.id, needed={items["a"]: 4, items["b"]: 4}, reserve=True)
    assert refused.value.code == "insufficient_inventory"


async def test_the_reservation_is_taken_last_and_a_late_refusal_undoes_the_whole_transaction(db):
    """The stock row is written just before the commit (db.run_last), so it is locked for
    the commit alone; units gone by then refuse the order, and nothing of it is kept."""
    clinic = await create_clinic(db)
    items, sites = await _catalog(db, stock={"s1": {"a": 1}})
    chosen: list[int] = []
    with pytest.raises(InvalidInput) as refused:
        async with db.transaction() as session:
            order = await _order(session, clinic)
            await allocate(
                session, account_id=clinic.account_id, order_id=order.id, needed={items["a"]: 1}, reserve=True,
                on_site=_noting(chosen),
            )
            row = await session.scalar(select(Stock).where(Stock.item_id == items["a"]))
            assert (row.reserved, chosen) == (0, [])  # checked, not yet taken
            row.reserved = 1  # as if another order took the last unit meanwhile
            await session.flush()
            order_id = order.id

    assert refused.value.code == "insufficient_inventory"
    assert chosen == []
    assert (await _stock(db, sites["s1"], items["a"])).reserved == 0  # rolled back with the rest
    async with db.transaction() as session:
        assert await session.get(Order, order_id) is None  # the refused order left nothing


async def test_test_orders_check_the_sandbox_shelf_and_never_consume_stock(db):
    clinic = await create_clinic(db)
    items, sites = await _catalog(db, stock={"s1": {"a": 1}})
    async with db.transaction() as session:
        session.add(SandboxStock(fulfillment_site_id=sites["s1"], item_id=items["a"], on_hand=5))

    chosen: list[int] = []
    async with db.transaction() as session:
        order = await _order(session, clinic)
        await allocate(
            session, account_id=clinic.account_id, order_id=order.id, needed={items["a"]: 5}, reserve=False, on_site=_noting(chosen)
        )
    with pytest.raises(InvalidInput):
        async with db.transaction() as session:
            order = await _order(session, clinic)
            await allocate(session, account_id=clinic.account_id, order_id=order.id, needed={items["a"]: 6}, reserve=False)

    assert chosen == [sites["s1"]]  # five, though the live shelf holds one
    assert (await _stock(db, sites["s1"], items["a"])).reserved == 0
    async with db.transaction() as session:
        assert (await session.get(SandboxStock, (sites["s1"], items["a"]))).on_hand == 5  # checked, never drawn down


async def test_release_gives_the_stock_back_once(db):
    clinic = await create_clinic(db)
    items, sites = await _catalog(db, stock={"s1": {"a": 3}})
    async with db.transaction() as session:
        order = await _order(session, clinic)
        await allocate(session, account_id=clinic.account_id, order_id=order.id, needed={items["a"]: 3}, reserve=True)

    async with db.transaction() as session:
        await release(session, order_id=order.id)
    async with db.transaction() as session:
        await release(session, order_id=order.id)  # a second release changes nothing

    assert (await _stock(db, sites["s1"], items["a"])).reserved == 0


async def test_the_database_itself_refuses_overselling(db):
    items, sites = await _catalog(db, stock={"s1": {"a": 1}})

    with pytest.raises(Exception) as refused:
        async with db.transaction() as session:
            row = await session.scalar(select(Stock).where(Stock.item_id == items["a"]))
            row.reserved = 2
    assert "never_oversold" in str(refused.value) or "CHECK" in str(refused.value).upper()
