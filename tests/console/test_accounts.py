"""The console's account pages: APIs, webhook endpoints with their deliveries and replays,
the patient e-mail template with its preview, pharmacy users; for admins only, keys (the
secret shown once, revoke) and each key's request log. Every id is the account's own."""

from __future__ import annotations

import re

import httpx
from sqlalchemy import select, update

from carepost.core.models import Account, ApiKey, WebhookDelivery
from tests.console.conftest import form_token, make_login, sign_in
from tests.dialects.masks.helpers import place
from tests.factories import create_clinic
from tests.pharmacy_world import pharmacy_world
from tests.webhooks.conftest import add_endpoint


async def _signed_in(browser: httpx.AsyncClient, db, role: str = "admin") -> None:
    assert (await sign_in(browser, await make_login(db, role=role))).status_code == 303


async def _slug(db, account_id: int) -> str:
    async with db.read() as session:
        return await session.scalar(select(Account.slug).where(Account.id == account_id))


async def _post(browser: httpx.AsyncClient, page_path: str, path: str, **fields: str) -> httpx.Response:
    page = await browser.get(page_path)
    return await browser.post(path, data={"csrf_token": form_token(page.text), **fields})


async def test_a_new_key_is_shown_once_works_and_is_revoked(browser, client, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    slug = await _slug(db, clinic.account_id)
    keys = f"/console/accounts/{slug}/keys"

    created = await _post(browser, keys, keys, name="Integration", mode="live", role="full")

    assert created.status_code == 201 and "will not be shown again" in created.text
    assert created.headers["cache-control"].startswith("no-store")
    secret = re.search(r'<code id="new-secret" class="secret-value">(cpk_live_[A-Za-z0-9]+)</code>', created.text).group(1)
    assert secret not in (await browser.get(keys)).text  # once
    assert (await place(client, secret)).startswith("ORD_")  # it opens the masks API
    async with db.read() as session:
        key_id = await session.scalar(select(ApiKey.id).where(ApiKey.account_id == clinic.account_id, ApiKey.name == "Integration"))
        assert await session.scalar(select(ApiKey.secret_hash).where(ApiKey.id == key_id)) != secret

    revoked = await _post(browser, keys, f"{keys}/{key_id}/revoke")
    assert revoked.status_code == 303 and "revoked" in (await browser.get(revoked.headers["location"])).text
    refused = await client.get("/api/partner/v1/orders/ORD_0000000000/status", headers={"X-Api-Key": secret})
    assert refused.status_code == 401


async def test_a_keys_request_log_shows_method_route_status_latency_and_request_id_only(browser, client, db, app):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    slug = await _slug(db, clinic.account_id)
    order_id = await place(client, clinic.live_key)
    status = await client.get(f"/api/partner/v1/orders/{order_id}/status", headers={"X-Api-Key": clinic.live_key})
    await app.state.call_log.flush()

    page = await browser.get(f"/console/accounts/{slug}/keys/{clinic.live_key_id}/requests")

    assert page.status_code == 200 and "2 requests" in page.text
    assert "/api/partner/v1/orders/{vitacore_order_id}/status" in page.text and status.headers["request-id"] in page.text
    assert order_id not in page.text and "Jane" not in page.text  # routes, not paths or bodies


async def test_keys_and_their_logs_belong_to_their_account(browser, db):
    await _signed_in(browser, db)
    mine, theirs = await create_clinic(db), await create_clinic(db)
    my_slug = await _slug(db, mine.account_id)
    keys = f"/console/accounts/{my_slug}/keys"

    revoke_theirs = await _post(browser, keys, f"{keys}/{theirs.live_key_id}/revoke")
    log_of_theirs = await browser.get(f"{keys}/{theirs.live_key_id}/requests")
    bad_mode = await _post(browser, keys, keys, name="x", mode="staging", role="full")
    control = await _post(browser, keys, keys, name="bad\x07name", mode="live", role="full")

    assert revoke_theirs.status_code == 404 and log_of_theirs.status_code == 404
    assert bad_mode.status_code == 400 and "mode must be one of live, test" in bad_mode.text
    assert control.status_code == 400 and "Name: one line" in control.text
    async with db.read() as session:
        assert await session.scalar(select(ApiKey.revoked_at).where(ApiKey.id == theirs.live_key_id)) is None


async def test_a_support_operator_is_refused_the_key_pages_and_sees_no_link(browser, db):
    await _signed_in(browser, db, role="support")
    clinic = await create_clinic(db)
    slug = await _slug(db, clinic.account_id)

    account = await browser.get(f"/console/accounts/{slug}")
    keys = await browser.get(f"/console/accounts/{slug}/keys")
    log = await browser.get(f"/console/accounts/{slug}/keys/{clinic.live_key_id}/requests")
    create = await browser.post(f"/console/accounts/{slug}/keys", data={"csrf_token": form_token(account.text), "name": "x", "mode": "live", "role": "full"})

    assert account.status_code == 200 and "/keys" not in account.text
    assert [r.status_code for r in (keys, log, create)] == [403, 403, 403]
    assert "Not for your role" in keys.text
    assert '<nav aria-label="Console">' in keys.text and "Sign out" in keys.text  # still in the console, signed in


async def test_the_email_template_is_previewed_saved_and_a_bad_one_is_shown_back_as_typed(browser, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    slug = await _slug(db, clinic.account_id)
    page_path = f"/console/accounts/{slug}"

    page = await browser.get(page_path)
    assert 'id="preview-subject">' in page.text and "Hello Jane," in page.text  # the sample values, rendered
    saved = await _post(browser, page_path, f"{page_path}/email-template", subject="Scan for {{mask_product_name}}",
        text="Hi {{patient_first_name}}: {{scan_upload_url}}", html="<p>Hi <b>{{patient_first_name}}</b><script>x()</script></p>")
    assert saved.status_code == 303
    after = await browser.get(page_path)
    assert "Scan for Form Fit Full Face CPAP" in after.text and "The e-mail template was saved." in (await browser.get(saved.headers["location"])).text
    frame = await browser.get(f"{page_path}/email-preview")
    assert frame.status_code == 200 and "<b>Jane</b>" in frame.text
    assert "sandbox" in frame.headers["content-security-policy"] and frame.headers["x-frame-options"] == "SAMEORIGIN"

    broken = await _post(browser, page_path, f"{page_path}/email-template", subject="Hi", text="{{ ''.__class__ }}", html="")
    assert broken.status_code == 400 and 'role="alert"' in broken.text
    assert "{{ &#39;&#39;.__class__ }}" in broken.text  # what was typed is still there to fix
    assert "Scan for Form Fit Full Face CPAP" in (await browser.get(page_path)).text  # the saved one stands


async def test_a_support_operator_reads_the_template_but_may_not_change_it(browser, db):
    await _signed_in(browser, db, role="support")
    clinic = await create_clinic(db)
    page_path = f"/console/accounts/{await _slug(db, clinic.account_id)}"

    page = await browser.get(page_path)
    refused = await _post(browser, page_path, f"{page_path}/email-template", subject="x", text="y")

    assert "readonly" in page.text and "Save the template" not in page.text
    assert refused.status_code == 403


async def test_an_endpoints_failed_deliveries_are_shown_with_attempts_and_sent_again(browser, client, db, receiver):
    await _signed_in(browser, db, role="support")
    clinic = await create_clinic(db)
    slug = await _slug(db, clinic.account_id)
    endpoint = await add_endpoint(client, clinic.live_key, receiver.url)
    await place(client, clinic.live_key)
    async with db.transaction() as session:
        await session.execute(update(WebhookDelivery).where(WebhookDelivery.account_id == clinic.account_id).values(status="failed", attempts=8))

    account = await browser.get(f"/console/accounts/{slug}")
    assert endpoint["id"] in account.text and endpoint["url"] in account.text
    path = f"/console/accounts/{slug}/webhooks/{endpoint['id']}?mode=live"
    page = await browser.get(path)
    assert page.status_code == 200 and "state-failed" in page.text
    replayed = await _post(browser, path, f"/console/accounts/{slug}/webhooks/{endpoint['id']}/replay?mode=live", days="3")
    assert replayed.status_code == 303 and replayed.headers["location"].endswith("done=1")
    async with db.read() as session:
        assert set(await session.scalars(select(WebhookDelivery.status).where(WebhookDelivery.account_id == clinic.account_id))) == {"pending"}
    bad_days = await _post(browser, path, f"/console/accounts/{slug}/webhooks/{endpoint['id']}/replay?mode=live", days="-1")
    other_mode = await browser.get(f"/console/accounts/{slug}/webhooks/{endpoint['id']}?mode=test")
    assert bad_days.status_code == 400 and other_mode.status_code == 404


async def test_pharmacy_users_are_listed_without_their_password_hashes(browser, db, settings):
    await _signed_in(browser, db)
    world = await pharmacy_world(db, settings.resolved_secret_key)
    page = await browser.get(f"/console/accounts/{world.slug}")

    assert page.status_code == 200 and world.email in page.text and "argon2" not in page.text


async def test_account_forms_without_their_token_or_from_another_site_change_nothing(browser, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    slug = await _slug(db, clinic.account_id)
    token = form_token((await browser.get(f"/console/accounts/{slug}/keys")).text)
    create = f"/console/accounts/{slug}/keys"
    revoke = f"/console/accounts/{slug}/keys/{clinic.live_key_id}/revoke"
    template = f"/console/accounts/{slug}/email-template"

    answers = [
        await browser.post(create, data={"name": "sneaky", "mode": "live", "role": "full"}),
        await browser.post(create, data={"csrf_token": token, "name": "sneaky", "mode": "live", "role": "full"}, headers={"Origin": "https://evil.example"}),
        await browser.post(revoke, data={"csrf_token": "not-the-token"}),
        await browser.post(revoke, data={"csrf_token": token}, headers={"Sec-Fetch-Site": "cross-site"}),
        await browser.post(template, data={"subject": "Pwned", "text": "x"}),
    ]

    assert [a.status_code for a in answers] == [403] * 5
    async with db.read() as session:
        names = set(await session.scalars(select(ApiKey.name).where(ApiKey.account_id == clinic.account_id)))
        assert "sneaky" not in names
        assert await session.scalar(select(ApiKey.revoked_at).where(ApiKey.id == clinic.live_key_id)) is None
    assert "Pwned" not in (await browser.get(f"/console/accounts/{slug}")).text


async def test_the_sandbox_autopilot_is_turned_on_and_off_with_its_interval_and_a_bad_one_refused(browser, db):
    await _signed_in(browser, db)
    clinic = await create_clinic(db)
    page_path = f"/console/accounts/{await _slug(db, clinic.account_id)}"
    assert 'id="autopilot"' in (page := (await browser.get(page_path)).text) and 'id="autopilot" checked' not in page

    saved = await _post(browser, page_path, f"{page_path}/sandbox", autopilot="on", interval_seconds="2.5")
    assert saved.status_code == 303 and "autopilot was saved" in (await browser.get(saved.headers["location"])).text
    shown = (await browser.get(page_path)).text
    assert 'name="autopilot" id="autopilot" checked' in shown and 'value="2.5"' in shown

    for interval in ("soon", "-1", "1e9"):
        refused = await _post(browser, page_path, f"{page_path}/sandbox", autopilot="on", interval_seconds=interval)
        assert refused.status_code == 400 and 'role="alert"' in refused.text
    off = await _post(browser, page_path, f"{page_path}/sandbox", interval_seconds="2.5")  # an unticked box is not sent
    assert off.status_code == 303 and 'id="autopilot" checked' not in (await browser.get(page_path)).text


async def test_a_support_operator_sees_the_autopilot_but_may_not_change_it(browser, db):
    await _signed_in(browser, db, role="support")
    clinic = await create_clinic(db)
    page_path = f"/console/accounts/{await _slug(db, clinic.account_id)}"
    refused = await _post(browser, page_path, f"{page_path}/sandbox", autopilot="on", interval_seconds="1")
    assert refused.status_code == 403 and "Save the autopilot" not in (await browser.get(page_path)).text
