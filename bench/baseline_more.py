"""The baseline's pharmacy create and list, cases create and devices list: the
statements Carepost sends for each (`python -m bench.statements`), in one
transaction, with no validation or rules beyond what the SQL needs."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import asyncpg
import jwt
from starlette.requests import Request
from starlette.responses import Response

from bench import bare

# The pharmacy API's bearer token, checked as Carepost checks it (PyJWT, HS256, its derived key).
_TOKEN_KEY = b""


def token_key(secret: str) -> None:
    global _TOKEN_KEY
    _TOKEN_KEY = hmac.new(secret.encode(), b"carepost/pharmacy/access-token/v1", hashlib.sha256).digest()


async def _user(connection: asyncpg.Connection, key: asyncpg.Record, request: Request) -> asyncpg.Record:
    claims = jwt.decode(request.headers["authorization"].removeprefix("Bearer "), _TOKEN_KEY, algorithms=["HS256"])
    return await connection.fetchrow("SELECT * FROM account_users WHERE account_id = $1 AND id = $2", key["account_id"], claims["user_id"])


async def pharmacy_create(request: Request) -> Response:
    raw = await request.body()
    body = json.loads(raw)
    order, user_in = body["order"], body["user"]
    ids = [line["product"] for line in order["details"]]
    async with bare.Pool.pool.acquire() as connection:
        key = await bare.auth(connection, request.headers["x-api-key"])
        user = await _user(connection, key, request)
        async with connection.transaction():
            await bare.claim(connection, key, request.headers["idempotency-key"], "pharmacy.orders.create", raw)
            products = {row["id"]: row for row in await connection.fetch(
                "SELECT items.*, retail_products.* FROM items JOIN retail_products ON retail_products.item_id = items.id "
                "WHERE items.id = ANY($1::bigint[])", ids)}
            await connection.fetchrow("SELECT * FROM payment_methods WHERE account_id = $1 AND id = $2", key["account_id"], order["payment_method"])
            shipping = (await connection.fetch("SELECT * FROM shipping_methods WHERE active ORDER BY id"))[0]
            await connection.fetchrow(  # the patient with the e-mail, and the one with the phone
                "SELECT (SELECT patient_id FROM patient_contacts WHERE account_id = $1 AND mode = $2 AND kind = $3 AND value = $4), "
                "(SELECT patient_id FROM patient_contacts WHERE account_id = $1 AND mode = $2 AND kind = $5 AND value = $6)",
                key["account_id"], key["mode"], "email", user_in["email"].lower(), "phone", user_in["phone"],
            )
            async with connection.transaction():  # the patient and its contacts in a savepoint, as Carepost makes them
                patient_id = await connection.fetchval(
                    "INSERT INTO patients (account_id, mode, site_id, first_name, last_name, address, date_of_birth, sex, email, phone_number, "
                    "external_identifier, enrolled, archived, updated_at) VALUES ($1, $2, NULL, $3, $4, '{}', NULL, 'unknown', $5, $6, NULL, "
                    "false, false, $7) RETURNING id",
                    key["account_id"], key["mode"], user_in["first_name"], user_in["last_name"], user_in["email"], user_in["phone"], datetime.now(UTC),
                )
                await _contact(connection, key, patient_id, "email", user_in["email"].lower())
                await _contact(connection, key, patient_id, "phone", user_in["phone"])
            order_id, public_id = await bare.place(
                connection, key, dialect="pharmacy", flow="retail", status="quoted", recipient={"name": user_in["first_name"]},
                address=order["shipping"], attributes={}, patient_id=patient_id,
            )
            stock = await connection.fetch("SELECT fulfillment_site_id, item_id, on_hand - reserved FROM stock WHERE item_id = ANY($1::bigint[])", ids)
            site_id = stock[0]["fulfillment_site_id"]
            now = datetime.now(UTC)
            lines = [(line["product"], line["quantity"], products[line["product"]]["price"] * line["quantity"]) for line in order["details"]]
            subtotal = sum((amount for _, _, amount in lines), Decimal(0))
            await connection.execute(
                "INSERT INTO retail_orders (order_id, account_id, payment_method_id, payment_status, shipping_method_id, store_id, coupon_id, "
                "coupon_code, coupon_value, subtotal, discount, iva, shipping_price, shipping_discount, total, expected_delivery_date, "
                "max_delivery_date, comments, invoicing, generated_by, updated_by, insurance_refund_status, rejection_reason, origin, "
                "payment_date, shipping_date, receiving_date) VALUES ($1, $2, $3, 'credit', $4, NULL, NULL, NULL, NULL, $5, 0, 0, $6, 0, $7, "
                "$8, $9, NULL, NULL, $10, $10, 'not_applicable', NULL, 'api', NULL, NULL, NULL)",
                order_id, key["account_id"], order["payment_method"], shipping["id"], subtotal, shipping["price"], subtotal + shipping["price"],
                now + timedelta(days=3), now + timedelta(days=7), user["id"],
            )
            for item, quantity, amount in lines:
                await connection.fetchval(
                    "INSERT INTO retail_order_lines (order_id, item_id, quantity, unit_price, iva_rate, subtotal, discount, iva, total) "
                    "VALUES ($1, $2, $3, $4, 0, $5, 0, 0, $5) RETURNING id", order_id, item, quantity, products[item]["price"], amount,
                )
            await bare.record(connection, key, order_id)
            # The answer and the event's data are made from what placing wrote, with no read (core/retail/reading.placed_view).
            data = {"id": order_id, "total": float(subtotal + shipping["price"]), "order_status": "quoted"}
            await bare.outbox(connection, key, {"order_id": public_id})
            await bare.publish(connection, key, order_id, data)
            await bare.complete(connection, key, request.headers["idempotency-key"], 201, data)
            # Last before the commit, as Carepost runs them (db.run_last): the hot stock rows, all or none in a savepoint.
            async with connection.transaction():
                for line in order["details"]:
                    await _reserve(connection, line, site_id)
            for line in order["details"]:
                await connection.fetchval(
                    "INSERT INTO stock_reservations (account_id, order_id, fulfillment_site_id, item_id, quantity, created_at, released_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6, NULL) RETURNING id", key["account_id"], order_id, site_id, line["product"], line["quantity"], now,
                )
    bare.log(key, "pharmacy", "POST", "/api/orders/resources/", 201)
    return bare.answer(data, 201)


async def _contact(connection: asyncpg.Connection, key: asyncpg.Record, patient_id: int, kind: str, value: str) -> None:
    await connection.fetchval(
        "INSERT INTO patient_contacts (account_id, mode, kind, value, patient_id) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        key["account_id"], key["mode"], kind, value, patient_id,
    )


async def _reserve(connection: asyncpg.Connection, line: dict[str, int], site_id: int) -> None:
    await connection.fetch(
        "UPDATE stock SET reserved = reserved + $1 WHERE fulfillment_site_id = $2 AND item_id = $3 AND on_hand - reserved >= $1 "
        "RETURNING item_id", line["quantity"], site_id, line["product"],
    )


async def _pharmacy_children(connection: asyncpg.Connection, orders: list[asyncpg.Record]) -> None:
    """What pharmacy orders show besides their rows: lines, payment and shipping methods, prescriptions, invoices."""
    ids = [order["order_id"] for order in orders]
    await connection.fetch(
        "SELECT * FROM retail_order_lines JOIN items ON items.id = retail_order_lines.item_id LEFT OUTER JOIN retail_products "
        "ON retail_products.item_id = items.id WHERE retail_order_lines.order_id = ANY($1::bigint[]) ORDER BY retail_order_lines.id", ids,
    )
    await connection.fetch("SELECT * FROM payment_methods WHERE id = ANY($1::bigint[])", sorted({order["payment_method_id"] for order in orders}))
    await connection.fetch("SELECT * FROM shipping_methods WHERE id = ANY($1::bigint[])", sorted({order["shipping_method_id"] for order in orders}))
    await connection.fetch("SELECT * FROM prescriptions WHERE order_id = ANY($1::bigint[]) ORDER BY id", ids)
    await connection.fetch("SELECT * FROM invoices WHERE order_id = ANY($1::bigint[])", ids)


async def pharmacy_list(request: Request) -> Response:
    search = f"%{request.query_params['search'].lower()}%"
    where = (
        "FROM orders JOIN retail_orders ON retail_orders.order_id = orders.id JOIN patients ON patients.id = orders.patient_id "
        "WHERE orders.account_id = $1 AND orders.mode = $2 AND orders.dialect = 'pharmacy' "
        "AND (lower(patients.first_name) LIKE $3 OR lower(patients.last_name) LIKE $3)"
    )
    async with bare.Pool.pool.acquire() as connection:
        key = await bare.auth(connection, request.headers["x-api-key"])
        await _user(connection, key, request)
        count = await connection.fetchval(f"SELECT count(*) FROM (SELECT orders.id {where}) AS page", key["account_id"], key["mode"], search)
        async with bare.snapshot(connection):
            rows = await connection.fetch(f"SELECT * {where} ORDER BY orders.id DESC LIMIT 20 OFFSET 0", key["account_id"], key["mode"], search)
            if rows:
                await _pharmacy_children(connection, rows)
    bare.log(key, "pharmacy", "GET", "/api/orders/", 200)
    return bare.answer({"count": count, "results": [{"id": row["order_id"], "total": float(row["total"])} for row in rows]})


async def cases_place(request: Request) -> Response:
    raw = await request.body()
    order = json.loads(raw)["order"]
    idempotency_key = request.headers["idempotency-key"]
    async with bare.Pool.pool.acquire() as connection:
        key = await bare.auth(connection, request.headers["cv-api-key"])
        async with connection.transaction():
            await bare.claim(connection, key, idempotency_key, "cases.orders.place", raw)
            case = await connection.fetchrow("SELECT * FROM cases WHERE public_id = $1", request.path_params["case_id"])
            pharmacy = await connection.fetchrow("SELECT * FROM pharmacies WHERE code = $1", order["pharmacyId"])
            drugs = {row["code"]: row["id"] for row in await connection.fetch(
                "SELECT * FROM drugs WHERE code = ANY($1::text[])", [item["drugId"] for item in order["prescriptionItems"]])}
            order_id, public_id = await bare.place(
                connection, key, dialect="cases", flow="prescription", status="received", recipient={"name": "Maria Bench"},
                address=order["shippingAddress"], attributes={}, patient_id=None,
            )
            await connection.execute(
                "INSERT INTO case_orders (order_id, case_id, pharmacy_id, prescriber, diagnosis, patient_health, date_written, date_signed, "
                "date_prescribed, prescription_key, pharmacy_reference, failure) VALUES ($1, $2, $3, $4, $5, NULL, $6, NULL, NULL, NULL, NULL, NULL)",
                order_id, case["id"], pharmacy["id"], json.dumps(order["prescriber"]), order["diagnosis"], datetime.now(UTC).date(),
            )
            for item in order["prescriptionItems"]:
                await connection.fetchval(
                    "INSERT INTO case_order_items (order_id, drug_id, direction, quantity, refill_count, supply_days, custom_fields) "
                    "VALUES ($1, $2, $3, $4, $5, $6, NULL) RETURNING id",
                    order_id, drugs[item["drugId"]], item["direction"], item["quantity"], item["refillCount"], item["supplyDays"],
                )
            await bare.record(connection, key, order_id)
            # The event's data: the order with its items and its history, from what placing wrote (no read, as Carepost).
            data = {"status": 200, "success": True, "message": "Order created successfully", "data": {"order": {"id": public_id}}}
            await bare.outbox(connection, key, {"order_id": public_id})
            await bare.publish(connection, key, order_id, data["data"])
            await bare.complete(connection, key, idempotency_key, 200, data)
    bare.log(key, "cases", "POST", "/api/v1/cases/{case_id}", 200)
    return bare.answer(data)


async def devices_list(request: Request) -> Response:
    """One page of 20, newest first, with each order's children and the total from the tallies."""
    filters, values = "", []
    if "status" in request.query_params:
        filters, values = " AND status = $3", [request.query_params["status"]]
    async with bare.Pool.pool.acquire() as connection:
        key = await bare.auth(connection, request.headers["impilo-api-key"])
        async with bare.snapshot(connection):
            rows = await connection.fetch(
                f"SELECT * FROM orders WHERE account_id = $1 AND mode = $2 AND dialect = 'devices'{filters} ORDER BY id DESC LIMIT 20 OFFSET 0",
                key["account_id"], key["mode"], *values,
            )
            tallies = await connection.fetch(
                "SELECT status, count FROM order_tallies WHERE account_id = $1 AND dialect = $2 AND mode = $3", key["account_id"], "devices", key["mode"],
            )
            await bare.devices_view(connection, key, [row["id"] for row in rows], [row["patient_id"] for row in rows if row["patient_id"]])
    total = sum(count for status, count in tallies if not values or status == values[0])
    bare.log(key, "devices", "GET", "/api/v3/order", 200)
    # Each order with every column read: about 780 bytes an order, where Carepost's view of it is about
    # 930 (an id and status alone, 40, left a page's bytes to Carepost only: docs/performance.md,
    # "Lists on a vacuumed database").
    return bare.answer({"totalElements": int(total), "content": [dict(row) for row in rows]})
