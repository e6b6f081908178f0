"""A read replica (CAREPOST_READ_REPLICA_URL, docs/deployment.md): the lists, the searches, FHIR's
and the bulk export read it; an order's own reads, the credentials and every write stay on the
primary. The "replica" here is a database of its own, migrated and empty, so that what a read
finds tells which database answered it; the same reads on the app without a replica find the
orders (PostgreSQL only: SQLite has no replicas, and the setting is refused beside it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from carepost.app import create_app
from carepost.config import Settings
from carepost.core.kit.db import Database, create_engine, is_database_unavailable
from carepost.core.kit.migrate import upgrade
from carepost.worker import Worker
from tests.fhir.helpers import FHIR, devices_orders, every_match
from tests.fhir.test_export import auth, finished, kick_off
from tests.pharmacy_world import order_body, pharmacy_world, token_for
from tests.scratch_postgres import close_database, reopen_database, scratch_database


@dataclass
class Replicated:
    client: httpx.AsyncClient  # the app whose lagging reads go to the (empty) replica
    settings: Settings
    db: Database  # that app's


@pytest.fixture
async def replicated(db, settings) -> AsyncIterator[Replicated]:
    if db.dialect_name != "postgresql":
        pytest.skip("a read replica is PostgreSQL's")
    async with scratch_database() as replica_url:
        replica = Database(replica_url)
        await upgrade(replica)
        await replica.dispose()
        with_replica = settings.model_copy(update={"read_replica_url": replica_url})
        app = create_app(with_replica)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
            yield Replicated(client, with_replica, app.state.runtime.db)
        await app.state.call_log.flush()
        await app.state.runtime.db.dispose()


async def test_a_devices_list_and_a_fhir_search_read_the_replica_and_an_orders_own_reads_the_primary(client, db, settings, replicated):
    placed = await devices_orders(client, db, settings)
    key, order_id = placed.keys["test"], placed.extra["order"]
    headers = {"Impilo-API-Key": key}
    request = (await every_match(client, "DeviceRequest", key))[0]  # one per line of the order

    assert (await client.get("/api/v3/order", headers=headers)).json()["total"] == 1
    assert (await replicated.client.get("/api/v3/order", headers=headers)).json()["total"] == 0
    detail = await replicated.client.get(f"/api/v3/order/{order_id}", headers=headers)
    assert detail.status_code == 200 and detail.json()["id"] == order_id

    searched = await replicated.client.get(f"{FHIR}/DeviceRequest", headers=auth(key))
    assert searched.status_code == 200 and searched.json()["total"] == 0
    read = await replicated.client.get(f"{FHIR}/DeviceRequest/{request['id']}", headers=auth(key))
    assert read.status_code == 200 and read.json()["id"] == request["id"]


async def test_a_pharmacy_list_reads_the_replica_and_the_order_the_primary(client, db, settings, replicated):
    world = await pharmacy_world(db, settings.resolved_secret_key)
    headers = world.headers(await token_for(client, world, mode="test"), mode="test")  # a token either app accepts
    placed = await client.post("/api/orders/resources/", json=order_body(world), headers=headers)
    assert placed.status_code == 201, placed.text
    order_id = placed.json()["id"]

    assert (await client.get("/api/orders/", headers=headers)).json()["count"] == 1
    assert (await replicated.client.get("/api/orders/", headers=headers)).json()["count"] == 0
    detail = await replicated.client.get(f"/api/orders/{order_id}/", headers=headers)
    assert detail.status_code == 200 and detail.json()["results"][0]["id"] == order_id


async def test_a_bulk_export_reads_the_replica(client, db, settings, replicated):
    placed = await devices_orders(client, db, settings)
    key = placed.keys["test"]
    on_primary = await finished(client, Worker.for_settings(db, settings), key, await kick_off(client, key))
    assert {output["type"] for output in on_primary["output"]} >= {"DeviceRequest", "Patient"}

    replica_db = replicated.settings.database()
    try:
        worker = Worker.for_settings(replica_db, replicated.settings)
        on_replica = await finished(replicated.client, worker, key, await kick_off(replicated.client, key))
    finally:
        await replica_db.dispose()
    # The job is the primary's; the orders it exported, the replica's: none (the account's Group is the caller's own).
    assert {output["type"] for output in on_replica["output"]} == {"Group"}


async def test_while_the_replica_is_away_a_list_answers_503_and_the_rest_is_served(client, db, settings, replicated):
    placed = await devices_orders(client, db, settings)
    headers = {"Impilo-API-Key": placed.keys["test"]}
    await close_database(replicated.settings.read_replica_url or "")
    try:
        listed = await replicated.client.get("/api/v3/order", headers=headers)
        assert listed.status_code == 503 and listed.headers["retry-after"], listed.text
        assert (await replicated.client.get(f"/api/v3/order/{placed.extra['order']}", headers=headers)).status_code == 200
        assert (await replicated.client.get("/readyz")).status_code == 200  # not out of the load balancer for a replica
    finally:
        await reopen_database(replicated.settings.read_replica_url or "")


async def test_the_replicas_pool_is_in_the_metrics_apart_from_the_primarys(replicated):
    async def replica_gauges() -> dict[str, float]:
        scraped = (await replicated.client.get("/metrics")).text
        return {
            sample.name: sample.value
            for family in text_string_to_metric_families(scraped)
            for sample in family.samples
            if sample.name.startswith("carepost_db_replica_pool")
        }

    async with replicated.db.read(may_lag=True) as session:
        await session.execute(text("SELECT 1"))  # a replica connection, held while the metrics are read
        during = await replica_gauges()
    after = await replica_gauges()

    assert during == {"carepost_db_replica_pool_in_use": 1, "carepost_db_replica_pool_waiting": 0}
    assert after == {"carepost_db_replica_pool_in_use": 0, "carepost_db_replica_pool_waiting": 0}


async def test_a_read_cancelled_by_a_serialization_failure_is_answered_as_unavailable(db):
    """A hot standby cancels a read whose rows the replay must change (SQLSTATE 40001, "conflict
    with recovery"); asked again it runs, so it is answered 503 with Retry-After, not 500. The
    same SQLSTATE provoked for real here, by two SERIALIZABLE transactions that skew."""
    if db.dialect_name != "postgresql":
        pytest.skip("SQLite serializes every writer: no serialization failure")
    async with scratch_database() as url:
        engine = create_engine(url).execution_options(isolation_level="SERIALIZABLE")
        try:
            async with engine.begin() as setup:
                await setup.execute(text("CREATE TABLE shifts (doctor text, on_call boolean)"))
                await setup.execute(text("INSERT INTO shifts VALUES ('a', true), ('b', true)"))
            async with engine.connect() as first, engine.connect() as second:
                for connection, doctor in ((first, "a"), (second, "b")):
                    await connection.begin()
                    await connection.execute(text("SELECT count(*) FROM shifts WHERE on_call"))
                    await connection.execute(text("UPDATE shifts SET on_call = false WHERE doctor = :d"), {"d": doctor})
                await first.commit()
                with pytest.raises(DBAPIError) as refused:
                    await second.commit()
        finally:
            await engine.dispose()
    assert refused.value.orig.sqlstate == "40001"
    assert is_database_unavailable(refused.value)


@pytest.mark.parametrize(
    ("database_url", "replica_url"),
    [
        (None, "postgresql+asyncpg://postgres@127.0.0.1:5432/replica"),  # embedded SQLite
        ("sqlite:///var/carepost.db", "postgresql+asyncpg://postgres@127.0.0.1:5432/replica"),
        ("postgresql+asyncpg://postgres@127.0.0.1:5432/primary", "sqlite:///var/replica.db"),
    ],
)
def test_a_replica_is_refused_unless_both_databases_are_postgresql(database_url, replica_url):
    with pytest.raises(ValidationError, match="CAREPOST_READ_REPLICA_URL is a PostgreSQL replica"):
        Settings(database_url=database_url, read_replica_url=replica_url)
