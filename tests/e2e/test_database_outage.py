"""While the database is away every request answers 503 with Retry-After, in its
contract's envelope; when it returns, the service recovers by itself.

The outage is real: the test closes a PostgreSQL database of its own to new
connections and ends every open one (and, for a server that is not there at
all, points at a port where nothing listens)."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from carepost.app import create_app
from carepost.config import Settings
from carepost.core.kit.db import Database
from carepost.core.kit.migrate import upgrade
from tests.devices_world import devices_world
from tests.dialects.masks.helpers import ORDERS, status_url
from tests.factories import create_clinic, create_operator, mask_order
from tests.scratch_postgres import close_database, reopen_database, scratch_database


def _settings(url: str, data_dir: Path) -> Settings:
    return Settings(database_url=url, data_dir=data_dir, secret_key="outage-test")


def _requests(clinic_key: str, devices_key: str, operator: str, order_id: str) -> list[tuple[str, str, dict]]:
    return [
        ("POST", ORDERS, {"json": mask_order(), "headers": {"X-Api-Key": clinic_key}}),
        ("GET", status_url(order_id), {"headers": {"X-Api-Key": clinic_key}}),
        ("GET", "/api/v3/order", {"headers": {"Impilo-API-Key": devices_key}}),
        ("GET", f"/api/ops/v1/orders/{order_id}", {"headers": {"Authorization": f"Bearer {operator}"}}),
        ("GET", "/api/portal/start-scan", {"params": {"order_id": order_id, "email": "patient@example.com"}}),
    ]


def _assert_unavailable(response: httpx.Response, path: str) -> None:
    assert response.status_code == 503, (path, response.status_code, response.text)
    assert response.headers["retry-after"].isdigit(), path
    if path.startswith("/api/partner/"):
        assert response.json()["error"]["code"] == "service_unavailable"
    elif path.startswith("/api/v3/"):
        assert response.json()["status"] == 503 and response.json()["error"] == "Service Unavailable"
    elif path.startswith("/api/portal/"):
        assert "Please try again shortly" in response.text


async def test_a_closed_database_answers_503_and_the_service_recovers_by_itself(tmp_path):
    async with scratch_database() as url:
        db = Database(url)
        await upgrade(db)
        clinic = await create_clinic(db)
        world = await devices_world(db)
        operator = await create_operator(db)
        await db.dispose()
        app = create_app(_settings(url, tmp_path))
        async with app.router.lifespan_context(app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as client:
            created = await client.post(ORDERS, json=mask_order(), headers={"X-Api-Key": clinic.live_key})
            order_id = created.json()["data"]["vitacore_order_id"]
            calls = _requests(clinic.live_key, world.customer.live_key, operator, order_id)

            await close_database(url)
            for method, path, options in calls:
                _assert_unavailable(await client.request(method, path, **options), path)

            await reopen_database(url)
            reopened = time.monotonic()
            for method, path, options in calls:
                response = await client.request(method, path, **options)
                assert response.status_code in (200, 201), (path, response.text)
            print(f"recovered: every surface answered within {time.monotonic() - reopened:.3f} s of the database reopening")


@pytest.mark.parametrize(
    "url",
    ["postgresql+asyncpg://postgres@127.0.0.1:1/nothing", "sqlite+aiosqlite:////nonexistent-carepost-dir/carepost.db"],
    ids=["postgresql-port-closed", "sqlite-file-unreachable"],
)
async def test_a_database_that_is_not_there_answers_503(tmp_path, url):
    app = create_app(_settings(url, tmp_path))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        response = await client.get(status_url("ORD_X"), headers={"X-Api-Key": "vc_live_whatever"})
        _assert_unavailable(response, status_url("ORD_X"))
        assert response.json()["error"]["request_id"] == response.headers["request-id"]
