"""Webhook endpoints from the tenant file, the CLI and the operator API; operators see
deliveries and replay them as partners do."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.e2e.test_cli import invoke_async
from tests.factories import create_clinic
from tests.webhooks.conftest import add_endpoint, run_until, run_until_delivery, verified


@pytest.fixture
def cli_env(monkeypatch, settings):
    monkeypatch.setenv("CAREPOST_DATABASE_URL", settings.resolved_database_url)
    monkeypatch.setenv("CAREPOST_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("CAREPOST_SECRET_KEY", settings.resolved_secret_key)
    monkeypatch.setenv("CAREPOST_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1")


async def test_the_tenant_file_makes_an_endpoint_once_and_reports_its_secret_once(cli_env, tmp_path, client, receiver):
    slug = f"hooks-{uuid.uuid4().hex[:8]}"
    path = tmp_path / "tenant.yaml"
    path.write_text(
        f"accounts:\n  - slug: {slug}\n    name: Hooks\n    dialects: [masks]\n    keys: [{{name: main, mode: live}}]\n"
        f"    webhooks:\n      - {{url: '{receiver.url}/erp', mode: live, event_types: [order.created]}}\n"
    )
    first = await invoke_async("load", str(path))
    assert first.exit_code == 0, first.output
    [hook] = json.loads(first.output)["accounts"][0]["webhooks"]
    assert hook["secret"].startswith("whsec_") and hook["url"].endswith("/erp")
    again = json.loads((await invoke_async("load", str(path))).output)["accounts"][0]["webhooks"]
    assert again == [{**hook, "secret": None}]  # the same endpoint; its secret is not shown again
    listed = await invoke_async("webhooks", "list", "--account", slug)
    assert [e["id"] for e in json.loads(listed.output)] == [hook["id"]]


async def test_cli_add_refuses_an_unsafe_url(cli_env, db):
    clinic = await create_clinic(db)
    refused = await invoke_async("webhooks", "add", "--account", clinic.slug, "--url", "https://10.0.0.8/hooks")
    assert refused.exit_code != 0 and "non-public address" in refused.output
    made = await invoke_async("webhooks", "add", "--account", clinic.slug, "--url", "https://93.184.216.34/hooks", "--event-type", "order.created")
    assert made.exit_code == 0 and json.loads(made.output)["event_types"] == ["order.created"]


async def test_operators_see_an_accounts_endpoints_and_deliveries_and_replay(client, db, worker, receiver, ops_headers):
    clinic = await create_clinic(db)
    endpoint = await add_endpoint(client, clinic.live_key, receiver.url)
    sent = (await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers={"X-Api-Key": clinic.live_key})).json()
    await run_until(worker, lambda: len(receiver.received) >= 1)
    base = f"/api/ops/v1/accounts/{clinic.slug}/webhooks"
    listed = (await client.get(base, headers=ops_headers)).json()["data"]
    assert [e["id"] for e in listed] == [endpoint["id"]]
    [delivery] = (await client.get(f"{base}/{endpoint['id']}/deliveries", headers=ops_headers)).json()["data"]
    assert delivery["event_id"] == sent["event_id"] and delivery["status"] == "succeeded"
    replayed = await client.post(f"{base}/events/{sent['event_id']}/replay", headers=ops_headers)
    assert replayed.json() == {"replayed": 1}
    await run_until(worker, lambda: len(receiver.received) >= 2)
    assert verified(endpoint["secret"], receiver.received[1])["type"] == "webhook.test"
    assert (await client.get(base, headers={"Authorization": f"Bearer {clinic.live_key}"})).status_code == 401
    made = await client.post(f"{base}?mode=test", json={"url": receiver.url + "/t"}, headers=ops_headers)
    assert made.status_code == 201 and made.json()["mode"] == "test" and made.json()["secret"].startswith("whsec_")


async def test_operators_change_remove_and_replay_an_accounts_endpoint(client, db, worker, receiver, ops_headers):
    clinic = await create_clinic(db)
    endpoint = await add_endpoint(client, clinic.live_key, receiver.url)
    base = f"/api/ops/v1/accounts/{clinic.slug}/webhooks"
    receiver.script = [500, 500, 500, 500]
    await client.post(f"/api/webhooks/v1/endpoints/{endpoint['id']}/test", headers={"X-Api-Key": clinic.live_key})
    await run_until_delivery(worker, client, clinic.live_key, endpoint["id"], lambda d: d["status"] == "failed")
    changed = await client.patch(f"{base}/{endpoint['id']}", json={"description": "after the outage"}, headers=ops_headers)
    assert changed.status_code == 200 and changed.json()["description"] == "after the outage"
    replayed = await client.post(f"{base}/{endpoint['id']}/replay", json={"since": "2020-01-01T00:00:00"}, headers=ops_headers)
    assert replayed.json() == {"replayed": 1}  # a time without an offset is UTC
    await run_until(worker, lambda: len(receiver.received) >= 5)
    assert (await client.delete(f"{base}/{endpoint['id']}", headers=ops_headers)).status_code == 204
    assert (await client.get(f"{base}/{endpoint['id']}/deliveries", headers=ops_headers)).status_code == 404
    assert (await client.get(f"{base}?mode=test", headers=ops_headers)).json() == {"data": []}
