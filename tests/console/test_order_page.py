"""The console's order page: the order as its partner sees it, its timeline, deliveries and
documents, and a form for each move its lifecycle allows now. A move the table refuses, a
bad input, a form without its token: a page that says why, and the order unchanged."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import httpx
from sqlalchemy import select

from carepost.core.models import ConsoleAuditEntry, Order, OrderEvent
from tests.console.conftest import Login, form_token, make_login, sign_in
from tests.devices_world import devices_world, patient_order
from tests.dialects.masks.helpers import place
from tests.factories import create_clinic
from tests.webhooks.conftest import add_endpoint

FACTORY_TO_LABEL = ["complete_scan", "approve_scan", "start_mesh", "start_print", "start_qa", "print_label"]


async def _signed_in(browser: httpx.AsyncClient, db, role: str = "support") -> Login:
    login = await make_login(db, role=role)
    assert (await sign_in(browser, login)).status_code == 303
    return login


def _action_paths(page: str) -> list[str]:
    return re.findall(r'action="/console/orders/[A-Z0-9_]+/actions/([a-z_]+)"', page)


async def act(browser: httpx.AsyncClient, reference: str, action: str, **fields: Any) -> httpx.Response:
    page = await browser.get(f"/console/orders/{reference}")
    return await browser.post(f"/console/orders/{reference}/actions/{action}", data={"csrf_token": form_token(page.text), **fields})


async def _status(db, public_id: str) -> str:
    async with db.read() as session:
        return await session.scalar(select(Order.status).where(Order.public_id == public_id))


async def test_a_masks_order_goes_through_the_factory_to_shipped_from_its_page(browser, client, db):
    login = await _signed_in(browser, db)
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    page = await browser.get(f"/console/orders/{order_id}")
    assert page.status_code == 200
    assert _action_paths(page.text) == ["complete_scan", "factory_cancel"]  # the table's moves from awaiting_scan, no more
    assert f'"vitacore_order_id": "{order_id}"' in page.text and "awaiting_scan" in page.text
    for action in FACTORY_TO_LABEL:
        moved = await act(browser, order_id, action, note="Looks good" if action == "approve_scan" else "")
        assert moved.status_code == 303, (action, moved.text)
        assert moved.headers["location"] == f"/console/orders/{order_id}?done={action}"
    labelled = await browser.get(f"/console/orders/{order_id}")
    assert _action_paths(labelled.text) == ["ship", "factory_cancel"]
    assert 'name="tracking_number"' in labelled.text and 'name="carrier"' in labelled.text

    shipped = await act(browser, order_id, "ship", carrier="UPS", tracking_number="1Z999AA10123456784")
    assert shipped.status_code == 303
    after = await browser.get(shipped.headers["location"])
    assert "Done: Ship." in after.text and await _status(db, order_id) == "shipped"
    assert "1Z999AA10123456784" in after.text  # in the partner's own object
    timeline = ["placed", "scan_completed", "scan_approved", "mesh_started", "printing_started", "qa_started", "label_printed", "shipped"]
    assert list(re.findall(r'<th scope="row">([a-z_]+)</th>', after.text)) == timeline
    assert _action_paths(after.text) == ["deliver"]

    label = await browser.get(f"/console/orders/{order_id}/documents/udi-label")
    assert label.status_code == 200 and label.headers["content-type"].startswith("image/svg+xml")
    assert re.search(rb"\(01\)\d{14}\(11\)\d{6}\(10\)[A-Z0-9]{7}", label.content)
    async with db.read() as session:
        actions = list(await session.scalars(select(ConsoleAuditEntry.action).where(ConsoleAuditEntry.email == login.email).order_by(ConsoleAuditEntry.id)))
    assert [a for a in actions if a.startswith("order.")] == [f"order.{a}" for a in [*FACTORY_TO_LABEL, "ship"]]
    assert "download" in actions


async def test_a_move_the_table_does_not_allow_now_is_refused_on_the_page(browser, client, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    refused = await act(browser, order_id, "ship", carrier="UPS", tracking_number="1Z")
    unknown = await act(browser, order_id, "teleport")
    partners_own = await act(browser, order_id, "cancel", confirm="yes")  # the clinic's move, not the factory's

    assert refused.status_code == 409 and "can&#39;t ship" in refused.text and 'role="alert"' in refused.text
    assert unknown.status_code == 409 and partners_own.status_code == 409
    assert await _status(db, order_id) == "awaiting_scan"


async def test_a_form_without_its_token_or_from_another_site_changes_nothing(browser, client, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    token = form_token((await browser.get(f"/console/orders/{order_id}")).text)
    path = f"/console/orders/{order_id}/actions/factory_cancel"

    no_token = await browser.post(path, data={})
    wrong_token = await browser.post(path, data={"csrf_token": token[:-2] + "xx"})
    other_site = await browser.post(path, data={"csrf_token": token}, headers={"Origin": "https://evil.example"})
    cross_site = await browser.post(path, data={"csrf_token": token}, headers={"Sec-Fetch-Site": "cross-site"})

    assert [r.status_code for r in (no_token, wrong_token, other_site, cross_site)] == [403, 403, 403, 403]
    assert await _status(db, order_id) == "awaiting_scan"


async def test_bad_inputs_get_a_page_that_says_why_and_change_nothing(browser, client, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    for action in FACTORY_TO_LABEL:
        await act(browser, order_id, action)

    control = await act(browser, order_id, "ship", carrier="UPS", tracking_number="1Z\x07")
    nul = await act(browser, order_id, "ship", carrier="UPS\x00", tracking_number="1Z")
    long_note = await act(browser, order_id, "factory_cancel", note="n" * 513, confirm="yes")
    bad_date = await act(browser, order_id, "ship", carrier="UPS", tracking_number="1Z", shipped_date="tomorrow")
    missing = await act(browser, order_id, "ship", carrier="UPS")  # the factory's own rule: no tracking, no ship
    huge = await act(browser, order_id, "factory_cancel", note="n" * 70_000, confirm="yes")
    unknown_order = await browser.get("/console/orders/ORD_0000000000")
    bad_reference = await browser.get("/console/orders/ORD%3Cscript%3E")

    assert control.status_code == 400 and "Tracking number: one line" in control.text
    assert nul.status_code == 400 and "Carrier: one line" in nul.text
    assert long_note.status_code == 400 and "Note: at most 512" in long_note.text
    assert bad_date.status_code == 400 and "YYYY-MM-DD" in bad_date.text
    assert missing.status_code in (400, 422) and 'role="alert"' in missing.text
    assert huge.status_code == 413
    assert unknown_order.status_code == 404 and "No order ORD_0000000000" in unknown_order.text
    assert bad_reference.status_code in (400, 404) and "<script>" not in bad_reference.text
    assert await _status(db, order_id) == "labelled"


async def test_a_devices_order_is_packed_with_the_devices_chosen_then_shipped(browser, client, db):
    await _signed_in(browser, db)
    world = await devices_world(db)
    created = await client.post("/api/v3/order", json=patient_order(world), headers=world.headers())
    assert created.status_code == 201, created.text
    number = str(created.json()["id"])
    assert (await act(browser, number, "reconfirm_address")).status_code == 303

    page = await browser.get(f"/console/orders/{number}")
    assert _action_paths(page.text) == ["pack", "cancel"]  # no return label: it ships things
    assert "Cellular hub: 1 needed" in page.text
    offered = re.findall(r'name="device_ids" value="(\d+)"', page.text)
    assert {int(d) for d in offered} == set(world.devices["hub"])  # the site's available hubs
    chosen = world.devices["hub"][3]
    wrong = await act(browser, number, "pack", device_ids=str(world.devices["cuff"][0]))  # not needed by this order
    assert wrong.status_code == 400 and await _status_by_number(db, number) == "processing"

    packed = await act(browser, number, "pack", device_ids=str(chosen))
    assert packed.status_code == 303
    order = (await client.get(f"/api/v3/order/{number}", headers=world.headers())).json()
    assert [d["id"] for kit in order["packedKits"] for d in kit["devices"]] == [chosen] and order["currentStatus"] == "packed"

    no_tracking = await act(browser, number, "ship")
    bad_carrier = await act(browser, number, "ship", tracking_carrier_0="pigeon", tracking_value_0="X1")
    shipped = await act(browser, number, "ship", tracking_carrier_0="ups", tracking_value_0="1Z1", tracking_carrier_1="fedex", tracking_value_1="FX2")
    assert no_tracking.status_code == 400 and bad_carrier.status_code == 400
    assert shipped.status_code == 303
    order = (await client.get(f"/api/v3/order/{number}", headers=world.headers())).json()
    assert order["currentStatus"] == "shipped"
    assert sorted(t["value"] for t in order["trackingNumbers"]) == ["1Z1", "FX2"]


async def _status_by_number(db, number: str) -> str:
    async with db.read() as session:
        return await session.scalar(select(Order.status).where(Order.id == int(number)))


async def test_the_page_lists_the_webhook_deliveries_of_the_orders_events(browser, client, db, receiver):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    endpoint = await add_endpoint(client, clinic.live_key, receiver.url)
    order_id = await place(client, clinic.live_key)
    await act(browser, order_id, "complete_scan")

    page = await browser.get(f"/console/orders/{order_id}")

    rows = re.findall(r'<th scope="row" class="mono">(msg_[0-9a-f]+)</th>\s*<td>([a-z_.]+)</td>\s*<td class="mono small">([^<]+)</td>', page.text)
    assert len(rows) == 2 and {url for _, _, url in rows} == {endpoint["url"]}
    assert all(kind.startswith("masks.") or kind.startswith("order.") for _, kind, _ in rows), rows


async def test_an_admin_sees_the_same_page_and_a_signed_out_browser_is_sent_to_sign_in(browser, client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)

    signed_out = await browser.get(f"/console/orders/{order_id}")
    signed_out_post = await browser.post(f"/console/orders/{order_id}/actions/factory_cancel", data={})
    signed_out_file = await browser.get(f"/console/orders/{order_id}/documents/udi-label")

    assert [r.status_code for r in (signed_out, signed_out_post, signed_out_file)] == [303, 303, 303]
    assert {r.headers["location"] for r in (signed_out, signed_out_post, signed_out_file)} == {"/console/sign-in"}
    assert await _status(db, order_id) == "awaiting_scan"
    await _signed_in(browser, db, role="admin")
    assert _action_paths((await browser.get(f"/console/orders/{order_id}")).text) == ["complete_scan", "factory_cancel"]
    missing = await browser.get(f"/console/orders/{order_id}/documents/udi-label")  # not printed yet
    assert missing.status_code == 404 and "no such document" in missing.text


async def test_two_operators_pressing_the_same_button_at_once_move_the_order_once(browser, client, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    token = form_token((await browser.get(f"/console/orders/{order_id}")).text)
    path = f"/console/orders/{order_id}/actions/complete_scan"

    answers = await asyncio.gather(*(browser.post(path, data={"csrf_token": token}) for _ in range(4)))

    assert sorted(a.status_code for a in answers) == [303, 409, 409, 409]
    async with db.read() as session:
        moves = list(await session.scalars(select(OrderEvent.name).join(Order,
            Order.id == OrderEvent.order_id).where(Order.public_id == order_id).order_by(OrderEvent.id)))
    assert moves == ["placed", "scan_completed"]


async def test_a_cancel_asks_for_a_confirmation_and_one_click_changes_nothing(browser, client, db):
    """Issue 24, item 22: every destructive move has an "I am sure" box; without it, nothing happens."""
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    page = (await browser.get(f"/console/orders/{order_id}")).text
    form = page[page.index('actions/factory_cancel"'):]
    assert 'name="confirm" value="yes" required' in form[: form.index("</form>")]
    one_click = await act(browser, order_id, "factory_cancel")
    assert one_click.status_code == 400 and "Nothing was done" in one_click.text
    assert await _status(db, order_id) == "awaiting_scan"
    confirmed = await act(browser, order_id, "factory_cancel", confirm="yes")
    assert confirmed.status_code == 303 and await _status(db, order_id) == "cancelled"


async def test_the_page_shows_the_recipient_and_names_the_key_that_acted(browser, client, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    page = (await browser.get(f"/console/orders/{order_id}")).text
    recipient = page[page.index('id="recipient"'):page.index("</dl>", page.index('id="recipient"'))]
    assert "Jane Doe" in recipient and "patient@example.com" in recipient
    assert "API key “default” (live)" in page and "api_key:" not in page[page.index('id="timeline"'):]
