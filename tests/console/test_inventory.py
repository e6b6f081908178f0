"""The console's inventory: stock per site and item (on hand, reserved, free) and the
devices with where each one is, filtered by site, item, status and identifier."""

from __future__ import annotations

import re

from tests.console.conftest import make_login, sign_in
from tests.console.test_order_page import act
from tests.devices_world import devices_world, patient_order


async def test_stock_and_devices_follow_an_order_from_the_shelf_to_the_patient(browser, client, db):
    assert (await sign_in(browser, await make_login(db, role="support"))).status_code == 303
    world = await devices_world(db)
    site = {"site": str(world.fulfillment_site)}
    before = await browser.get("/console/inventory", params={**site, "q": f"STRIP-{world.tag}"})
    assert re.search(r"<td class=\"number\">100</td>\s*<td class=\"number\">0</td>\s*<td class=\"number\"><strong>100</strong>", before.text)

    created = await client.post("/api/v3/order", json=patient_order(world), headers=world.headers())
    number = str(created.json()["id"])
    reserved = await browser.get("/console/inventory", params={**site, "q": f"STRIP-{world.tag}"})  # 2 ordered, 2 in the kit
    assert re.search(r"<td class=\"number\">100</td>\s*<td class=\"number\">4</td>\s*<td class=\"number\"><strong>96</strong>", reserved.text)

    hub = world.devices["hub"][0]
    for action, fields in (("reconfirm_address", {}), ("pack", {"device_ids": str(hub)}), ("ship", {"tracking_carrier_0": "ups", "tracking_value_0": "1Z9"})):
        assert (await act(browser, number, action, **fields)).status_code == 303
    shipped = await browser.get("/console/inventory", params={**site, "device": f"hub-{world.tag}-0"})
    assert "1 serialized device," in shipped.text and f"patient #{world.patient}" in shipped.text and "shipped" in shipped.text
    on_shelf = await browser.get("/console/inventory", params={**site, "device_status": "available"})
    assert f"hub-{world.tag}-1" in on_shelf.text and f"hub-{world.tag}-0" not in on_shelf.text
    assert "on the shelf at Warehouse " + world.tag in on_shelf.text


async def test_bad_filters_get_a_page_that_says_why(browser, db):
    assert (await sign_in(browser, await make_login(db))).status_code == 303

    bad_site = await browser.get("/console/inventory", params={"site": "north"})
    bad_status = await browser.get("/console/inventory", params={"device_status": "lost"})
    long_query = await browser.get("/console/inventory", params={"q": "x" * 101})
    wildcard = await browser.get("/console/inventory", params={"q": "%"})

    assert [r.status_code for r in (bad_site, bad_status, long_query)] == [400, 400, 400]
    assert all("text/html" in r.headers["content-type"] for r in (bad_site, bad_status, long_query))
    assert wildcard.status_code == 200 and "0 rows" in wildcard.text  # % is a plain character
