"""Every partner call leaves a request-log row, test and live alike, without patient data."""

from __future__ import annotations

from sqlalchemy import select

from carepost.core.models import RequestLogEntry
from tests.dialects.masks.helpers import ORDERS, place, status_url
from tests.factories import create_clinic, mask_order


async def _entry(app, db, request_id: str) -> RequestLogEntry:
    await app.state.call_log.flush()  # rows are written in batches, a moment after the response
    async with db.transaction() as session:
        return await session.scalar(select(RequestLogEntry).where(RequestLogEntry.request_id == request_id))


async def test_live_and_test_calls_are_logged_with_route_templates(app, client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.test_key)

    live = await client.post(ORDERS, json=mask_order(), headers={"X-Api-Key": clinic.live_key})
    test = await client.get(status_url(order_id), headers={"X-Api-Key": clinic.test_key})

    live_entry, test_entry = await _entry(app, db, live.headers["request-id"]), await _entry(app, db, test.headers["request-id"])
    assert (live_entry.mode, live_entry.status_code, live_entry.method) == ("live", 201, "POST")
    assert live_entry.route == "/api/partner/v1/orders"
    assert (test_entry.mode, test_entry.status_code) == ("test", 200)
    assert test_entry.route == "/api/partner/v1/orders/{vitacore_order_id}/status"
    assert order_id not in test_entry.route
    assert live_entry.account_id == test_entry.account_id == clinic.account_id
    assert live_entry.dialect == "masks"


async def test_failed_and_unauthenticated_calls_are_logged_too(app, client, db):
    clinic = await create_clinic(db)

    refused = await client.post(ORDERS, json=mask_order(patient_email="jane.doe@example.com", phone="x"))
    invalid = await client.post(ORDERS, json=mask_order(phone="no phone"), headers={"X-Api-Key": clinic.live_key})

    anonymous = await _entry(app, db, refused.headers["request-id"])
    assert anonymous.status_code == 401 and anonymous.account_id is None
    logged = await _entry(app, db, invalid.headers["request-id"])
    assert logged.status_code == 400 and logged.account_id == clinic.account_id
    columns = [str(getattr(logged, c.key)) for c in RequestLogEntry.__table__.columns]
    assert not any("jane" in value or "example.com" in value for value in columns)
