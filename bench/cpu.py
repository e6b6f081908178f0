"""CPU per request, in one process, with no HTTP and no load: the ASGI app called
directly, one request after another, against a scratch database.

    CAREPOST_DATABASE_URL=postgresql+asyncpg://…/scratch .venv/bin/python -m bench.cpu [N]

It migrates the database, loads bench/tenant.yaml, places one masks order, then
times N masks status reads, N masks creates, N devices creates, N devices list
pages, N pharmacy creates and N cases creates (and a bare route, for the
framework's floor), printing CPU and wall milliseconds per request. Where wrk
measures what the machine sustains, this says what one request costs the
Python process, without the noise of a shared two-core machine: the number a
change to a hot path should move. `--where DIR` reads one more round of each under
py-spy, by library (bench/where.py); with `--baseline`, the baseline's, to compare.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import re
import sys
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from bench import where
from bench.harness import PHARMACY_USER
from carepost.app import create_app
from carepost.config import Settings
from carepost.core.kit.db import Database
from carepost.core.kit.migrate import upgrade
from carepost.serving import settle_heap
from carepost.tenant_file import apply as tenant_file

TENANT = Path(__file__).parent / "tenant.yaml"
# The machine's speed wanders (a shared VM: the same code measured 2.7 and 6.3 ms a
# create minutes apart): each figure is the best of a few rounds, the code's own cost.
ROUNDS = 5
WARM = 50  # requests before the rounds (at most): pools, caches, compiled statements
# Every scenario, in the order they run (bench/instructions.py runs them one by one); the bare
# route is Carepost's alone.
SCENARIOS = (
    "bare route (GET /healthz)", "masks status", "masks create", "devices create", "devices list (first page)", "pharmacy create",
    "cases create",
)

# A list scenario's page is made by the create before it; `--only` the list makes it first.
_PAGE_FROM = {"devices list (first page)": "devices create"}
PAGE = 20  # the devices API's default page size


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


_PHONES = itertools.count(int(time.time()) % 10**7 * 10)  # a new user with every order: phones unique per account


def _pharmacy_order(n: str, products: list[int], payment_method: int) -> bytes:
    return json.dumps({
        "user": {"email": f"paciente-{n}@example.mx", "phone": f"+5255{next(_PHONES) % 10**8:08d}", "first_name": "Ana",
                 "last_name": "Bench"},
        "order": {"details": [{"product": products[0], "quantity": 2}, {"product": products[1], "quantity": 3}],
                  "payment_method": payment_method,
                  "shipping": {"street": "Av. Reforma", "exterior_number": "222", "neighborhood": "Juárez",
                               "city": "Ciudad de México", "state": "CDMX", "country": "México", "zipcode": "06600",
                               "phone": "+525512345678"}},
    }).encode()


_CASES_ORDER = json.dumps({"action": "PLACE_ORDER", "order": {
    "shippingAddress": {"addressLine1": "123 Main St", "city": "San Francisco", "state": "CA", "country": "US",
                        "postalCode": "94105"},
    "prescriber": {"firstName": "John", "lastName": "Smith", "npi": "1234567893", "email": "john.smith@example.com",
                   "phoneNumber": "+14155550100", "address": {"addressLine1": "456 Medical Center Dr",
                   "city": "San Francisco", "state": "CA", "country": "US", "postalCode": "94102"}},
    "diagnosis": "Hypertension", "pharmacyId": "pharmacy-123", "dateWritten": "2026-11-15",
    "prescriptionItems": [{"drugId": "drug-456", "direction": "Take 1 tablet daily", "quantity": "30", "refillCount": 3,
                           "supplyDays": 30}]}}).encode()


async def _call(
    app: Any, method: str, path: str, key: str, body: bytes = b"", *, key_header: bytes = b"authorization",
    more: tuple[tuple[bytes, bytes], ...] = (),
) -> tuple[int, bytes]:
    """One request through the ASGI app, as uvicorn would make it."""
    credential = f"Bearer {key}" if key_header == b"authorization" else key
    headers = [(b"host", b"bench"), (key_header, credential.encode()), (b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode()), *more]
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


async def main(count: int, only: list[str], where_dir: Path | None, baseline: bool) -> None:
    settings = Settings()
    db = Database(settings.resolved_database_url)
    await upgrade(db)
    reports = [r.as_dict() for r in await tenant_file.apply(db, tenant_file.read(TENANT), secret_key=settings.resolved_secret_key)]
    await db.dispose()
    key = next(r for r in reports if r["slug"] == "bench-clinic")["keys"][0]["secret"]
    devices = next(r for r in reports if r["slug"] == "bench-rpm")
    devices_key, item_id = devices["keys"][0]["secret"], devices["devices"]["items"][0]["id"]
    pharmacy = next(r for r in reports if r["slug"] == "bench-farmacia")
    pharmacy_key, products = pharmacy["keys"][0]["secret"], [p["id"] for p in pharmacy["pharmacy"]["products"]]
    payment_method = pharmacy["pharmacy"]["payment_methods"][0]["id"]
    cases = next(r for r in reports if r["slug"] == "bench-telehealth")
    cases_key, case_id = cases["keys"][0]["secret"], cases["cases"]["cases"][0]["id"]
    if key is None:
        sys.exit("bench/tenant.yaml was loaded before: use a scratch database")
    carepost = create_app(settings)
    async with carepost.router.lifespan_context(carepost), _measured(carepost, settings, baseline) as app:
        # As a served process settles it (serving.py): without this, whether a full collection of the
        # startup heap (170 ms, unsettled) fell inside the measured requests was left to chance, and
        # bench.instructions' counts with it.
        settle_heap()
        status, body = await _call(carepost, "POST", "/api/partner/v1/orders", key, _order("first"))
        assert status == 201, body
        order_id = json.loads(body)["data"]["vitacore_order_id"]
        tag = uuid.uuid4().hex[:8]
        status, body = await _call(carepost, "POST", "/api/token/", pharmacy_key, json.dumps(PHARMACY_USER).encode(),
                                   key_header=b"x-api-key")
        assert status == 200, body
        token = (b"authorization", f"Bearer {json.loads(body)['access']}".encode())
        cases = {
            **({} if baseline else {"bare route (GET /healthz)": lambda i: _call(app, "GET", "/healthz", key)}),
            "masks status": lambda i: _call(app, "GET", f"/api/partner/v1/orders/{order_id}/status", key),
            "masks create": lambda i: _call(app, "POST", "/api/partner/v1/orders", key, _order(f"{tag}-{i}")),
            "devices create": lambda i: _call(
                app, "POST", "/api/v3/order", devices_key, _devices_order(f"{tag}-{i}", item_id), key_header=b"impilo-api-key",
                more=((b"idempotency-key", f"cpu-{tag}-{i}".encode()),),
            ),
            "devices list (first page)": lambda i: _call(app, "GET", "/api/v3/order", devices_key, key_header=b"impilo-api-key"),
            "pharmacy create": lambda i: _call(
                app, "POST", "/api/orders/resources/", pharmacy_key, _pharmacy_order(f"{tag}-{i}", products, payment_method),
                key_header=b"x-api-key", more=(token, (b"idempotency-key", f"cpu-{tag}-{i}".encode())),
            ),
            "cases create": lambda i: _call(
                app, "POST", f"/api/v1/cases/{case_id}", cases_key, _CASES_ORDER, key_header=b"cv-api-key",
                more=((b"idempotency-key", f"cpu-{tag}-{i}".encode()),),
            ),
        }
        assert tuple(cases) == SCENARIOS[1 if baseline else 0:], "bench.cpu's SCENARIOS names every scenario, in order"
        ran = set()
        for name, request in cases.items():
            if only and not any(part in name for part in only):
                continue
            if (needed := _PAGE_FROM.get(name)) and needed not in ran:
                for i in range(PAGE):  # run alone (`--only`), the list still shows a full page
                    status, body = await cases[needed](-WARM - 1 - i)
                    assert status in (200, 201), body
            ran.add(name)
            for i in range(min(WARM, count)):
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
            if where_dir is not None:
                await _where(name, request, where_dir, cpu_ms)


@contextlib.asynccontextmanager
async def _measured(carepost: Any, settings: Settings, baseline: bool) -> AsyncIterator[Any]:
    """The app to time: Carepost, or the bare baseline (bench/baseline.py) on the same database."""
    if not baseline:
        yield carepost
        return
    os.environ["BENCH_DATABASE_URL"] = settings.resolved_database_url.replace("+asyncpg", "")
    os.environ["CAREPOST_SECRET_KEY"] = settings.resolved_secret_key
    from bench.baseline import app

    async with app.router.lifespan_context(app):
        yield app


WHERE_SECONDS = 5  # enough samples for a request of a third of a millisecond, too


async def _where(name: str, request: Any, out_dir: Path, cpu_ms: float) -> None:
    """Requests for WHERE_SECONDS more under py-spy (bench/where.py): its folded stacks kept in
    `out_dir`, and the share of the CPU, and of each request's milliseconds, in each library."""
    out_dir.mkdir(parents=True, exist_ok=True)
    recording = out_dir / (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + ".txt")
    with where.recording(recording):
        ends = time.perf_counter() + WHERE_SECONDS
        for i in itertools.count(10**6):
            await request(i)
            if time.perf_counter() > ends:
                break
    print(f"{'':28} where it goes ({recording}):\n{where.table(where.shares(recording), cpu_ms)}")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.cpu", description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=500, help="requests per round (500)")
    parser.add_argument("--only", action="append", default=[], help="the scenarios whose name contains this; repeatable")
    parser.add_argument("--baseline", action="store_true", help="time the bare baseline (bench/baseline.py) instead")
    parser.add_argument("--where", type=Path, metavar="DIR", help="one more round of each under py-spy: its stacks kept in DIR, "
                        "and the shares of its CPU by library printed (bench/where.py)")
    return parser.parse_args()


if __name__ == "__main__":
    arguments = _arguments()
    asyncio.run(main(arguments.count, arguments.only, arguments.where, arguments.baseline))
