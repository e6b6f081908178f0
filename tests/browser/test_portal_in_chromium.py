"""The scan portal in a real browser: headless Chromium (Debian's package), driven by Playwright.

.ci/run installs Chromium; on a developer machine without it this test is skipped and says why.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.browser.chromium import CHROMIUM, CHROMIUM_FLAGS, needs_chromium
from tests.dialects.masks.portal_files import JPEG, MOV, MP4
from tests.factories import create_clinic, mask_order

pytestmark = needs_chromium


async def test_a_patient_uploads_three_files_and_the_scan_is_recorded(live_server, db, tmp_path: Path):
    from playwright.async_api import async_playwright

    clinic = await create_clinic(db)
    async with httpx.AsyncClient(base_url=live_server) as http:
        created = await http.post("/api/partner/v1/orders", json=mask_order(), headers={"X-Api-Key": clinic.live_key})
        order_id = created.json()["data"]["vitacore_order_id"]
    link = created.json()["data"]["scan_upload_url"].replace("https://carepost.test", live_server)
    files = {"front_video": ("front.mp4", MP4), "profile_video": ("profile.mov", MOV), "calibration_photo": ("card.jpg", JPEG)}
    for name, content in files.values():
        (tmp_path / name).write_bytes(content)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = await browser.new_page()
        await page.goto(link)
        assert await page.locator("h1").inner_text() == "Scan for your Form Fit Full Face CPAP"
        for kind, (name, _) in files.items():
            form = page.locator(f'form[data-kind="{kind}"]')
            await form.locator("input[type=file]").set_input_files(tmp_path / name)
            await form.locator("button").click()
            await page.wait_for_selector(f"#{kind}-state.done", timeout=10_000)
            assert await form.locator("progress").get_attribute("value") == "100"
        await page.wait_for_selector("#complete:not([hidden])", timeout=10_000)
        await page.screenshot(path=tmp_path / "portal.png")
        await browser.close()

    async with httpx.AsyncClient(base_url=live_server) as http:
        status = (await http.get(f"/api/partner/v1/orders/{order_id}/status", headers={"X-Api-Key": clinic.live_key})).json()["data"]
    assert status["current_step_id"] == "scan_review"
    assert status["scan_status"] == "pending" and status["scan_id"].startswith("SCAN_")
