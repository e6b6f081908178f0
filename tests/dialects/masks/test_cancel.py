"""POST /api/partner/v1/orders/{id}/cancel: success, repeat, scoping, and the 409 rule."""

from __future__ import annotations

from sqlalchemy import select, update

from carepost.core.manufacturing.lifecycle import MaskStep
from carepost.core.models import CommerceLedgerOrder, Order, OrderEvent
from tests.dialects.masks.helpers import cancel_url, place, status_url
from tests.factories import create_clinic, issue_key


async def test_cancel_before_scan_upload_cancels_here_and_in_the_store(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    response = await client.post(
        cancel_url(order_id),
        json={"reason": "Patient no longer needs mask", "partner_reference": "ticket-42"},
        headers={"X-Api-Key": clinic.live_key},
    )

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["vitacore_order_id"] == order_id
    assert data["already_cancelled"] is False
    assert data["cancelled_at"] is not None
    assert data["shopify_cancelled"] is True
    assert data["scan_upload_blocked"] is True
    assert set(data) == {
        "vitacore_order_id", "shopify_order_id", "already_cancelled", "cancelled_at", "shopify_cancelled",
        "scan_upload_blocked",
    }
    status = (await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})).json()["data"]
    assert status["is_cancelled"] is True
    assert status["current_step_id"] == "cancelled"
    assert status["cancelled_at"] == data["cancelled_at"]
    async with db.transaction() as session:
        order = await session.scalar(select(Order).where(Order.public_id == order_id))
        store = await session.scalar(select(CommerceLedgerOrder).where(CommerceLedgerOrder.account_id == clinic.account_id))
        events = (await session.scalars(select(OrderEvent.name).where(OrderEvent.order_id == order.id).order_by(OrderEvent.id))).all()
    assert order.cancel_reason == "Patient no longer needs mask"
    assert order.cancel_reference == "ticket-42"
    assert store.cancelled_at is not None
    assert events == ["placed", "cancelled"]


async def test_cancelling_twice_reports_the_original_cancellation(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    headers = {"X-Api-Key": clinic.live_key}

    first = (await client.post(cancel_url(order_id), headers=headers)).json()["data"]
    second = await client.post(cancel_url(order_id), json={"reason": "again"}, headers=headers)

    assert second.status_code == 200
    assert second.json()["data"]["already_cancelled"] is True
    assert second.json()["data"]["cancelled_at"] == first["cancelled_at"]
    assert second.json()["data"]["shopify_cancelled"] is True


async def test_cancel_with_a_test_key_skips_the_store(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.test_key)

    response = await client.post(cancel_url(order_id), json={"secret_key": clinic.test_key})

    assert response.status_code == 200
    assert response.json()["data"]["shopify_cancelled"] is False
    assert response.json()["data"]["already_cancelled"] is False


async def test_cancel_is_404_outside_the_placing_key(client, db):
    clinic, other_clinic = await create_clinic(db), await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    other_key = await issue_key(db, clinic)

    for key in (other_clinic.live_key, other_key, clinic.test_key):
        response = await client.post(cancel_url(order_id), headers={"X-Api-Key": key})
        assert response.status_code == 404
    unknown = await client.post(cancel_url("ORD_1234567890"), headers={"X-Api-Key": clinic.live_key})
    assert unknown.status_code == 404
    status = (await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})).json()["data"]
    assert status["is_cancelled"] is False


async def test_cancel_401_without_a_valid_key(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    assert (await client.post(cancel_url(order_id))).status_code == 401
    assert (await client.post(cancel_url(order_id), json={"secret_key": "cpk_live_wrong"})).status_code == 401


async def test_cancel_is_409_once_the_scan_is_complete_production_started_or_shipped(client, db):
    """The later issue's scan portal and factory move orders; here the state is set directly."""
    clinic = await create_clinic(db)
    headers = {"X-Api-Key": clinic.live_key}
    for step in (MaskStep.SCAN_REVIEW, MaskStep.MESHING, MaskStep.PRINTING, MaskStep.SHIPPED):
        order_id = await place(client, clinic.live_key)
        async with db.transaction() as session:
            await session.execute(update(Order).where(Order.public_id == order_id).values(status=step.value))

        response = await client.post(cancel_url(order_id), headers=headers)

        assert response.status_code == 409, step
        assert response.json()["error"]["code"] == "order_not_cancellable"
        status = (await client.get(status_url(order_id), headers=headers)).json()["data"]
        assert status["is_cancelled"] is False


async def test_cancel_validates_its_optional_fields(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    too_long = await client.post(cancel_url(order_id), json={"reason": "x" * 513}, headers={"X-Api-Key": clinic.live_key})

    assert too_long.status_code == 400
    assert too_long.json()["error"]["fields"][0]["field"] == "reason"
