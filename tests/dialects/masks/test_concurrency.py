"""Concurrent duplicates: one idempotency key, twenty simultaneous creates."""

from __future__ import annotations

import asyncio
from collections import Counter

from sqlalchemy import func, select

from carepost.core.models import CommerceLedgerOrder, IdempotencyRecord, Order
from tests.dialects.masks.helpers import ORDERS
from tests.factories import create_clinic, mask_order


async def test_twenty_concurrent_creates_with_one_key_make_exactly_one_order(client, db):
    clinic = await create_clinic(db)
    body = mask_order(idempotency_key="concurrent-key-0001")
    headers = {"X-Api-Key": clinic.live_key}

    responses = await asyncio.gather(*(client.post(ORDERS, json=body, headers=headers) for _ in range(20)))

    # The duplicates wait for the first request's transaction, then replay its answer.
    statuses = Counter(r.status_code for r in responses)
    assert statuses == Counter({201: 1, 200: 19}), statuses
    order_ids = {r.json()["data"]["vitacore_order_id"] for r in responses}
    assert len(order_ids) == 1
    async with db.transaction() as session:
        orders = await session.scalar(select(func.count()).select_from(Order).where(Order.account_id == clinic.account_id))
        store = await session.scalar(
            select(func.count()).select_from(CommerceLedgerOrder).where(CommerceLedgerOrder.account_id == clinic.account_id)
        )
    assert orders == 1 and store == 1

    # Once the first request has finished, every retry is a replay of it.
    retry = await client.post(ORDERS, json=body, headers=headers)
    assert retry.status_code == 200 and retry.json()["data"]["vitacore_order_id"] in order_ids


async def test_concurrent_creates_without_a_key_each_make_an_order_with_distinct_store_numbers(client, db):
    clinic = await create_clinic(db)
    headers = {"X-Api-Key": clinic.live_key}

    responses = await asyncio.gather(*(client.post(ORDERS, json=mask_order(), headers=headers) for _ in range(10)))

    assert [r.status_code for r in responses] == [201] * 10
    names = sorted(r.json()["data"]["shopify_order_name"] for r in responses)
    assert names == [f"#{n}" for n in range(1001, 1011)]


async def test_a_failed_first_request_releases_its_key(client, db):
    clinic = await create_clinic(db, mask_types=("cpap",))
    headers = {"X-Api-Key": clinic.live_key}
    key = "released-after-403"

    refused = await client.post(ORDERS, json=mask_order(mask_type="nose", idempotency_key=key), headers=headers)
    corrected = await client.post(ORDERS, json=mask_order(mask_type="cpap", idempotency_key=key), headers=headers)

    assert refused.status_code == 403
    assert corrected.status_code == 201
    async with db.transaction() as session:
        record = await session.scalar(
            select(IdempotencyRecord).where(IdempotencyRecord.account_id == clinic.account_id, IdempotencyRecord.key == key)
        )
    assert record.state == "completed" and record.response_status == 201
