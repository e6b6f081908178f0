"""The console's orders table: every flow in one list, filtered, searched and paged;
a search never lands in the audit log as typed (it may be a patient's name)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select

from carepost.core.kit.clock import utcnow
from carepost.core.models import Account, ConsoleAuditEntry
from tests.console.conftest import make_login, sign_in
from tests.devices_world import devices_world, patient_order
from tests.dialects.masks.helpers import place
from tests.factories import create_clinic


async def _signed_in(browser, db, role: str = "support"):
    login = await make_login(db, role=role)
    await sign_in(browser, login)
    return login


async def _slug(db, account_id: int) -> str:
    async with db.read() as session:
        return await session.scalar(select(Account.slug).where(Account.id == account_id))


async def test_orders_placed_between_two_dates(browser, client, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    placed = await place(client, clinic.live_key)
    slug, today = await _slug(db, clinic.account_id), utcnow().date()

    within = await browser.get("/console/orders", params={"account": slug, "from": today.isoformat(), "to": today.isoformat()})
    before = await browser.get("/console/orders", params={"account": slug, "to": (today - timedelta(days=1)).isoformat()})
    after = await browser.get("/console/orders", params={"account": slug, "from": (today + timedelta(days=1)).isoformat()})

    assert placed in within.text and "0 orders" in before.text and "0 orders" in after.text


async def test_orders_of_every_flow_filtered_by_account_flow_and_mode(browser, client, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    masks_live = await place(client, clinic.live_key)
    masks_test = await place(client, clinic.test_key)
    world = await devices_world(db)
    devices = await client.post("/api/v3/order", json=patient_order(world), headers=world.headers())
    assert devices.status_code == 201, devices.text
    clinic_slug, devices_slug = await _slug(db, clinic.account_id), await _slug(db, world.customer.account_id)

    of_clinic = await browser.get("/console/orders", params={"account": clinic_slug})
    of_clinic_test = await browser.get("/console/orders", params={"account": clinic_slug, "mode": "test"})
    of_clinic_any = await browser.get("/console/orders", params={"account": clinic_slug, "mode": ""})
    devices_only = await browser.get("/console/orders", params={"account": devices_slug, "flow": "devices"})
    masks_of_devices = await browser.get("/console/orders", params={"account": devices_slug, "flow": "masks"})

    assert of_clinic.status_code == 200
    assert masks_live in of_clinic.text and masks_test not in of_clinic.text and "1 order," in of_clinic.text
    assert masks_test in of_clinic_test.text and masks_live not in of_clinic_test.text
    assert masks_live in of_clinic_any.text and masks_test in of_clinic_any.text and "2 orders" in of_clinic_any.text
    assert f"#{devices.json()['id']}" in devices_only.text and "John Doe" in devices_only.text and "reconfirmAddress" in devices_only.text
    assert "0 orders" in masks_of_devices.text


async def test_search_by_order_id_number_external_id_or_patient_name(browser, client, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    name = f"Zoë {uuid.uuid4().hex[:6]}"
    by_name = await place(client, clinic.live_key, patient_name=name)
    other = await place(client, clinic.live_key)
    world = await devices_world(db)
    external = f"ext-{uuid.uuid4().hex[:8]}"
    devices = await client.post("/api/v3/order", json=patient_order(world, externalOrderIds=[external]), headers=world.headers())

    for q, expected in ((name.upper(), by_name), (other, other), (external, devices.json()["id"]), (str(devices.json()["id"]), devices.json()["id"])):
        found = await browser.get("/console/orders", params={"q": q, "mode": ""})
        assert found.status_code == 200
        assert "1 order," in found.text, (q, found.text[-2000:])
        assert str(expected) in found.text
    for wildcard in ("%", "_", "Zo_"):  # characters, not LIKE's wildcards: no name holds them
        assert "0 orders" in (await browser.get("/console/orders", params={"q": wildcard, "mode": ""})).text


async def test_the_audit_log_says_a_search_was_made_but_not_what_was_typed(browser, db):
    login = await _signed_in(browser, db)

    await browser.get("/console/orders", params={"q": "Jane Patient", "flow": "masks"})

    async with db.read() as session:
        entry = await session.scalar(
            select(ConsoleAuditEntry).where(ConsoleAuditEntry.email == login.email, ConsoleAuditEntry.target == "orders")
        )
    assert entry.detail["searched"] is True and entry.detail["flow"] == "masks"
    assert "Jane" not in str(entry.detail)


async def test_pages_of_twenty_five_newest_first(browser, client, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    placed = [await place(client, clinic.live_key) for _ in range(27)]
    slug = await _slug(db, clinic.account_id)

    first = await browser.get("/console/orders", params={"account": slug})
    second = await browser.get("/console/orders", params={"account": slug, "page": 1})

    assert "27 orders, showing 1–25" in first.text and 'rel="next"' in first.text and 'rel="prev"' not in first.text
    assert first.text.index(placed[-1]) < first.text.index(placed[-2])  # newest first
    assert placed[0] not in first.text and placed[0] in second.text and placed[1] in second.text
    assert "showing 26–27" in second.text and 'rel="prev"' in second.text and 'rel="next"' not in second.text


async def test_bad_filters_are_a_400_page_and_a_signed_out_browser_is_sent_to_sign_in(browser, db):
    assert (await browser.get("/console/orders")).headers["location"] == "/console/sign-in"
    await _signed_in(browser, db)

    form_as_sent = await browser.get("/console/orders", params={"q": "", "flow": "", "status": "", "account": "", "from": "", "to": ""})
    assert form_as_sent.status_code == 200  # a plain form sends its empty fields too
    for params in ({"page": "-1"}, {"from": "yesterday"}, {"to": "2026-13-01"}, {"flow": "shoes"}, {"q": "x" * 101}, {"mode": "both"}):
        response = await browser.get("/console/orders", params=params)
        assert response.status_code == 400, (params, response.text)
        assert "<h1>That did not work</h1>" in response.text and response.headers["content-type"].startswith("text/html")
    nul = await browser.get("/console/orders", params={"q": "a\x00b"})
    assert nul.status_code == 400 and "text/html" in nul.headers["content-type"]


async def test_hidden_test_orders_are_counted_and_status_and_account_are_choices(browser, client, db):
    """Issue 24, item 22: live by default, with how many test orders match and a link to them."""
    await sign_in(browser, await make_login(db))
    clinic = await create_clinic(db)
    for _ in range(2):
        await place(client, clinic.test_key)
    page = (await browser.get("/console/orders", params={"account": clinic.slug})).text
    assert "2 test orders also match but are not shown" in page
    assert f"/console/orders?account={clinic.slug}&amp;mode=test" in page
    assert '<select id="status" name="status">' in page and '<option value="awaiting_scan">' in page
    assert '<select id="account" name="account">' in page and f'<option value="{clinic.slug}" selected>' in page
    overview = (await browser.get("/console")).text
    assert 'id="other-mode">show test orders (' in overview
