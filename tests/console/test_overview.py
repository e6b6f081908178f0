"""The console's overview: orders today and this week per flow, drawn per day, and what needs
someone: failing webhook endpoints, stuck outbox messages, invoices that failed to stamp."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

from sqlalchemy import select, update

from carepost.core.kit.clock import utcnow
from carepost.core.models import Account, Invoice, OutboxMessage, WebhookEndpoint
from carepost.core.operators import overview
from tests.console.conftest import make_login, sign_in
from tests.dialects.masks.helpers import place
from tests.dialects.pharmacy.test_invoicing import invoiced_body
from tests.factories import create_clinic
from tests.pharmacy_world import pharmacy_world, token_for
from tests.webhooks.conftest import add_endpoint


def _count(page: str, cell: str) -> int:
    return int(re.search(rf'id="{cell}">(\d+)<', page).group(1))


async def test_todays_and_this_weeks_orders_per_flow_and_the_chart_of_days(browser, client, db):
    assert (await sign_in(browser, await make_login(db))).status_code == 303
    before = (await browser.get("/console")).text
    clinic = await create_clinic(db)
    await place(client, clinic.live_key)
    await place(client, clinic.live_key)
    await place(client, clinic.test_key)

    after = (await browser.get("/console")).text
    test_mode = (await browser.get("/console", params={"mode": "test"})).text

    assert _count(after, "today-masks") == _count(before, "today-masks") + 2
    assert _count(after, "week-masks") == _count(before, "week-masks") + 2
    assert _count(test_mode, "today-masks") >= 1
    assert len(re.findall(r'<text x="[\d.]+" y="\d+" class="tick" text-anchor="middle">\d\d-\d\d</text>', after)) == overview.DAYS_CHARTED
    assert re.search(rf"<title>{utcnow():%m-%d} masks: \d+</title>", after)


async def test_failing_endpoints_stuck_messages_and_failed_invoices_need_attention(browser, client, db, settings, receiver):
    assert (await sign_in(browser, await make_login(db, role="support"))).status_code == 303
    clinic = await create_clinic(db)
    endpoint = await add_endpoint(client, clinic.live_key, receiver.url)
    topic = f"test.stuck_{uuid.uuid4().hex[:8]}"
    world = await pharmacy_world(db, settings.resolved_secret_key)
    token = await token_for(client, world)
    created = await client.post("/api/orders/resources/", json=invoiced_body(world), headers=world.headers(token))
    assert created.status_code == 201, created.text
    async with db.transaction() as session:
        await session.execute(update(WebhookEndpoint).where(WebhookEndpoint.public_id == endpoint["id"]).values(failing_since=utcnow() - timedelta(hours=2)))
        long_ago = utcnow() - overview.STUCK_AFTER - timedelta(minutes=1)
        session.add(OutboxMessage(topic=topic, payload={}, created_at=long_ago, available_at=long_ago, attempts=3))
        session.add(OutboxMessage(topic=topic + "_due", payload={}, created_at=utcnow(), available_at=utcnow(), attempts=0))
        account_id = await session.scalar(select(Account.id).where(Account.slug == world.slug))
        await session.execute(update(Invoice).where(Invoice.account_id == account_id).values(status="failed",
            error="CFDI40147: the receiver's RFC is not registered"))

    page = (await browser.get("/console")).text

    assert endpoint["id"] in page and "failing since" in page
    assert f"{topic}</span>: 1," in page and f"{topic}_due" not in page  # due a moment ago: not stuck
    assert "CFDI40147" in page and "/console/orders/ORD_" in page
    async with db.transaction() as session:  # leave nothing stuck for the other tests' workers
        await session.execute(update(OutboxMessage).where(OutboxMessage.topic.in_([topic, topic + "_due"])).values(delivered_at=utcnow()))
