"""What a browser asks of the site (issue 24, item 19): HTML pages typed with a trailing
slash lead to the page; /favicon.ico is an icon; partner API paths stay exact."""

from __future__ import annotations

import pytest

from tests.console.conftest import make_login, sign_in


@pytest.mark.parametrize(
    ("typed", "page"),
    [("/console/", "/console"), ("/console/orders/", "/console/orders"), ("/console/orders/?flow=masks&mode=test", "/console/orders?flow=masks&mode=test"),
     ("/docs/", "/docs"), ("/redoc/", "/redoc")],
)
async def test_an_html_page_with_a_trailing_slash_leads_to_the_page(client, typed, page):
    answer = await client.get(typed)
    assert answer.status_code == 308 and answer.headers["location"] == page  # relative: never from the Host header


async def test_signed_in_the_slash_reaches_the_page_with_its_navigation(browser, db):
    await sign_in(browser, await make_login(db))
    answer = await browser.get("/console/orders/", follow_redirects=True)
    assert answer.status_code == 200 and 'href="/console/orders"' in answer.text


@pytest.mark.parametrize("path", ["/console/no-such-page/", "/api/partner/v1/orders/", "/docsx/", "/api/v3/order/"])
async def test_no_redirect_where_there_is_no_page(client, path):
    answer = await client.get(path)
    assert answer.status_code in (401, 404) and "location" not in answer.headers


async def test_the_favicon_is_an_icon(client):
    answer = await client.get("/favicon.ico")
    assert answer.status_code == 200 and answer.headers["content-type"] == "image/svg+xml"
    assert answer.content.startswith(b"<svg")
