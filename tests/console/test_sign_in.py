"""Signing in to the console and out again: cookies, CSRF, lock-out, and a signed-out
browser that reaches nothing but the sign-in page."""

from __future__ import annotations

import re

import httpx
from sqlalchemy import func, select

from carepost.console import account_pages, auth, inventory_pages, order_pages
from carepost.console import router as console_router
from carepost.core.models import ConsoleAuditEntry, Order
from tests.console.conftest import form_token, make_login, sign_in
from tests.dialects.masks.helpers import place
from tests.factories import create_clinic


async def _audit(db, email: str) -> list[str]:
    async with db.read() as session:
        return list(await session.scalars(select(ConsoleAuditEntry.action).where(ConsoleAuditEntry.email == email).order_by(ConsoleAuditEntry.id)))


def _sample_value(placeholder: re.Match[str]) -> str:
    return {"{key_id}": "1", "{reference}": "ORD_0000000001"}.get(placeholder.group(0), "sample")


async def test_a_signed_out_browser_is_sent_to_the_sign_in_page_from_every_console_route(browser):
    routes = [
        (method, re.sub(r"\{[a-z_]+\}", _sample_value, route.path))
        for module in (console_router, order_pages, account_pages, inventory_pages)
        for route in module.router.routes
        if route.path not in ("/console/sign-in", "/console/assets/{name}")
        for method in route.methods
    ]
    assert len(routes) >= 15  # every page and form of the console, this one included
    for method, path in routes:
        response = await browser.request(method, path, data={} if method == "POST" else None)
        assert (response.status_code, response.headers.get("location")) == (303, "/console/sign-in"), (method, path)

    page = await browser.get("/console/sign-in")

    assert page.status_code == 200 and "<h1>Sign in</h1>" in page.text
    assert 'label for="email"' in page.text and 'label for="password"' in page.text
    cookie = page.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" in cookie and "path=/console" in cookie
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"] and page.headers["cache-control"] == "no-store"


async def test_an_operator_signs_in_sees_the_overview_and_signs_out(browser, client, db):
    login = await make_login(db)
    clinic = await create_clinic(db)
    await place(client, clinic.live_key)

    signed_in = await sign_in(browser, login)

    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/console"
    cookie = next(value for name, value in signed_in.headers.multi_items() if name == "set-cookie" and value.startswith("carepost_console="))
    assert all(part in cookie.lower() for part in ("httponly", "secure", "samesite=strict", "path=/console", "expires="))
    overview = await browser.get("/console")
    assert overview.status_code == 200
    assert "Olga Admin" in overview.text and ">admin<" in overview.text
    async with db.read() as session:
        masks_live = await session.scalar(select(func.count()).select_from(Order).where(Order.dialect == "masks", Order.mode == "live"))
        status = await session.scalar(select(Order.status).where(Order.account_id == clinic.account_id))
    assert masks_live >= 1
    assert f'id="flow-masks">Masks <span class="count">{masks_live}</span>' in overview.text
    assert f'<th scope="row"><a href="/console/orders?flow=masks&amp;status={status}&amp;mode=live">{status}</a></th>' in overview.text

    signed_out = await browser.post("/console/sign-out", data={"csrf_token": form_token(overview.text)})

    assert signed_out.status_code == 303 and signed_out.headers["location"] == "/console/sign-in"
    assert (await browser.get("/console")).status_code == 303
    assert await _audit(db, login.email) == ["sign_in", "view", "sign_out"]


async def test_a_wrong_password_is_a_401_page_that_does_not_say_which_part_was_wrong(browser, db):
    login = await make_login(db)
    form = await browser.get("/console/sign-in")

    response = await browser.post(
        "/console/sign-in", data={"email": login.email, "password": "not it at all", "csrf_token": form_token(form.text)}
    )

    assert response.status_code == 401
    assert "That e-mail and password do not match" in response.text and 'role="alert"' in response.text
    assert not any(value.startswith("carepost_console=") for name, value in response.headers.multi_items() if name == "set-cookie")
    assert f'value="{login.email}"' in response.text  # the e-mail stays typed in


async def test_a_sign_in_without_its_token_or_from_another_site_changes_nothing(browser, db):
    login = await make_login(db)
    form = await browser.get("/console/sign-in")
    token = form_token(form.text)
    data = {"email": login.email, "password": login.password}

    missing = await browser.post("/console/sign-in", data=data)
    wrong = await browser.post("/console/sign-in", data={**data, "csrf_token": "forged"})
    other_origin = await browser.post("/console/sign-in", data={**data, "csrf_token": token}, headers={"Origin": "https://evil.example"})
    cross_site = await browser.post("/console/sign-in", data={**data, "csrf_token": token}, headers={"Sec-Fetch-Site": "cross-site"})

    for refused in (missing, wrong, other_origin, cross_site):
        assert refused.status_code == 403, refused.text
        assert "<h1>" in refused.text and "carepost_console=" not in refused.headers.get("set-cookie", "")
    assert await _audit(db, login.email) == []  # not even an attempt was made


async def test_sign_out_needs_the_sessions_own_token(browser, db):
    login = await make_login(db)
    await sign_in(browser, login)

    refused = await browser.post("/console/sign-out", data={"csrf_token": "not the session's"})

    assert refused.status_code == 403
    assert (await browser.get("/console")).status_code == 200  # still signed in
    assert "sign_out" not in await _audit(db, login.email)


async def test_five_failures_lock_the_console_login(browser, db):
    login = await make_login(db, role="support")
    for _ in range(5):
        form = await browser.get("/console/sign-in")
        await browser.post("/console/sign-in", data={"email": login.email, "password": "wrong password", "csrf_token": form_token(form.text)})

    response = await sign_in(browser, login)

    assert response.status_code == 401 and "locked for a while" in response.text
    assert (await _audit(db, login.email))[-2:] == ["locked_out", "sign_in_refused"]


async def test_a_support_operator_signs_in_with_its_role_shown(browser, db):
    login = await make_login(db, role="support")

    await sign_in(browser, login)
    page = await browser.get("/console?mode=test")

    assert page.status_code == 200 and ">support<" in page.text and "Showing <strong>test</strong> orders" in page.text


async def test_control_characters_in_a_sign_in_are_a_failed_attempt_not_a_500(browser, db):
    login = await make_login(db)
    form = await browser.get("/console/sign-in")

    response = await browser.post(
        "/console/sign-in", data={"email": login.email + "\x00", "password": login.password, "csrf_token": form_token(form.text)}
    )

    assert response.status_code == 401  # PostgreSQL would refuse the NUL: it never reaches a query
    assert await _audit(db, login.email + "\ufffd") == ["sign_in_failed"]


async def test_sign_ins_from_one_address_are_rate_limited(app, db, settings):
    from carepost.app import create_app

    limited = create_app(settings.model_copy(update={"portal_rate_limit_per_minute": 3}))
    login = await make_login(db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=limited), base_url="https://testserver") as browser:
        answers = []
        for _ in range(4):
            form = await browser.get("/console/sign-in")
            answers.append(await browser.post(
                "/console/sign-in", data={"email": login.email, "password": "wrong password", "csrf_token": form_token(form.text)}
            ))
    await limited.state.runtime.db.dispose()

    assert [answer.status_code for answer in answers] == [401, 401, 401, 429]
    assert "Retry-After" in answers[-1].headers and "<h1>Please wait a moment</h1>" in answers[-1].text


async def test_a_new_sign_in_ends_the_browsers_earlier_session(browser, app, db):
    """Issue 24, item 21: the session a browser held before signing in again is over."""
    first, second = await make_login(db), await make_login(db, role="support")
    assert (await sign_in(browser, first)).status_code == 303
    earlier = browser.cookies.get(auth.SESSION_COOKIE)
    assert (await sign_in(browser, second)).status_code == 303
    assert browser.cookies.get(auth.SESSION_COOKIE) != earlier
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as stolen:
        stolen.cookies.set(auth.SESSION_COOKIE, earlier)
        answer = await stolen.get("/console")
    assert answer.status_code == 303 and answer.headers["location"].startswith("/console/sign-in")
    assert (await browser.get("/console")).status_code == 200  # the new one lives
