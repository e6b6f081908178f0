"""An order walked through the factory; the status body checked at every step."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from biip.gs1_messages import GS1Message
from sqlalchemy import select
from stdnum import ean

from carepost.adapters.commerce.ledger import LedgerStore
from carepost.core.flows.inputs import ActionInput
from carepost.core.flows.spec import Ports
from carepost.core.kit.errors import Conflict, InvalidInput
from carepost.core.models import Order
from carepost.core.orders.transitions import transition
from tests.dialects.masks.helpers import cancel_url, place, status_url
from tests.factories import create_clinic

OPERATOR = "operator:test"


async def _advance(db, order_id: str, action: str, **given) -> None:
    async with db.transaction() as session:
        order = await session.scalar(select(Order).where(Order.public_id == order_id))
        await transition(session, order=order, action=action, actor=OPERATOR, given=ActionInput(**given), ports=Ports(commerce=LedgerStore(session)))


async def test_walk_from_scan_to_delivery(client, db):
    clinic = await create_clinic(db)
    headers = {"X-Api-Key": clinic.live_key}
    order_id = await place(client, clinic.live_key, mask_type="nose")

    async def status() -> dict:
        response = await client.get(status_url(order_id), headers=headers)
        assert response.status_code == 200
        return response.json()["data"]

    await _advance(db, order_id, "complete_scan")
    after_upload = await status()
    assert re.fullmatch(r"SCAN_\d{13}_[a-z0-9]{9}", after_upload["scan_id"])
    assert (after_upload["scan_status"], after_upload["current_step_id"]) == ("pending", "scan_review")
    assert (await client.post(cancel_url(order_id), headers=headers)).status_code == 409

    await _advance(db, order_id, "approve_scan")
    assert ((await status())["scan_status"], (await status())["current_step_id"]) == ("approved", "scan_approved")

    for action, step, label in [("start_mesh", "meshing", "Meshing"), ("start_print", "printing", "Printing"), ("start_qa", "qa", "Quality check")]:
        await _advance(db, order_id, action)
        current = await status()
        assert (current["current_step_id"], current["current_step_label"]) == (step, label)
        assert current["udi"] is None and current["tracking"] is None
        assert (await client.post(cancel_url(order_id), headers=headers)).status_code == 409  # production started

    await _advance(db, order_id, "print_label")
    labelled = await status()
    udi = labelled["udi"]
    assert labelled["current_step_id"] == "labelled"
    assert udi["di"] == "00628678429109" and ean.is_valid(udi["di"])
    assert re.fullmatch(r"[A-Z0-9]{7}", udi["lot"])
    assert udi["production_date"] == datetime.now(UTC).date().isoformat()
    parsed = GS1Message.parse_hri(udi["gs1_element_string"])
    assert [(s.ai.ai, s.value) for s in parsed.element_strings] == [
        ("01", udi["di"]), ("11", datetime.now(UTC).date().strftime("%y%m%d")), ("10", udi["lot"])
    ]
    assert udi["printed_at"].endswith("Z")

    await _advance(db, order_id, "ship", carrier="ups", tracking_number="1Z999AA10123456784", shipped_date=date(2026, 6, 12))
    shipped = await status()
    assert shipped["is_shipped"] is True and shipped["current_step_id"] == "shipped"
    assert shipped["tracking"] == {"carrier": "ups", "tracking_number": "1Z999AA10123456784", "shipped_date": "2026-06-12"}
    assert (await client.post(cancel_url(order_id), headers=headers)).status_code == 409

    await _advance(db, order_id, "deliver")
    delivered = await status()
    assert delivered["current_step_id"] == "delivered" and delivered["is_shipped"] is True
    assert delivered["udi"] == udi and delivered["updated_at"] >= shipped["updated_at"]


async def test_a_rejected_scan_sends_the_order_back_to_awaiting_scan(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    await _advance(db, order_id, "complete_scan")
    await _advance(db, order_id, "reject_scan", note="Calibration card not visible")
    data = (await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})).json()["data"]

    assert (data["current_step_id"], data["scan_status"]) == ("awaiting_scan", "rejected")
    assert (await client.post(cancel_url(order_id), headers={"X-Api-Key": clinic.live_key})).status_code == 200


async def test_steps_out_of_order_are_refused(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    with pytest.raises(Conflict) as refused:
        await _advance(db, order_id, "print_label")

    assert refused.value.code == "transition_not_allowed"  # one refusal code in the core; the masks sandbox says step_not_allowed


async def test_shipping_needs_a_tracking_number(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    for action in ("complete_scan", "approve_scan", "start_mesh", "start_print", "start_qa", "print_label"):
        await _advance(db, order_id, action)

    with pytest.raises(InvalidInput):
        await _advance(db, order_id, "ship", carrier="ups")


async def test_factory_cancel_cancels_the_store_order_too(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    await _advance(db, order_id, "complete_scan")

    await _advance(db, order_id, "factory_cancel", note="Scan unusable, patient unreachable")

    data = (await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})).json()["data"]
    assert data["is_cancelled"] is True and data["cancelled_at"] is not None
    repeat = (await client.post(cancel_url(order_id), headers={"X-Api-Key": clinic.live_key})).json()["data"]
    assert repeat["already_cancelled"] is True and repeat["shopify_cancelled"] is True
