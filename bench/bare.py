"""What every bare endpoint of the baseline shares: the pool, the key lookup,
idempotency, the request log, an order's insert, its event and its webhook event
(bench/baseline.py, bench/baseline_more.py)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import secrets
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
from starlette.responses import Response


class Pool:
    """The asyncpg pool, opened by the app's lifespan."""

    pool: asyncpg.Pool
    aside: asyncpg.Pool  # two connections for the statements Carepost runs aside (core/kit/db.py, aside)
    on_connect: Callable[[asyncpg.Connection], None] | None = None  # bench/statements.py listens to every connection

    @classmethod
    async def open(cls, dsn: str, *, statement_cache_size: int) -> None:
        async def init(connection: asyncpg.Connection) -> None:
            if cls.on_connect is not None:
                cls.on_connect(connection)

        cls.pool = await asyncpg.create_pool(dsn, min_size=2, max_size=10, statement_cache_size=statement_cache_size, init=init)
        cls.aside = await asyncpg.create_pool(dsn, min_size=1, max_size=2, statement_cache_size=statement_cache_size, init=init)

    @classmethod
    async def close(cls) -> None:
        await cls.pool.close()
        await cls.aside.close()


def answer(value: Any, status: int = 200) -> Response:
    # default=str: a list's rows, answered whole, hold datetimes
    return Response(json.dumps(value, default=str), status_code=status, media_type="application/json")


async def auth(connection: asyncpg.Connection, secret: str) -> asyncpg.Record:
    rows = await connection.fetch(
        "SELECT api_keys.id, api_keys.account_id, api_keys.mode, api_keys.role, api_keys.revoked_at, accounts.rate_limit_per_minute, "
        "account_dialects.dialect FROM api_keys JOIN accounts ON accounts.id = api_keys.account_id "
        "LEFT OUTER JOIN account_dialects ON account_dialects.account_id = api_keys.account_id WHERE api_keys.secret_hash = $1",
        hashlib.sha256(secret.encode()).hexdigest(),
    )
    return rows[0]


async def claim(connection: asyncpg.Connection, key: asyncpg.Record, idempotency_key: str, endpoint: str, body: bytes) -> None:
    now = datetime.now(UTC)
    await connection.fetchval(
        "INSERT INTO idempotency_records (account_id, key, api_key_id, endpoint, fingerprint, state, locked_at, expires_at, "
        "response_status, response_body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL) "
        "ON CONFLICT (account_id, key) DO UPDATE SET api_key_id = excluded.api_key_id, endpoint = excluded.endpoint, "
        "fingerprint = excluded.fingerprint, state = excluded.state, locked_at = excluded.locked_at, "
        "expires_at = excluded.expires_at, response_status = excluded.response_status, response_body = excluded.response_body "
        "WHERE idempotency_records.expires_at <= $7 OR idempotency_records.state != 'completed' RETURNING id",
        key["account_id"], idempotency_key, key["id"], endpoint, hashlib.sha256(body).hexdigest(), "in_flight", now,
        now + timedelta(hours=24),
    )


async def complete(connection: asyncpg.Connection, key: asyncpg.Record, idempotency_key: str, status: int, body: dict[str, Any]) -> None:
    await connection.execute(
        "UPDATE idempotency_records SET state = $1, response_status = $2, response_body = $3 "
        "WHERE account_id = $4 AND key = $5 AND api_key_id = $6",
        "completed", status, json.dumps(body), key["account_id"], idempotency_key, key["id"],
    )


class CallLog:
    """The request log written as Carepost writes it (http/call_log.py): rows kept in memory
    for up to 0.2 s, then written in one statement, in a transaction of their own."""

    delay = 0.2
    rows: list[tuple[Any, ...]] = []
    timer: asyncio.TimerHandle | None = None
    writing: set[asyncio.Task[None]] = set()

    @classmethod
    def add(cls, row: tuple[Any, ...]) -> None:
        cls.rows.append(row)
        if cls.timer is None:
            cls.timer = asyncio.get_running_loop().call_later(cls.delay, cls._write_soon)

    @classmethod
    def _write_soon(cls) -> None:
        cls.timer = None
        batch, cls.rows = cls.rows, []
        task = asyncio.get_running_loop().create_task(cls._write(batch))
        cls.writing.add(task)
        task.add_done_callback(cls.writing.discard)

    @classmethod
    async def _write(cls, batch: list[tuple[Any, ...]]) -> None:
        async with Pool.pool.acquire() as connection, connection.transaction():
            await connection.executemany(
                "INSERT INTO request_log (request_id, account_id, api_key_id, mode, dialect, method, route, status_code, duration_ms, "
                "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", batch,
            )


def log(key: asyncpg.Record, dialect: str, method: str, route: str, status: int) -> None:
    CallLog.add((secrets.token_hex(16), key["account_id"], key["id"], key["mode"], dialect, method, route, status, 1, datetime.now(UTC)))


async def place(connection: asyncpg.Connection, key: asyncpg.Record, *, dialect: str, flow: str, status: str,
                 recipient: dict[str, Any], address: dict[str, Any], attributes: dict[str, Any], patient_id: int | None) -> tuple[int, str]:
    now = datetime.now(UTC)
    public_id = f"ORD_{secrets.randbelow(10**10):010d}"
    order = await connection.fetchrow(
        "INSERT INTO orders (public_id, account_id, api_key_id, mode, dialect, flow, status, recipient, shipping_address, "
        "attributes, warnings, patient_id, site_id, commerce_order_id, commerce_order_name, commerce_cancelled, placed_at, "
        "updated_at, cancelled_at, cancel_reason, cancel_reference) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) "
        "ON CONFLICT (public_id) DO NOTHING RETURNING *",
        public_id, key["account_id"], key["id"], key["mode"], dialect, flow, status, json.dumps(recipient),
        json.dumps(address), json.dumps(attributes), "[]", patient_id, None, None, None, False, now, now, None, None, None,
    )
    return order["id"], public_id


async def record(connection: asyncpg.Connection, key: asyncpg.Record, order_id: int, name: str = "placed") -> None:
    """The order's event, in its history (order_events)."""
    await connection.fetchval(
        "INSERT INTO order_events (account_id, order_id, name, actor, data, occurred_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        key["account_id"], order_id, name, f"api_key:{key['id']}", "{}", datetime.now(UTC),
    )


async def outbox(connection: asyncpg.Connection, key: asyncpg.Record, payload: dict[str, Any]) -> None:
    """The event's message for the worker (core/outbox)."""
    now = datetime.now(UTC)
    await connection.fetchval(
        "INSERT INTO outbox_messages (account_id, topic, payload, created_at, available_at, attempts, trace_context) "
        "VALUES ($1, $2, $3, $4, $5, 0, NULL) RETURNING id",
        key["account_id"], "order.placed", json.dumps(payload), now, now,
    )


async def publish(connection: asyncpg.Connection, key: asyncpg.Record, order_id: int, data: dict[str, Any]) -> None:
    """The webhook event (the Events API's row), and which endpoints want it (core/webhooks/publishing.py)."""
    await connection.fetchrow(
        "INSERT INTO webhook_events (public_id, account_id, mode, type, order_id, source, payload, created_at, trace_context) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL) ON CONFLICT (source) DO NOTHING RETURNING *",
        f"evt_{secrets.token_hex(12)}", key["account_id"], key["mode"], "order.placed", order_id, f"order_event:{secrets.token_hex(8)}",
        json.dumps({"data": data}), datetime.now(UTC),
    )
    await connection.fetch(
        "SELECT id, event_types FROM webhook_endpoints WHERE account_id = $1 AND mode = $2 AND enabled IS true ORDER BY id",
        key["account_id"], key["mode"],
    )


async def children(connection: asyncpg.Connection, ids: list[int], tables: tuple[tuple[str, str], ...]) -> list[list[asyncpg.Record]]:
    """Each (table, order by) row of the orders `ids`, a statement per table, as Carepost loads an order's children."""
    return [await connection.fetch(f"SELECT * FROM {table} WHERE order_id = ANY($1::bigint[]) ORDER BY {order_by}", ids)
            for table, order_by in tables]


# A devices order's children (core/logistics/repository.py), read for its view.
DEVICES_CHILDREN = (("order_lines", "id"), ("order_external_ids", "id"), ("order_notes", "id"), ("tracking_numbers", "id"),
                    ("packed_kits", "id"), ("order_devices", "device_id"), ("order_events", "id"))


async def devices_view(connection: asyncpg.Connection, key: asyncpg.Record, ids: list[int], patient_ids: list[int]) -> None:
    """What Carepost reads to show devices orders (a page of the list, an event's data): their
    children, their lines' items, their patients."""
    lines, *_ = await children(connection, ids, DEVICES_CHILDREN)
    await connection.fetch(
        "SELECT items.*, manufacturers.id, manufacturers.name, EXISTS (SELECT * FROM retail_products WHERE retail_products.item_id = items.id) "
        "FROM items JOIN manufacturers ON items.manufacturer_id = manufacturers.id WHERE items.id = ANY($1::bigint[])",
        sorted({line["ref_id"] for line in lines}),
    )
    await connection.fetch(
        "SELECT * FROM patients WHERE account_id = $1 AND mode = $2 AND id = ANY($3::bigint[])", key["account_id"], key["mode"], patient_ids,
    )


@contextlib.asynccontextmanager
async def snapshot(connection: asyncpg.Connection) -> AsyncIterator[None]:
    """A read, as Carepost's Database.read(): one snapshot, read only, rolled back at the end."""
    await connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    try:
        yield
    finally:
        await connection.execute("ROLLBACK")
