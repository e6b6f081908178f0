"""502 when the store refuses the order, and nothing is left half-made."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from carepost.app import create_app
from carepost.core.commerce.port import CommerceFailed, StoreOrderDraft, StoreOrderRef
from carepost.core.models import IdempotencyRecord, Order, OutboxMessage
from tests.dialects.masks.helpers import ORDERS
from tests.factories import create_clinic, mask_order


class UnreachableStore:
    """Stands in for the outside store (Shopify) being down; our own layers stay real."""

    async def create_order(self, draft: StoreOrderDraft) -> StoreOrderRef:
        raise CommerceFailed("The store did not answer.")

    async def cancel_order(self, *, account_id: int, order_id: str) -> None:
        raise CommerceFailed("The store did not answer.")


@pytest.fixture
async def client_with_store_down(settings):
    app = create_app(settings, commerce=lambda session, account_id: UnreachableStore())
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        yield http
    await app.state.runtime.db.dispose()


async def test_502_when_the_store_fails_and_no_order_remains(client_with_store_down, db):
    clinic = await create_clinic(db)
    key = "store-down-key-1"

    response = await client_with_store_down.post(
        ORDERS, json=mask_order(idempotency_key=key), headers={"X-Api-Key": clinic.live_key}
    )

    assert response.status_code == 502
    assert response.json()["error"]["code"] == "commerce_failed"
    async with db.transaction() as session:
        orders = await session.scalar(select(func.count()).select_from(Order).where(Order.account_id == clinic.account_id))
        outbox = await session.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.account_id == clinic.account_id)
        )
        record = await session.scalar(select(IdempotencyRecord).where(IdempotencyRecord.key == key))
    assert orders == 0 and outbox == 0 and record is None


async def test_test_keys_never_reach_the_store(client_with_store_down, db):
    clinic = await create_clinic(db)

    response = await client_with_store_down.post(ORDERS, json=mask_order(), headers={"X-Api-Key": clinic.test_key})

    assert response.status_code == 201


async def test_cancel_is_502_and_changes_nothing_when_the_store_cannot_cancel(client, client_with_store_down, db):
    clinic = await create_clinic(db)
    created = await client.post(ORDERS, json=mask_order(), headers={"X-Api-Key": clinic.live_key})
    order_id = created.json()["data"]["vitacore_order_id"]

    response = await client_with_store_down.post(f"{ORDERS}/{order_id}/cancel", headers={"X-Api-Key": clinic.live_key})

    assert response.status_code == 502
    status = await client.get(f"{ORDERS}/{order_id}/status", headers={"X-Api-Key": clinic.live_key})
    assert status.json()["data"]["is_cancelled"] is False
