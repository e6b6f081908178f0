"""/healthz, /readyz and /metrics."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families

from carepost.app import create_app
from carepost.config import Settings
from tests.dialects.masks.helpers import place, status_url
from tests.factories import create_clinic


def _samples(text: str) -> dict[tuple[str, tuple], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def _client_for(settings: Settings) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(settings)), base_url="http://testserver")


async def test_healthz_and_readyz_on_a_migrated_database(client):
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "database": "ok"}


async def test_readyz_refuses_a_database_without_the_migrations(tmp_path):
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}", data_dir=tmp_path, secret_key="x")
    async with await _client_for(settings) as client:
        response = await client.get("/readyz")
        assert (await client.get("/healthz")).status_code == 200  # alive, though not ready

    assert response.status_code == 503
    assert response.json()["database"] == "not migrated to head"


async def test_readyz_refuses_an_unreachable_database(tmp_path):
    settings = Settings(database_url="postgresql+asyncpg://postgres@127.0.0.1:1/none", data_dir=tmp_path, secret_key="x")
    async with await _client_for(settings) as client:
        response = await client.get("/readyz")

    assert response.status_code == 503
    assert response.headers["retry-after"]
    assert response.json()["database"] == "unreachable"


async def test_metrics_count_requests_by_route_template_and_status(client, db):
    clinic = await create_clinic(db)
    order_id = await place(client, clinic.live_key)
    await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})
    before = _samples((await client.get("/metrics")).text)
    await client.get(status_url(order_id), headers={"X-Api-Key": clinic.live_key})
    await client.get(status_url("ORD_NOPE"), headers={"X-Api-Key": clinic.live_key})

    response = await client.get("/metrics")
    after = _samples(response.text)

    assert response.headers["content-type"].startswith("text/plain")
    route = "/api/partner/v1/orders/{vitacore_order_id}/status"
    ok = ("carepost_http_requests_total", (("method", "GET"), ("route", route), ("status", "200")))
    missing = ("carepost_http_requests_total", (("method", "GET"), ("route", route), ("status", "404")))
    assert after[ok] == before[ok] + 1
    assert after[missing] == before.get(missing, 0) + 1
    assert not any(order_id in str(labels) for _, labels in after)  # ids never become labels
    histogram = ("carepost_http_request_duration_seconds_count", (("method", "GET"), ("route", route)))
    assert after[histogram] >= 3
    assert ("carepost_outbox_backlog", ()) in after
    assert after[("carepost_outbox_backlog", ())] >= 1  # placing an order published an event; no worker runs here
    assert after[("carepost_outbox_oldest_age_seconds", ())] >= 0
    assert ("carepost_db_pool_in_use", ()) in after


async def test_metrics_can_require_a_token(settings):
    guarded = settings.model_copy(update={"metrics_token": "scrape-me"})
    async with await _client_for(guarded) as client:
        refused = await client.get("/metrics")
        allowed = await client.get("/metrics", headers={"Authorization": "Bearer scrape-me"})

    assert refused.status_code == 401
    assert allowed.status_code == 200


async def test_metrics_show_the_rows_of_each_table_retention_bounds_or_keeps(client, db):
    clinic = await create_clinic(db)
    await place(client, clinic.live_key)
    found = _samples((await client.get("/metrics")).text)
    rows = {dict(labels)["table"]: value for (name, labels), value in found.items() if name == "carepost_table_rows"}
    assert set(rows) == {
        "outbox_messages", "webhook_events", "request_log", "console_sessions", "idempotency_records", "orders", "access_audit", "console_audit",
    }
    assert all(value >= 0 for value in rows.values())
    if db.dialect_name == "sqlite":  # exact there; PostgreSQL's is the planner's estimate, as fresh as its last ANALYZE
        assert rows["orders"] >= 1
