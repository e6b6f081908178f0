"""/api/webhooks/v1 as a partner uses it: its own endpoints only, safe URLs only, every
bad input answered in the platform's envelope."""

from __future__ import annotations

import pytest

from tests.factories import create_clinic, issue_key
from tests.webhooks.conftest import add_endpoint

BASE = "/api/webhooks/v1"


@pytest.fixture
async def clinic(db):
    return await create_clinic(db)


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


async def test_create_read_change_delete(client, clinic, receiver):
    made = await add_endpoint(client, clinic.live_key, receiver.url, description="ERP", event_types=["order.shipped", "order.created"])
    assert made["id"].startswith("we_") and made["secret"].startswith("whsec_") and made["event_types"] == ["order.created", "order.shipped"]
    listed = (await client.get(f"{BASE}/endpoints", headers={"X-Api-Key": clinic.live_key})).json()["data"]
    assert [e["id"] for e in listed] == [made["id"]] and "secret" not in listed[0]  # shown once
    changed = await client.patch(f"{BASE}/endpoints/{made['id']}", json={"description": None, "event_types": None, "enabled": False},
        headers=bearer(clinic.live_key))
    assert changed.status_code == 200 and changed.json()["description"] is None and changed.json()["event_types"] is None
    assert changed.json()["enabled"] is False
    assert (await client.delete(f"{BASE}/endpoints/{made['id']}", headers=bearer(clinic.live_key))).status_code == 204
    assert (await client.get(f"{BASE}/endpoints/{made['id']}", headers=bearer(clinic.live_key))).status_code == 404


async def test_another_accounts_and_the_other_modes_endpoints_are_invisible(client, db, clinic, receiver):
    made = await add_endpoint(client, clinic.live_key, receiver.url)
    other = await create_clinic(db)
    for headers in (bearer(other.live_key), bearer(clinic.test_key)):
        assert (await client.get(f"{BASE}/endpoints", headers=headers)).json()["data"] == []
        for method, path in (
            ("GET", f"/endpoints/{made['id']}"), ("PATCH", f"/endpoints/{made['id']}"), ("DELETE", f"/endpoints/{made['id']}"),
            ("POST", f"/endpoints/{made['id']}/rotate-secret"), ("POST", f"/endpoints/{made['id']}/test"),
            ("GET", f"/endpoints/{made['id']}/deliveries"), ("POST", "/events/msg_0123456789abcdef01234567/replay"),
        ):
            answer = await client.request(method, BASE + path, json={} if method == "PATCH" else None, headers=headers)
            assert answer.status_code == 404, (method, path, answer.text)
            assert answer.json()["error"]["code"] in ("endpoint_not_found", "event_not_found")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://127.0.0.2:9/hooks", "non-public address (127.0.0.2)"),  # loopback, not the allowed 127.0.0.1
        ("https://10.1.2.3/hooks", "non-public address (10.1.2.3)"),
        ("https://169.254.169.254/latest/meta-data", "non-public address"),  # the cloud metadata service
        ("https://[::1]/hooks", "non-public address (::1)"),
        ("https://0.0.0.0/hooks", "non-public address (0.0.0.0)"),
        ("http://example.com/hooks", "must use https"),  # live mode
        ("ftp://example.com/hooks", "absolute http or https URL"),
        ("https://user:pw@example.com/hooks", "must not carry credentials"),
        ("/relative", "absolute http or https URL"),
    ],
)
async def test_unsafe_urls_are_refused(client, clinic, url, words):
    answer = await client.post(f"{BASE}/endpoints", json={"url": url}, headers=bearer(clinic.live_key))
    assert answer.status_code == 400, answer.text
    error = answer.json()["error"]
    assert error["code"] == "url_not_allowed" and words in error["message"]


async def test_test_mode_may_use_http_but_not_a_private_address(client, clinic):
    refused = await client.post(f"{BASE}/endpoints", json={"url": "http://192.168.1.10/hooks"}, headers=bearer(clinic.test_key))
    assert refused.status_code == 400 and "192.168.1.10" in refused.json()["error"]["message"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "url"),
        ({"url": 12}, "url"),
        ({"url": "https://93.184.216.34/" + "a" * 2100}, "url"),
        ({"url": "https://93.184.216.34/\nx"}, None),
        ({"url": "https://93.184.216.34/", "colour": "red"}, "colour"),
        ({"url": "https://93.184.216.34/", "event_types": ["order.teleported"]}, "event_types"),
        ({"url": "https://93.184.216.34/", "event_types": "order.created"}, "event_types"),
        ({"url": "https://93.184.216.34/", "description": "d" * 501}, "description"),
    ],
)
async def test_bad_bodies_are_400_in_the_envelope(client, clinic, body, field):
    answer = await client.post(f"{BASE}/endpoints", json=body, headers=bearer(clinic.live_key))
    assert answer.status_code == 400, answer.text
    error = answer.json()["error"]
    assert error["request_id"]
    if field is not None:
        assert field in str(error.get("fields") or error["message"]), error


async def test_malformed_json_and_missing_or_read_only_keys(client, db, clinic):
    malformed = await client.post(f"{BASE}/endpoints", content=b'{"url": ', headers={**bearer(clinic.live_key), "content-type": "application/json"})
    assert malformed.status_code == 400 and "error" in malformed.json()
    missing = await client.get(f"{BASE}/endpoints")
    assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    reader = await issue_key(db, clinic, role="read_only")
    assert (await client.get(f"{BASE}/endpoints", headers=bearer(reader))).status_code == 200
    assert (await client.post(f"{BASE}/endpoints", json={"url": "https://93.184.216.34/"}, headers=bearer(reader))).status_code == 403
    both = await client.get(f"{BASE}/endpoints", headers={**bearer(clinic.live_key), "X-Api-Key": clinic.test_key})
    assert both.status_code == 401 and both.json()["error"]["code"] == "conflicting_credentials"


async def test_a_name_that_does_not_resolve_is_saved_but_not_sent_to(client, clinic, worker):
    made = await add_endpoint(client, clinic.live_key, "https://no-such-host.invalid/hooks")
    await client.post(f"{BASE}/endpoints/{made['id']}/test", headers=bearer(clinic.live_key))
    await worker.run_once()
    [delivery] = (await client.get(f"{BASE}/endpoints/{made['id']}/deliveries", headers=bearer(clinic.live_key))).json()["data"]
    assert "does not resolve" in delivery["attempt_log"][0]["error"]


async def test_deliveries_filters_are_checked(client, clinic, receiver):
    made = await add_endpoint(client, clinic.live_key, receiver.url)
    for params in ({"status": "lost"}, {"since": "yesterday"}, {"limit": "0"}, {"limit": "101"}):
        answer = await client.get(f"{BASE}/endpoints/{made['id']}/deliveries", params=params, headers=bearer(clinic.live_key))
        assert answer.status_code == 400, (params, answer.text)
    replay = await client.post(f"{BASE}/endpoints/{made['id']}/replay", json={"since": "not a time"}, headers=bearer(clinic.live_key))
    assert replay.status_code == 400


@pytest.mark.parametrize("url", ["http://127.0.0.1:99999/", "http://127.0.0.1:0/hook", "http://127.0.0.1:-1/", "http://127.0.0.1:8x/"])
async def test_a_port_out_of_range_is_refused(client, clinic, url):
    answer = await client.post(f"{BASE}/endpoints", json={"url": url}, headers=bearer(clinic.test_key))
    assert answer.status_code == 400, answer.text
    assert "port" in answer.json()["error"]["message"]


@pytest.mark.parametrize("enabled", [0, 1, "true", "no", "yes"])
async def test_enabled_is_a_boolean(client, clinic, receiver, enabled):
    made = await add_endpoint(client, clinic.live_key, receiver.url)
    answer = await client.patch(f"{BASE}/endpoints/{made['id']}", json={"enabled": enabled}, headers=bearer(clinic.live_key))
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["fields"][0]["field"] == "enabled"


@pytest.mark.parametrize("since", [0, 1700000000, "0", "1700000000", True, "yesterday"])
async def test_a_replays_since_is_a_time(client, clinic, receiver, since):
    made = await add_endpoint(client, clinic.live_key, receiver.url)
    answer = await client.post(f"{BASE}/endpoints/{made['id']}/replay", json={"since": since}, headers=bearer(clinic.live_key))
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["fields"][0]["field"] == "since"
    fine = await client.post(f"{BASE}/endpoints/{made['id']}/replay", json={"since": "2026-01-01T00:00:00Z"}, headers=bearer(clinic.live_key))
    assert fine.status_code == 202
