"""/docs as an integrator uses it, in headless Chromium: "Authorize" with a demo test key, then
"Try it out" with each create's default example, sent as it stands — and each succeeds. The
pharmacy's token comes from "Try it out" on its token endpoint, as a person would get it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.browser.chromium import CHROMIUM, CHROMIUM_FLAGS, needs_chromium
from tests.e2e.test_demo import _start_demo, _stop

pytestmark = [
    needs_chromium,
    pytest.mark.skipif(bool(os.environ.get("CAREPOST_TEST_DATABASE_URL")), reason="the demo runs on its embedded SQLite: once per CI run"),
]


def _test_key(manifest: dict, api: str) -> str:
    return next(a for a in manifest["accounts"] if a[api] and "test" in a["keys"])["keys"]["test"]


async def _authorize(page, scheme: str, value: str) -> None:
    await page.click("button.authorize")
    box = page.locator(".auth-container", has=page.locator(f"h4 code:text-is('{scheme}')"))
    await box.locator("input").fill(value)
    await box.locator("button.authorize").click()
    await page.click(".modal-ux .close-modal")


async def _try_it_out(page, tag: str, operation: str) -> tuple[int, dict]:
    """Open the operation, "Try it out", "Execute" with what the page filled in; its status and body."""
    block = page.locator(f"#operations-{tag}-{operation}")
    await block.locator(".opblock-summary").click()
    await block.locator("button.try-out__btn").click()
    await block.locator("button.execute").click()
    status = block.locator(".live-responses-table .response .response-col_status")
    await status.wait_for(timeout=20_000)
    body = await block.locator(".live-responses-table .response .response-col_description pre").first.inner_text()
    return int((await status.inner_text()).strip()), json.loads(body)


async def test_each_creates_example_succeeds_in_try_it_out_after_authorize(tmp_path: Path):
    from playwright.async_api import async_playwright

    process, port = _start_demo(tmp_path / "demo", tmp_path / "manifest.json")
    try:
        manifest = json.loads((tmp_path / "manifest.json").read_text())
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = await browser.new_page(viewport={"width": 1400, "height": 1000})
            await page.goto(f"http://127.0.0.1:{port}/docs")
            await page.wait_for_selector("button.authorize")
            for scheme, api in (("MasksApiKey", "masks"), ("ImpiloApiKey", "devices"), ("CvApiKey", "cases"), ("PharmacyApiKey", "pharmacy")):
                await _authorize(page, scheme, _test_key(manifest, api))

            answers = {
                "masks": await _try_it_out(page, "masks", "masks_create_order"),
                "devices": await _try_it_out(page, "devices", "devices_create_order"),
                "cases": await _try_it_out(page, "cases", "cases_place_order"),
                "open a case": await _try_it_out(page, "cases", "cases_open_case"),
            }
            status, token = await _try_it_out(page, "pharmacy", "pharmacy_obtain_token")
            assert status == 200, token
            await _authorize(page, "PharmacyBearer", token["access"])
            answers["pharmacy"] = await _try_it_out(page, "pharmacy", "pharmacy_create_order")
            await page.screenshot(path=tmp_path / "try-it-out.png")
            await browser.close()
    finally:
        _stop(process)

    assert {api: status for api, (status, _) in answers.items()} == {
        "masks": 201, "devices": 201, "cases": 200, "open a case": 200, "pharmacy": 201,
    }, answers
    assert answers["masks"][1]["data"]["vitacore_order_id"].startswith("ORD_")
    assert answers["devices"][1]["currentStatus"] == "reconfirmAddress" and answers["pharmacy"][1]["order_status"] == "quoted"
    assert answers["cases"][1]["data"]["order"]["id"]
