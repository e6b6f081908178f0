"""The floor: a bare Starlette app on an asyncpg pool that sends the same SQL
statements Carepost sends for each scenario, each request in one transaction,
and answers with a small JSON body. No validation, no ORM, no middleware: what
is left of Carepost's time above this is the cost of its framework, models and
rules. Masks and devices creates here; pharmacy, cases and the devices list in
bench/baseline_more.py; what they share in bench/bare.py.

Keep it in step with Carepost: when a scenario sends other statements, change
them here too (`python -m bench.statements` prints Carepost's).
BENCH_DATABASE_URL: the benchmark database (postgresql://…).
"""

from __future__ import annotations

import json
import os
import random
import secrets
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench import bare
from bench import baseline_more as more


async def masks_create(request: Request) -> Response:
    raw = await request.body()
    body = json.loads(raw)
    async with bare.Pool.pool.acquire() as connection:
        key = await bare.auth(connection, request.headers["authorization"].removeprefix("Bearer "))
        async with connection.transaction():
            await bare.claim(connection, key, body["idempotency_key"], "masks.orders.create", raw)
            settings = await connection.fetchrow("SELECT * FROM mask_clinic_settings WHERE account_id = $1", key["account_id"])
            recipient = {"name": body["patient_name"], "email": body["patient_email"], "phone": body["phone"]}
            attributes = {"mask_type": body["mask_type"], "forge_sends_email_to_client": False}
            order_id, public_id = await bare.place(connection, key, dialect="masks", flow="made_to_measure", status="awaiting_scan",
                recipient=recipient, address=body["shipping_address"], attributes=attributes, patient_id=None)
            await connection.fetchrow("SELECT * FROM commerce_connections WHERE account_id = $1", key["account_id"])
            async with bare.Pool.aside.acquire() as aside, aside.transaction():  # the store's number aside (core/kit/db.py, aside)
                number = await aside.fetchval(
                    "INSERT INTO counters (account_id, name, value) VALUES ($1, $2, 1) "
                    "ON CONFLICT (account_id, name) DO UPDATE SET value = counters.value + $3 RETURNING counters.value",
                    key["account_id"], "store_order", 1,
                )
            entry = await connection.fetchval(
                "INSERT INTO commerce_ledger_orders (account_id, number, company_contact_email, variant_id, quantity, payment_terms, "
                "shipping_address, note, created_at, cancelled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL) RETURNING id",
                key["account_id"], 1000 + number, settings["contact_email"], "variant", 1, "NET_30",
                json.dumps(body["shipping_address"]), "note", datetime.now(UTC),
            )
            shopify = {"shopify_order_id": str(5_000_000_000 + entry), "shopify_order_name": f"#{1000 + number}"}
            # The order's store ids, written as soon as the store has answered (as Carepost).
            await connection.execute("UPDATE orders SET commerce_order_id = $1, commerce_order_name = $2 WHERE id = $3",
                shopify["shopify_order_id"], shopify["shopify_order_name"], order_id)
            await bare.record(connection, key, order_id)
            await bare.outbox(connection, key, {"order_id": public_id})
            # The event's data is the status object, from what placing wrote (no read, as Carepost).
            data = {"vitacore_order_id": public_id, "current_step_id": "awaiting_scan", **shopify, **recipient}
            await bare.publish(connection, key, order_id, data)
            await bare.complete(connection, key, body["idempotency_key"], 201, data)
    bare.log(key, "masks", "POST", "/api/partner/v1/orders", 201)
    return bare.answer({"success": True, "data": data}, 201)


async def masks_status(request: Request) -> Response:
    async with bare.Pool.pool.acquire() as connection:
        key = await bare.auth(connection, request.headers["authorization"].removeprefix("Bearer "))
        async with connection.transaction():
            # The order, its latest scan and its production record in one statement, as Carepost reads them.
            order = await connection.fetchrow(
                "SELECT orders.*, mask_scans.*, mask_production.* FROM orders "
                "LEFT OUTER JOIN mask_scans ON mask_scans.id = (SELECT max(id) FROM mask_scans WHERE mask_scans.order_id = orders.id) "
                "LEFT OUTER JOIN mask_production ON mask_production.order_id = orders.id "
                "WHERE orders.account_id = $1 AND orders.api_key_id = $2 AND orders.public_id = $3",
                key["account_id"], key["id"], request.path_params["order_id"],
            )
            await connection.execute(
                "INSERT INTO access_audit (account_id, api_key_id, order_id, action, request_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                key["account_id"], key["id"], order[0], "status", secrets.token_hex(16), datetime.now(UTC),
            )
    bare.log(key, "masks", "GET", "/api/partner/v1/orders/{vitacore_order_id}/status", 200)
    data = {"vitacore_order_id": order["public_id"], "current_step_id": order["status"], "updated_at": order["updated_at"].isoformat()}
    return bare.answer({"success": True, "data": data})


async def devices_create(request: Request) -> Response:
    raw = await request.body()
    body = json.loads(raw)
    idempotency_key = request.headers["idempotency-key"]
    patient = body["patient"]
    item_id = int(body["orderItems"][0]["item"]["id"])
    async with bare.Pool.pool.acquire() as connection:
        key = await bare.auth(connection, request.headers["impilo-api-key"])
        async with connection.transaction():
            await bare.claim(connection, key, idempotency_key, "devices.orders.create", raw)
            await connection.fetch(
                "SELECT items.*, manufacturers.id, manufacturers.name, EXISTS (SELECT * FROM retail_products WHERE retail_products.item_id = items.id) "
                "FROM items JOIN manufacturers ON items.manufacturer_id = manufacturers.id WHERE items.id = ANY($1::bigint[])", [item_id],
            )
            await connection.fetch(
                "SELECT id FROM patients WHERE account_id = $1 AND mode = $2 AND external_identifier = $3 ORDER BY id LIMIT 1",
                key["account_id"], key["mode"], patient["externalIdentifier"],
            )
            patient_id = await connection.fetchval(
                "INSERT INTO patients (account_id, mode, site_id, first_name, last_name, address, date_of_birth, sex, email, "
                "phone_number, external_identifier, enrolled, archived, updated_at) "
                "VALUES ($1, $2, NULL, $3, $4, $5, NULL, 'unknown', NULL, NULL, $6, false, false, $7) RETURNING id",
                key["account_id"], key["mode"], patient["firstName"], patient["lastName"], json.dumps(patient["address"]),
                patient["externalIdentifier"], datetime.now(UTC),
            )
            attributes = {"email_label": False, "shipping_option": "standard", "fulfillment_site_id": None}
            order_id, public_id = await bare.place(connection, key, dialect="devices", flow="logistics", status="reconfirmAddress",
                recipient={}, address=patient["address"], attributes=attributes, patient_id=patient_id)
            await connection.fetchval(
                "INSERT INTO order_lines (order_id, kind, ref_id, count) VALUES ($1, $2, $3, $4) RETURNING id", order_id, "item", item_id, 1
            )
            for value in body["externalOrderIds"]:
                await connection.fetchval("INSERT INTO order_external_ids (account_id, order_id, value) VALUES ($1, $2, $3) RETURNING id",
                    key["account_id"], order_id, value)
            stock = await connection.fetch("SELECT fulfillment_site_id, item_id, on_hand - reserved FROM stock WHERE item_id = ANY($1::bigint[])",
                [item_id])
            site_id = stock[0]["fulfillment_site_id"]
            await bare.record(connection, key, order_id)
            # The event's data is the order as the API shows it, from what placing wrote (no read, as Carepost).
            data = {"id": order_id, "currentStatus": "reconfirmAddress", "patient": {"id": patient_id, **patient}, "orderItems": body["orderItems"]}
            await bare.outbox(connection, key, {"order_id": public_id})
            await bare.publish(connection, key, order_id, data)
            await bare.complete(connection, key, idempotency_key, 201, data)
            # Last before the commit, as Carepost runs them (db.run_last): the hot rows.
            await connection.fetch(
                "UPDATE stock SET reserved = reserved + $1 WHERE fulfillment_site_id = $2 AND item_id = $3 AND on_hand - reserved >= $1 "
                "RETURNING item_id", 1, site_id, item_id,
            )
            await connection.fetchval(
                "INSERT INTO stock_reservations (account_id, order_id, fulfillment_site_id, item_id, quantity, created_at, released_at) "
                "VALUES ($1, $2, $3, $4, $5, $6, NULL) RETURNING id", key["account_id"], order_id, site_id, item_id, 1, datetime.now(UTC),
            )
            # The order's site, once its stock is reserved.
            await connection.execute(
                "UPDATE orders SET attributes = $1 WHERE id = $2", json.dumps({**attributes, "fulfillment_site_id": site_id}), order_id
            )
            await connection.execute(
                "INSERT INTO order_tallies (account_id, dialect, mode, status, slot, count) VALUES ($1, 'devices', $2, 'reconfirmAddress', $3, 1) "
                "ON CONFLICT (account_id, dialect, mode, status, slot) DO UPDATE SET count = order_tallies.count + excluded.count",
                key["account_id"], key["mode"], random.randrange(16),
            )
    bare.log(key, "devices", "POST", "/api/v3/order", 201)
    return bare.answer(data, 201)


@asynccontextmanager
async def lifespan(_: Starlette):  # type: ignore[no-untyped-def]
    more.token_key(os.environ["CAREPOST_SECRET_KEY"])
    statement_cache_size = int(os.environ.get("BENCH_STATEMENT_CACHE_SIZE", "100"))  # 0 behind PgBouncer
    await bare.Pool.open(os.environ["BENCH_DATABASE_URL"], statement_cache_size=statement_cache_size)
    yield
    await bare.Pool.close()


app = Starlette(
    routes=[
        Route("/api/partner/v1/orders", masks_create, methods=["POST"]),
        Route("/api/partner/v1/orders/{order_id}/status", masks_status, methods=["GET"]),
        Route("/api/v3/order", devices_create, methods=["POST"]),
        Route("/api/v3/order", more.devices_list, methods=["GET"]),
        Route("/api/orders/resources/", more.pharmacy_create, methods=["POST"]),
        Route("/api/orders/", more.pharmacy_list, methods=["GET"]),
        Route("/api/v1/cases/{case_id}", more.cases_place, methods=["POST"]),
    ],
    lifespan=lifespan,
)
