"""The floor: a bare Starlette app on an asyncpg pool that sends the same SQL
statements Carepost sends for masks create, masks status and devices create,
each request in one transaction, and answers with a small JSON body. No
validation, no ORM, no middleware: what is left of Carepost's time above this
is the cost of its framework, models and rules.

Keep it in step with Carepost: when a create or status sends other statements,
change them here too (`ALTER DATABASE … SET log_statement = 'all'` shows them).
BENCH_DATABASE_URL: the benchmark database (postgresql://…).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

pool: asyncpg.Pool


def _json(value: Any, status: int = 200) -> Response:
    return Response(json.dumps(value), status_code=status, media_type="application/json")


async def _auth(connection: asyncpg.Connection, secret: str) -> asyncpg.Record:
    rows = await connection.fetch(
        "SELECT api_keys.id, api_keys.account_id, api_keys.mode, api_keys.role, api_keys.revoked_at, account_dialects.dialect "
        "FROM api_keys LEFT OUTER JOIN account_dialects ON account_dialects.account_id = api_keys.account_id "
        "WHERE api_keys.secret_hash = $1",
        hashlib.sha256(secret.encode()).hexdigest(),
    )
    return rows[0]


async def _claim(connection: asyncpg.Connection, key: asyncpg.Record, idempotency_key: str, endpoint: str, body: bytes) -> None:
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


async def _complete(connection: asyncpg.Connection, key: asyncpg.Record, idempotency_key: str, status: int, body: dict[str, Any]) -> None:
    await connection.execute(
        "UPDATE idempotency_records SET state = $1, response_status = $2, response_body = $3 "
        "WHERE account_id = $4 AND key = $5 AND api_key_id = $6",
        "completed", status, json.dumps(body), key["account_id"], idempotency_key, key["id"],
    )


async def _log(connection: asyncpg.Connection, key: asyncpg.Record, dialect: str, method: str, route: str, status: int) -> None:
    await connection.execute(
        "INSERT INTO request_log (request_id, account_id, api_key_id, mode, dialect, method, route, status_code, duration_ms, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        secrets.token_hex(16), key["account_id"], key["id"], key["mode"], dialect, method, route, status, 1, datetime.now(UTC),
    )


async def _place(connection: asyncpg.Connection, key: asyncpg.Record, *, dialect: str, flow: str, status: str,
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


async def _record(connection: asyncpg.Connection, key: asyncpg.Record, order_id: int, payload: dict[str, Any]) -> None:
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


async def masks_create(request: Request) -> Response:
    raw = await request.body()
    body = json.loads(raw)
    async with pool.acquire() as connection, connection.transaction():
        key = await _auth(connection, request.headers["authorization"].removeprefix("Bearer "))
        await _claim(connection, key, body["idempotency_key"], "masks.orders.create", raw)
        settings = await connection.fetchrow(
            "SELECT account_id, ordering_enabled, contact_email, allowed_mask_types, variants, email_subject, email_text, "
            "email_html FROM mask_clinic_settings WHERE account_id = $1", key["account_id"],
        )
        recipient = {"name": body["patient_name"], "email": body["patient_email"], "phone": body["phone"]}
        attributes = {"mask_type": body["mask_type"], "forge_sends_email_to_client": False}
        order_id, public_id = await _place(connection, key, dialect="masks", flow="made_to_measure", status="awaiting_scan",
                                           recipient=recipient, address=body["shipping_address"], attributes=attributes, patient_id=None)
        await connection.fetchrow(
            "SELECT account_id, provider, config, sealed_credentials FROM commerce_connections WHERE account_id = $1", key["account_id"]
        )
        number = await connection.fetchval(
            "INSERT INTO counters (account_id, name, value) VALUES ($1, $2, $3) "
            "ON CONFLICT (account_id, name) DO UPDATE SET value = counters.value + $4 RETURNING counters.value",
            key["account_id"], "store_order", 1, 1,
        )
        await connection.fetchval(
            "INSERT INTO commerce_ledger_orders (account_id, number, company_contact_email, variant_id, quantity, payment_terms, "
            "shipping_address, note, created_at, cancelled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            key["account_id"], 1000 + number, settings["contact_email"], "variant", 1, "NET_30",
            json.dumps(body["shipping_address"]), "note", datetime.now(UTC), None,
        )
        await connection.execute(
            "UPDATE orders SET commerce_order_id = $1, commerce_order_name = $2 WHERE id = $3",
            str(5_000_000_000 + number), f"#{1000 + number}", order_id,
        )
        await _record(connection, key, order_id, {"order_id": public_id, "status": "awaiting_scan"})
        data = {"vitacore_order_id": public_id, "shopify_order_id": str(5_000_000_000 + number), **recipient}
        await _complete(connection, key, body["idempotency_key"], 201, data)
        await _log(connection, key, "masks", "POST", "/api/partner/v1/orders", 201)
    return _json({"success": True, "data": data}, 201)


async def masks_status(request: Request) -> Response:
    async with pool.acquire() as connection, connection.transaction():
        key = await _auth(connection, request.headers["authorization"].removeprefix("Bearer "))
        order = await connection.fetchrow(
            "SELECT * FROM orders WHERE account_id = $1 AND api_key_id = $2 AND public_id = $3",
            key["account_id"], key["id"], request.path_params["order_id"],
        )
        await connection.execute(
            "INSERT INTO access_audit (account_id, api_key_id, order_id, action, request_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            key["account_id"], key["id"], order["id"], "status", secrets.token_hex(16), datetime.now(UTC),
        )
        await connection.fetchrow("SELECT * FROM mask_scans WHERE order_id = $1 ORDER BY id DESC LIMIT 1", order["id"])
        await connection.fetchrow("SELECT * FROM mask_production WHERE order_id = $1", order["id"])
        await _log(connection, key, "masks", "GET", "/api/partner/v1/orders/{vitacore_order_id}/status", 200)
    data = {"vitacore_order_id": order["public_id"], "current_step_id": order["status"], "updated_at": order["updated_at"].isoformat()}
    return _json({"success": True, "data": data})


async def devices_create(request: Request) -> Response:
    raw = await request.body()
    body = json.loads(raw)
    idempotency_key = request.headers["idempotency-key"]
    async with pool.acquire() as connection, connection.transaction():
        key = await _auth(connection, request.headers["impilo-api-key"])
        await _claim(connection, key, idempotency_key, "devices.orders.create", raw)
        item_id = int(body["orderItems"][0]["item"]["id"])
        await connection.fetch(
            "SELECT items.*, manufacturers.id, manufacturers.name FROM items JOIN manufacturers "
            "ON items.manufacturer_id = manufacturers.id WHERE items.id = ANY($1::bigint[])", [item_id],
        )
        patient = body["patient"]
        patient_id = await connection.fetchval(
            "INSERT INTO patients (account_id, mode, site_id, first_name, last_name, address, date_of_birth, sex, email, "
            "phone_number, external_identifier, enrolled, archived) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            key["account_id"], key["mode"], None, patient["firstName"], patient["lastName"], json.dumps(patient["address"]),
            None, "unknown", None, None, patient["externalIdentifier"], False, False,
        )
        recipient = {"name": f"{patient['firstName']} {patient['lastName']}"}
        attributes = {"email_label": False, "shipping_option": "standard"}
        order_id, public_id = await _place(connection, key, dialect="devices", flow="logistics", status="reconfirmAddress",
                                           recipient=recipient, address=patient["address"], attributes=attributes, patient_id=patient_id)
        for value in body["externalOrderIds"]:
            await connection.execute("INSERT INTO order_external_ids (account_id, order_id, value) VALUES ($1, $2, $3)", key["account_id"], order_id, value)
        await connection.execute("INSERT INTO order_lines (order_id, kind, ref_id, count) VALUES ($1, $2, $3, $4)", order_id, "item", item_id, 1)
        stock = await connection.fetch(
            "SELECT fulfillment_site_id, item_id, on_hand, reserved FROM stock WHERE item_id = ANY($1::bigint[]) ORDER BY fulfillment_site_id", [item_id]
        )
        site_id = stock[0]["fulfillment_site_id"]
        await connection.execute(
            "UPDATE stock SET reserved = reserved + $1 WHERE fulfillment_site_id = $2 AND item_id = $3 AND on_hand - reserved >= $4",
            1, site_id, item_id, 1,
        )
        now = datetime.now(UTC)
        await connection.execute(
            "INSERT INTO stock_reservations (account_id, order_id, fulfillment_site_id, item_id, quantity, created_at, released_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7)", key["account_id"], order_id, site_id, item_id, 1, now, None,
        )
        await connection.execute(
            "UPDATE orders SET attributes = $1 WHERE id = $2", json.dumps({**attributes, "fulfillment_site_id": site_id}), order_id
        )
        await _record(connection, key, order_id, {"order_id": public_id, "status": "reconfirmAddress"})
        ids = [order_id]
        for table, order_by in (("order_lines", "id"), ("order_external_ids", "id"), ("order_notes", "id"), ("tracking_numbers", "id"),
                                ("packed_kits", "id"), ("order_devices", "device_id"), ("order_events", "id")):
            await connection.fetch(f"SELECT * FROM {table} WHERE order_id = ANY($1::bigint[]) ORDER BY {order_by}", ids)  # noqa: S608
        await connection.fetch(
            "SELECT items.*, manufacturers.name FROM items JOIN manufacturers ON items.manufacturer_id = manufacturers.id "
            "WHERE items.id = ANY($1::bigint[])", [item_id],
        )
        await connection.fetch("SELECT * FROM patients WHERE account_id = $1 AND mode = $2 AND id = ANY($3::bigint[])", key["account_id"], key["mode"], [patient_id])
        data = {"id": order_id, "currentStatus": "reconfirmAddress", "patient": {"id": patient_id, **patient}, "orderItems": body["orderItems"]}
        await _complete(connection, key, idempotency_key, 201, data)
        await _log(connection, key, "devices", "POST", "/api/v3/order", 201)
    return _json(data, 201)


@asynccontextmanager
async def lifespan(_: Starlette):  # type: ignore[no-untyped-def]
    global pool
    pool = await asyncpg.create_pool(os.environ["BENCH_DATABASE_URL"], min_size=2, max_size=10)
    yield
    await pool.close()


app = Starlette(
    routes=[
        Route("/api/partner/v1/orders", masks_create, methods=["POST"]),
        Route("/api/partner/v1/orders/{order_id}/status", masks_status, methods=["GET"]),
        Route("/api/v3/order", devices_create, methods=["POST"]),
    ],
    lifespan=lifespan,
)
