"""An operator's day in the console, in Debian's Chromium driven by Playwright: sign in; find a
masks order by the patient's name and move it through the factory to shipped, then see its
webhook deliveries; pack a devices order choosing its device, and ship it; approve and dispatch
a pharmacy order and download its invoice PDF; retry a failed cases order; create a key (its
secret shown once) and revoke it; a support operator is refused the key page. Each step checks
what the page shows. axe-core checks every page on the way (no serious or critical violation),
and each page is photographed: into $CAREPOST_SCREENSHOTS (docs/console/ when refreshing the
docs), else into the test's temporary directory."""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from carepost.core.cases import pipeline
from carepost.dialects.cases.worker import pipeline_ports
from tests.browser.chromium import CHROMIUM, CHROMIUM_FLAGS, needs_axe, needs_chromium, serious_violations
from tests.cases_world import cases_world, example
from tests.console.conftest import PASSWORD, make_login
from tests.devices_world import devices_world, patient_order
from tests.dialects.cases.test_pipeline import PharmacyServer, http_pharmacy
from tests.dialects.pharmacy.test_invoicing import invoiced_body
from tests.factories import create_clinic, mask_order
from tests.invoicing_world import drain, invoicing_worker
from tests.mail_server import free_port, start_smtp
from tests.pharmacy_world import pharmacy_world, token_for
from tests.servers import serve
from tests.webhooks.conftest import add_endpoint

pytestmark = [needs_chromium, needs_axe]
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


class Walk:
    """One browser tab, and what it checks on every page it reaches."""

    def __init__(self, page: Any, base: str, shots: Path) -> None:
        self.page, self.base, self.shots, self.checked = page, base, shots, []

    async def open(self, path: str) -> None:
        await self.page.goto(self.base + path)

    async def looked_at(self, name: str) -> None:
        """axe-core finds nothing serious on the page as it stands; then its photograph."""
        found = await serious_violations(self.page)
        assert found == [], (name, found)
        self.checked.append(name)
        await self.page.screenshot(path=self.shots / f"{name}.png", full_page=True)

    async def sign_in(self, email: str) -> None:
        await self.open("/console")
        assert self.page.url.endswith("/console/sign-in")  # signed out: nothing but the sign-in page
        await self.page.get_by_label("E-mail").fill(email)
        await self.page.get_by_label("Password").fill(PASSWORD)
        await self.page.get_by_role("button", name="Sign in").click()
        await self.page.wait_for_url(self.base + "/console")

    async def act(self, label: str, **fields: str) -> None:
        """Press an action's button, filling its form's fields first (by their labels)."""
        form = self.page.get_by_role("form", name=label)
        for field, value in fields.items():
            await form.get_by_label(field, exact=True).fill(value)
        await form.get_by_role("button", name=label).click()
        await self.page.get_by_role("status").filter(has_text=f"Done: {label}.").wait_for()

    async def status(self) -> str:
        return await self.page.locator("#order-status").inner_text()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    chosen = Path(os.environ.get("CAREPOST_SCREENSHOTS") or tmp_path)
    chosen.mkdir(parents=True, exist_ok=True)
    return chosen


@pytest.fixture
def smtp():
    controller, inbox = start_smtp()
    yield f"smtp://127.0.0.1:{controller.port}"
    controller.stop()


async def test_an_operators_day(live_server, db, settings, receiver, smtp, shots):
    from playwright.async_api import async_playwright

    tag = uuid.uuid4().hex[:6]
    admin, support = await make_login(db, "admin"), await make_login(db, "support")
    worker = invoicing_worker(db, settings, smtp)
    world = await _orders_waiting(live_server, db, settings, receiver, tag)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = await browser.new_context(viewport=LAPTOP)
        walk = Walk(await context.new_page(), live_server, shots)
        await walk.open("/console/sign-in")
        await walk.looked_at("sign-in")
        await walk.sign_in(admin.email)
        await walk.looked_at("overview")

        await _masks_order_to_shipped(walk, world, worker, tag)
        await _devices_order_packed_and_shipped(walk, world)
        await _pharmacy_order_dispatched_with_its_invoice(walk, world, worker)
        await _cases_order_retried(walk, world, worker, db, settings)
        await _key_created_and_revoked(walk, world)
        await _the_rest_of_the_console(walk, world)
        await context.close()

        refused = await browser.new_context(viewport=LAPTOP)
        walk_support = Walk(await refused.new_page(), live_server, shots)
        await walk_support.sign_in(support.email)
        await walk_support.open(f"/console/accounts/{world['clinic_slug']}/keys")
        assert await walk_support.page.get_by_role("heading", level=1).inner_text() == "Not for your role"
        assert "may not do this" in await walk_support.page.locator("main").inner_text()
        menu = walk_support.page.get_by_role("navigation", name="Console")
        assert await menu.get_by_role("link", name="Accounts").count() == 1 and await menu.get_by_role("link", name="Audit").count() == 0
        await walk_support.open(f"/console/accounts/{world['clinic_slug']}")
        assert await walk_support.page.get_by_role("link", name="Keys and request logs").count() == 0
        await walk_support.open(f"/console/accounts/{world['clinic_slug']}/keys")
        await walk_support.looked_at("support-refused-keys")
        await refused.close()

        phone = await browser.new_context(viewport=PHONE, is_mobile=True)
        walk_phone = Walk(await phone.new_page(), live_server, shots)
        await walk_phone.sign_in(admin.email)
        await walk_phone.open(f"/console/orders/{world['masks']}")
        assert await walk_phone.status() == "shipped"
        width = await walk_phone.page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"]  # nothing wider than the phone: tables scroll in their own box
        await walk_phone.looked_at("order-on-a-phone")
        await phone.close()
        await browser.close()

    assert len(walk.checked) >= 14


async def _orders_waiting(base: str, db, settings, receiver, tag: str) -> dict[str, Any]:
    """The day's work, placed by partners through their own APIs."""
    clinic = await create_clinic(db)
    devices = await devices_world(db)
    pharmacy = await pharmacy_world(db, settings.resolved_secret_key)
    cases = await cases_world(db, settings.resolved_secret_key)
    async with httpx.AsyncClient(base_url=base) as http:
        endpoint = await add_endpoint(http, clinic.live_key, receiver.url)
        body = mask_order(patient_name=f"Walker {tag} Jones", patient_email=f"walker-{tag}@example.com")
        masks = (await http.post("/api/partner/v1/orders", json=body, headers={"X-Api-Key": clinic.live_key})).json()["data"]["vitacore_order_id"]
        placed = await http.post("/api/v3/order", json=patient_order(devices), headers=devices.headers())
        token = await token_for(http, pharmacy)
        retail = await http.post("/api/orders/resources/", json=invoiced_body(pharmacy), headers=pharmacy.headers(token))
        port = free_port()
        await http_pharmacy(db, settings, f"remote-{cases.tag}", f"http://127.0.0.1:{port}/orders")
        case = await http.post(f"/api/v1/cases/{cases.live_case}", json=example(pharmacyId=f"remote-{cases.tag}"), headers=cases.headers())
    assert placed.status_code == 201 and retail.status_code == 201 and case.status_code in (200, 201), (placed.text, retail.text, case.text)
    return {
        "clinic_slug": clinic.slug, "endpoint": endpoint, "masks": masks, "devices_world": devices, "devices": str(placed.json()["id"]),
        "pharmacy": retail.json()["id"], "case_order": case.json()["data"]["order"]["id"], "pharmacy_port": port,
    }


async def _masks_order_to_shipped(walk: Walk, world: dict[str, Any], worker, tag: str) -> None:
    page = walk.page
    await page.get_by_role("navigation", name="Console").get_by_role("link", name="Orders").click()
    await page.get_by_label("Order id, external id or patient name").fill(f"walker {tag}")
    await page.get_by_role("button", name="Find").click()
    rows = page.locator("table.orders tbody tr")
    assert await rows.count() == 1 and f"Walker {tag} Jones" in await rows.inner_text()
    await walk.looked_at("orders")
    await page.get_by_role("link", name=world["masks"]).click()
    assert await walk.status() == "awaiting_scan"
    await walk.looked_at("order-masks-new")
    for label in ("Mark the scan complete", "Approve the scan", "Start meshing", "Start printing", "Start the quality check", "Print the UDI label"):
        await walk.act(label)
    assert await walk.status() == "labelled"
    await walk.act("Ship", Carrier="UPS", **{"Tracking number": "1Z999AA10123456784"})
    assert await walk.status() == "shipped"
    assert "1Z999AA10123456784" in await page.locator("pre.wire").inner_text()  # the clinic's own status object
    assert await page.get_by_role("link", name=re.compile("UDI label")).count() == 1
    for _ in range(10):
        await worker.run_once()
    await page.reload()
    deliveries = page.locator("#deliveries tbody tr")
    assert await deliveries.count() == 8  # placed, six steps, shipped: each an event to the clinic's endpoint
    assert await page.locator("#deliveries .state-succeeded").count() == 8
    assert world["endpoint"]["url"] in await page.locator("#deliveries").inner_text()
    await walk.looked_at("order-masks-shipped")


async def _devices_order_packed_and_shipped(walk: Walk, world: dict[str, Any]) -> None:
    page, devices = walk.page, world["devices_world"]
    await walk.open(f"/console/orders/{world['devices']}")
    confirm = page.get_by_role("form", name="Confirm the address")
    assert "Corrected address (optional)" in await confirm.inner_text()  # the action's declared input, drawn
    await walk.looked_at("order-devices-new")
    await walk.act("Confirm the address")
    assert await walk.status() == "processing"
    chosen = f"hub-{devices.tag}-2"
    pack = page.get_by_role("form", name="Pack")
    assert "Cellular hub: 1 needed" in await pack.inner_text()
    await walk.looked_at("order-devices-pack")
    await pack.get_by_label(chosen).check()
    await pack.get_by_role("button", name="Pack").click()
    await page.get_by_role("status").filter(has_text="Done: Pack.").wait_for()
    assert await walk.status() == "packed" and chosen in await page.locator("pre.wire").inner_text()
    ship = page.get_by_role("form", name="Ship")
    await ship.get_by_label("Carrier 1").select_option("fedex")
    await ship.get_by_label("Tracking number 1").fill("FX-778899")
    await ship.get_by_role("button", name="Ship").click()
    await page.get_by_role("status").filter(has_text="Done: Ship.").wait_for()
    assert await walk.status() == "shipped" and "FX-778899" in await page.locator("pre.wire").inner_text()


async def _pharmacy_order_dispatched_with_its_invoice(walk: Walk, world: dict[str, Any], worker) -> None:
    page = walk.page
    await drain(worker)  # the CFDI is stamped after the order commits
    await walk.open(f"/console/orders/{world['pharmacy']}")
    assert await walk.status() == "quoted"
    await walk.act("Approve")
    await walk.act("Start building")
    await walk.act("Dispatch", Carrier="Estafeta", **{"Tracking number": "EST-4455"})
    assert await walk.status() == "dispatched"
    await walk.looked_at("order-pharmacy-dispatched")
    async with page.expect_download() as waiting:
        await page.get_by_role("link", name=re.compile(r"Invoice .* \(PDF\)")).click()
    download = await waiting.value
    assert (Path(await download.path())).read_bytes().startswith(b"%PDF")
    assert download.suggested_filename.endswith(".pdf")


async def _cases_order_retried(walk: Walk, world: dict[str, Any], worker, db, settings) -> None:
    page = walk.page
    for _ in range(4):  # its prescription is stored; the hand-off fails: the pharmacy is down
        await worker.run_once()
    await pipeline.send_to_pharmacy(db, world["case_order"], pipeline_ports(settings), attempt=pipeline.GIVE_UP_AFTER - 1)
    await walk.open(f"/console/orders/{world['case_order']}")
    assert await walk.status() == "failed"
    assert "could not be reached" in await page.locator("#timeline").inner_text()
    await walk.looked_at("order-cases-failed")
    pharmacy = PharmacyServer()
    with serve(pharmacy.app, port=world["pharmacy_port"]):
        await walk.act("Retry")
        assert await walk.status() == "received"
        for _ in range(8):
            await worker.run_once()
    await page.reload()
    assert await walk.status() == "sent_to_pharmacy" and len(pharmacy.orders) == 1
    assert await page.get_by_role("link", name="Prescription (PDF)").count() == 1


async def _key_created_and_revoked(walk: Walk, world: dict[str, Any]) -> None:
    page, slug = walk.page, world["clinic_slug"]
    await page.get_by_role("navigation", name="Console").get_by_role("link", name="Accounts").click()
    await page.get_by_role("link", name=re.compile(slug)).first.wait_for()
    await walk.open(f"/console/accounts/{slug}")
    await walk.looked_at("account")
    await page.get_by_role("link", name="Keys and request logs").click()
    await page.get_by_label("Name").fill("Walk key")
    await page.get_by_label("Mode").select_option("live")
    await page.get_by_role("button", name="Create the key").click()
    secret = await page.locator("#new-secret").inner_text()
    assert secret.startswith("cpk_live_") and "will not be shown again" in await page.locator(".secret").inner_text()
    await walk.looked_at("keys-new-secret")
    async with httpx.AsyncClient(base_url=walk.base) as http:
        opened = await http.post("/api/partner/v1/orders", json=mask_order(), headers={"X-Api-Key": secret})
        assert opened.status_code == 201, opened.text  # the new key works
        opened_id = opened.json()["data"]["vitacore_order_id"]
        await page.goto(walk.base + f"/console/accounts/{slug}/keys")
        assert secret not in await page.content()  # once
        row = page.locator("#keys tbody tr").filter(has_text="Walk key")
        await row.get_by_role("button", name="Revoke Walk key").click()
        await page.get_by_role("status").filter(has_text="revoked").wait_for()
        assert "revoked" in await page.locator("#keys tbody tr").filter(has_text="Walk key").inner_text()
        assert (await http.get(f"/api/partner/v1/orders/{world['masks']}/status", headers={"X-Api-Key": secret})).status_code == 401
    await walk.looked_at("keys")
    await page.locator("#keys tbody tr").filter(has_text="Walk key").get_by_role("link", name="Requests of Walk key").click()
    calls = await page.locator("#requests").inner_text()
    assert "1 request," in await page.locator("main").inner_text()  # the revoked key's refusal names no key
    assert "POST" in calls and "/api/partner/v1/orders" in calls and "201" in calls and opened_id not in calls
    await walk.looked_at("key-requests")


async def _the_rest_of_the_console(walk: Walk, world: dict[str, Any]) -> None:
    page, slug = walk.page, world["clinic_slug"]
    await walk.open(f"/console/accounts/{slug}/webhooks/{world['endpoint']['id']}?mode=live")
    assert await page.locator("#deliveries .state-succeeded").count() >= 8
    await page.locator("#deliveries details").first.locator("summary").click()
    await walk.looked_at("webhook-endpoint")
    await walk.open(f"/console/inventory?device=hub-{world['devices_world'].tag}-2")
    shipped = await page.locator("#serialized").inner_text()
    assert "shipped" in shipped and f"patient #{world['devices_world'].patient}" in shipped
    await walk.open(f"/console/inventory?site={world['devices_world'].fulfillment_site}")
    await walk.looked_at("inventory")
    await walk.open("/console/accounts")
    await walk.looked_at("accounts")
    await walk.open("/console/audit")
    assert "order.ship" in await page.locator("main").inner_text()
    await walk.looked_at("audit")
    await walk.open("/console")
    await walk.looked_at("overview-after")
    await page.keyboard.press("Tab")  # the first stop is the skip link, for keyboard users
    assert await page.evaluate("document.activeElement.textContent") == "Skip to content"
