"""What every bare endpoint of the baseline shares: the pool, the key lookup,
idempotency, the request log, an order's insert and its event (bench/baseline.py)."""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
from starlette.responses import Response


class Pool:
    """The asyncpg pool, opened by the app's lifespan."""

    pool: asyncpg.Pool


def answer(value: Any, status: int = 200) -> Response:
    return Response(json.dumps(value), status_code=status, media_type="application/json")


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


async def log(connection: asyncpg.Connection, key: asyncpg.Record, dialect: str, method: str, route: str, status: int) -> None:
    await connection.execute(
        "INSERT INTO request_log (request_id, account_id, api_key_id, mode, dialect, method, route, status_code, duration_ms, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        secrets.token_hex(16), key["account_id"], key["id"], key["mode"], dialect, method, route, status, 1, datetime.now(UTC),
    )


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


async def record(connection: asyncpg.Connection, key: asyncpg.Record, order_id: int, payload: dict[str, Any]) -> None:
    now = datetime.now(UTC)
    await connection.execute(
        "INSERT INTO order_events (account_id, order_id, name, actor, data, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)",
        key["account_id"], order_id, "placed", f"api_key:{key['id']}", "{}", now,
    )
    await connection.execute(
        "INSERT INTO outbox_messages (account_id, topic, payload, created_at, available_at, attempts, claimed_by, delivered_at, last_error) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        key["account_id"], "order.placed", json.dumps(payload), now, now, 0, None, None, None,
    )
    # Every order event asks which of the account's webhook endpoints want it (core/webhooks/publishing.py).
    await connection.fetch(
        "SELECT * FROM webhook_endpoints WHERE account_id = $1 AND mode = $2 AND enabled IS true ORDER BY id",
        key["account_id"], key["mode"],
    )
