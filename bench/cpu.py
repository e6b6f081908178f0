"""CPU per request, in one process, with no HTTP and no load: the ASGI app called
directly, one request after another, against a scratch database.

    CAREPOST_DATABASE_URL=postgresql+asyncpg://…/scratch .venv/bin/python -m bench.cpu [N]

It migrates the database, loads bench/tenant.yaml, places one masks order, then
times N masks status reads, N masks creates, N devices creates and N devices
list pages (and a bare route, for the framework's floor), printing CPU and wall
milliseconds per request. Where wrk
measures what the machine sustains, this says what one request costs the
Python process, without the noise of a shared two-core machine: the number a
change to a hot path should move.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import Any

from carepost.app import create_app
from carepost.config import Settings
from carepost.core.kit.db import Database
from carepost.core.kit.migrate import upgrade
from carepost.tenant_file import apply as tenant_file

TENANT = Path(__file__).parent / "tenant.yaml"
# The machine's speed wanders (a shared VM: the same code measured 2.7 and 6.3 ms a
# create minutes apart): each figure is the best of a few rounds, the code's own cost.
ROUNDS = 5


def _order(n: str) -> bytes:
    return json.dumps({
        "idempotency_key": f"cpu-{n}", "patient_email": f"patient-{n}@example.com", "patient_name": f"Patient {n}",
        "phone": "+15035550100", "mask_type": "cpap", "forge_sends_email_to_client": False,
        "shipping_address": {"first_name": "Pat", "last_name": "Bench", "address1": "1 Main Street", "city": "Portland",
                             "province": "Oregon", "country": "United States", "country_code": "US", "zip": "97201"},
    }).encode()


def _devices_order(n: str, item_id: int) -> bytes:
    return json.dumps({
        "patient": {"firstName": "Pat", "lastName": "Bench", "externalIdentifier": f"cpu-{n}",
                    "address": {"lineOne": "1 Main St", "city": "Portland", "state": "OR", "zipCode": "97201", "country": "US"}},
        "orderItems": [{"item": {"id": item_id}, "count": 1}], "externalOrderIds": [f"ext-{n}"],
    }).encode()


async def _call(
    app: Any, method: str, path: str, key: str, body: bytes = b"", *, key_header: bytes = b"authorization"
) -> tuple[int, bytes]:
    """One request through the ASGI app, as uvicorn would make it."""
    credential = f"Bearer {key}" if key_header == b"authorization" else key
    headers = [(b"host", b"bench"), (key_header, credential.encode()), (b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode())]
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "path": path,
             "raw_path": path.encode(), "root_path": "", "scheme": "http", "query_string": b"", "headers": headers,
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80)}
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    answer: dict[str, Any] = {"body": b""}

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop()
        await asyncio.Event().wait()  # no disconnect while the app works
        return {}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        else:
            answer["body"] += message.get("body", b"")

    await app(scope, receive, send)
    return answer["status"], answer["body"]


async def main(count: int) -> None:
    settings = Settings()
    db = Database(settings.resolved_database_url)
    await upgrade(db)
    reports = [asdict(r) for r in await tenant_file.apply(db, tenant_file.read(TENANT), secret_key=settings.resolved_secret_key)]
    await db.dispose()
    key = next(r for r in reports if r["slug"] == "bench-clinic")["keys"][0]["secret"]
    devices = next(r for r in reports if r["slug"] == "bench-rpm")
    devices_key, item_id = devices["keys"][0]["secret"], devices["devices"]["items"][0]["id"]
    if key is None:
        sys.exit("bench/tenant.yaml was loaded before: use a scratch database")
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        status, body = await _call(app, "POST", "/api/partner/v1/orders", key, _order("first"))
        assert status == 201, body
        order_id = json.loads(body)["data"]["vitacore_order_id"]
        tag = uuid.uuid4().hex[:8]
        cases = {
            "bare route (GET /healthz)": lambda i: _call(app, "GET", "/healthz", key),
            "masks status": lambda i: _call(app, "GET", f"/api/partner/v1/orders/{order_id}/status", key),
            "masks create": lambda i: _call(app, "POST", "/api/partner/v1/orders", key, _order(f"{tag}-{i}")),
            "devices create": lambda i: _call(
                app, "POST", "/api/v3/order", devices_key, _devices_order(f"{tag}-{i}", item_id), key_header=b"impilo-api-key"
            ),
            "devices list (first page)": lambda i: _call(app, "GET", "/api/v3/order", devices_key, key_header=b"impilo-api-key"),
        }
        for name, request in cases.items():
            for i in range(min(50, count)):  # warm: pools, caches, compiled statements
                await request(-i - 1)
            rounds = []
            for r in range(ROUNDS):
                cpu, wall = time.process_time(), time.perf_counter()
                for i in range(count):
                    status, body = await request(r * count + i)
                    assert status in (200, 201), body
                rounds.append(((time.process_time() - cpu) / count * 1000, (time.perf_counter() - wall) / count * 1000))
            cpu_ms, wall_ms = min(rounds)
            print(f"{name:28} cpu {cpu_ms:6.2f} ms  wall {wall_ms:6.2f} ms  (the best of {ROUNDS} rounds)")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
