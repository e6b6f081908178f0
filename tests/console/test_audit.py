"""The console's audit page: every sign-in and view, filterable, for admins only."""

from __future__ import annotations

from tests.console.conftest import form_token, make_login, sign_in


async def test_an_admin_sees_who_did_what_filtered_by_operator_action_and_day(browser, db):
    watched = await make_login(db, role="support")
    admin = await make_login(db, role="admin")

    await sign_in(browser, watched)
    orders = await browser.get("/console/orders", params={"q": "Jane Patient"})
    await browser.post("/console/sign-out", data={"csrf_token": form_token(orders.text)})
    await sign_in(browser, admin)

    everything = await browser.get("/console/audit", params={"operator": watched.email.upper()})
    views = await browser.get("/console/audit", params={"operator": watched.email, "action": "view"})
    another_day = await browser.get("/console/audit", params={"operator": watched.email, "on": "2020-01-01"})

    assert everything.status_code == 200
    assert "3 entries" in everything.text  # signed in, looked at orders, signed out
    for action in ("sign_in", "view", "sign_out"):
        assert f"<td>{action}</td>" in everything.text
    assert "searched=True" in everything.text and "Jane" not in everything.text
    assert "1 entry," in views.text and "<td>orders</td>" in views.text
    assert "0 entries" in another_day.text
    assert 'href="/console/audit"' in everything.text  # the admin's menu has it


async def test_support_is_refused_the_audit_page_and_has_no_link_to_it(browser, db):
    await sign_in(browser, await make_login(db, role="support"))

    refused = await browser.get("/console/audit")
    overview = await browser.get("/console")

    assert refused.status_code == 403 and "<h1>Not for your role</h1>" in refused.text
    assert 'href="/console/audit"' not in overview.text


async def test_a_bad_day_is_a_400_page(browser, db):
    await sign_in(browser, await make_login(db, role="admin"))

    response = await browser.get("/console/audit", params={"on": "someday"})

    assert response.status_code == 400 and "on: a date is YYYY-MM-DD." in response.text
