"""The SQL statements Carepost and the bare baseline (bench/baseline.py) each send for one
request of every benchmarked scenario, and their shapes, so that the baseline cannot drift
from what it stands for: tests/bench/test_baseline_statements.py fails when a statement or a
migration changes one side and not the other.

    .venv/bin/python -m bench.statements      # prints both sides' statements and where their shapes differ

It makes a scratch PostgreSQL database on the machine's server (BENCH_POSTGRES, default
postgresql://postgres@127.0.0.1:5432), migrates it, loads bench/tenant.yaml, sends one
request like each scenario's to Carepost's app and then to the baseline's, both in this
process, and drops the database.

Both sides are heard at the driver: every statement asyncpg runs itself (lean statements,
transactions, the baseline's every call) through its query logger, and the ones SQLAlchemy
prepares through its `before_cursor_execute` event.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import sqlglot
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool

from bench import pg

TENANT = Path(__file__).parent / "tenant.yaml"
SECRET_KEY = "bench-statements-" + "k" * 32
PHARMACY_USER = {"email": "compras@bench-farmacia.example", "password": "bench-contraseña-1234"}  # bench/tenant.yaml
SCENARIOS = ("masks create", "masks status", "devices create", "pharmacy create", "pharmacy list, search", "cases create", "devices list")

# Both sides write the request log in batches, apart from the requests (http/call_log.py): not
# during the run, so that no batch's statements land amid a request's.
_NOT_DURING_THE_RUN = 3600.0

Statements = dict[str, list[str]]  # scenario → the statements one request sent, in order


@dataclass(frozen=True)
class Shape:
    """What a statement does, whatever its spelling: its kind, the tables it reads or writes
    and the columns it writes. `$1::BIGINT` or `$1`, `orders.id` or `id`, one column list or
    `*`: the same shape. Another table, another column written, one statement more or less:
    another."""

    kind: str
    tables: tuple[str, ...] = ()
    written: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.kind} {', '.join(self.tables)}" + (f" ({', '.join(self.written)})" if self.written else "")


def shape(sql: str) -> Shape:
    first = sql.split(None, 1)[0].rstrip(";").upper()
    if first in ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"):
        return Shape(first)
    tree = sqlglot.parse_one(sql, read="postgres")
    tables = tuple(sorted({table.name for table in tree.find_all(sqlglot.exp.Table)}))
    written: list[str] = []
    if isinstance(tree, sqlglot.exp.Insert) and isinstance(tree.this, sqlglot.exp.Schema):
        written = [column.name for column in tree.this.expressions]
    elif isinstance(tree, sqlglot.exp.Update):
        written = [assignment.this.name for assignment in tree.expressions]
    return Shape(tree.key.upper(), tables, tuple(sorted(written)))


def shapes(statements: list[str]) -> list[Shape]:
    return [shape(sql) for sql in statements]


# What asyncpg's pool runs on a connection given back (the baseline's); no request's statement.
_POOL_RESET = "SELECT pg_advisory_unlock_all();"
# What asyncpg asks once per connection about a type it has not met (arrays, enums), with JIT off.
_CATALOG = ("pg_catalog.pg_type", "set_config('jit'")


@contextlib.contextmanager
def heard(sent: list[str]) -> Iterator[Callable[[asyncpg.Connection], None]]:
    """While open, every statement of every SQLAlchemy engine goes to `sent`; the function
    given adds the same ear to an asyncpg connection of one's own (the baseline's)."""

    def note(sql: str) -> None:
        if not sql.startswith(_POOL_RESET) and not any(part in sql for part in _CATALOG):
            sent.append(" ".join(sql.split()))

    def on_asyncpg(connection: asyncpg.Connection) -> None:
        connection.add_query_logger(lambda logged: note(logged.query))

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        on_asyncpg(dbapi_connection.driver_connection)

    def before_cursor_execute(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        # asyncpg calls its query loggers on the loop's next turn (call_soon) after a statement
        # ends; noted at once, this statement would come before a lean one that ran first.
        # Noted on the next turn too, both keep the order they ran in.
        asyncio.get_running_loop().call_soon(note, statement)

    event.listen(Pool, "connect", on_connect)
    event.listen(Engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield on_asyncpg
    finally:
        event.remove(Pool, "connect", on_connect)
        event.remove(Engine, "before_cursor_execute", before_cursor_execute)


async def both_sides(dsn: str, data_dir: Path) -> tuple[Statements, Statements]:
    """(Carepost's, the baseline's) statements for each scenario, on a fresh database at
    `dsn` (postgresql://…); the baseline's requests come after Carepost's, as in a bench run."""
    from carepost.app import create_app
    from carepost.config import Settings
    from carepost.core.kit.db import Database
    from carepost.core.kit.migrate import upgrade
    from carepost.tenant_file import apply as tenant_file

    settings = Settings(database_url="postgresql+asyncpg://" + dsn.removeprefix("postgresql://"), secret_key=SECRET_KEY,
        data_dir=data_dir, log_level="warning")
    db = Database(settings.resolved_database_url)
    await upgrade(db)
    reports = [r.as_dict() for r in await tenant_file.apply(db, tenant_file.read(TENANT), secret_key=SECRET_KEY,
        webhook_policy=settings.webhook_policy)]
    await db.dispose()
    keys = {report["slug"]: report["keys"][0]["secret"] for report in reports}
    app = create_app(settings)
    sent: list[str] = []
    with heard(sent) as on_asyncpg:
        async with app.router.lifespan_context(app), httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
            app.state.call_log.delay = _NOT_DURING_THE_RUN
            token = (await client.post("/api/token/", headers={"X-API-Key": keys["bench-farmacia"]}, json=PHARMACY_USER)).json()["access"]
            status_of = (await client.request(**_samples(keys, token)["masks create"])).json()["data"]["vitacore_order_id"]
            carepost = await _send(client, _samples(keys, token, masks_order=status_of), sent)
        baseline = await _baseline(dsn, keys, token, status_of, sent, on_asyncpg)
    return carepost, baseline


async def _baseline(dsn: str, keys: dict[str, str], token: str, status_of: str, sent: list[str],
    on_asyncpg: Callable[[asyncpg.Connection], None]) -> Statements:
    from bench import bare, baseline

    environment = {"BENCH_DATABASE_URL": dsn, "CAREPOST_SECRET_KEY": SECRET_KEY}
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    bare.Pool.on_connect = on_asyncpg
    bare.CallLog.delay = _NOT_DURING_THE_RUN
    try:
        async with baseline.app.router.lifespan_context(baseline.app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=baseline.app), base_url="http://bench"
        ) as client:
            return await _send(client, _samples(keys, token, masks_order=status_of), sent)
    finally:
        bare.Pool.on_connect = None
        bare.CallLog.delay = 0.2
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


async def _send(client: httpx.AsyncClient, samples: dict[str, dict[str, Any]], sent: list[str]) -> Statements:
    found: Statements = {}
    for name in SCENARIOS:
        await asyncio.sleep(0)  # the request before is heard to its end (its COMMIT is told a loop turn late)
        sent.clear()
        answer = await client.request(**samples[name])
        if not answer.is_success:
            raise AssertionError(f"{name}: {answer.status_code} {answer.text[:400]}")
        await asyncio.sleep(0)  # what the request scheduled as it answered (the request log) has run
        found[name] = list(sent)
    return found


def _samples(keys: dict[str, str], token: str, *, masks_order: str = "") -> dict[str, dict[str, Any]]:
    """One request like each scenario's, with values of their own (idempotency keys, patients)."""
    n = uuid.uuid4().hex[:8]
    pharmacy = {"X-API-Key": keys["bench-farmacia"], "Authorization": f"Bearer {token}"}
    return {
        "masks create": {"method": "POST", "url": "/api/partner/v1/orders", "headers": {"Authorization": f"Bearer {keys['bench-clinic']}"}, "json": {
            "idempotency_key": f"bench-{n}", "patient_email": f"patient-{n}@example.com", "patient_name": f"Patient {n}", "phone": "+15035550100",
            "mask_type": "cpap", "forge_sends_email_to_client": False, "shipping_address": {
                "first_name": "Pat", "last_name": "Bench", "address1": "1 Main Street", "city": "Portland", "province": "Oregon",
                "country": "United States", "country_code": "US", "zip": "97201"}}},
        "devices create": {"method": "POST", "url": "/api/v3/order", "headers": {"Impilo-API-Key": keys["bench-rpm"],
            "Idempotency-Key": f"bench-{n}"}, "json": {
            "patient": {"firstName": "Pat", "lastName": "Bench", "externalIdentifier": f"bench-{n}", "address": {
                "lineOne": "1 Main St", "city": "Portland", "state": "OR", "zipCode": "97201", "country": "US"}},
            "orderItems": [{"item": {"id": 1}, "count": 1}], "externalOrderIds": [f"ext-{n}"]}},
        "pharmacy create": {"method": "POST", "url": "/api/orders/resources/", "headers": {**pharmacy, "Idempotency-Key": f"bench-{n}"}, "json": {
            "user": {"email": f"paciente-{n}@example.mx", "phone": f"+5255{int(n, 16) % 10**8:08d}", "first_name": "Ana", "last_name": "Bench"},
            "order": {"details": [{"product": 9, "quantity": 2}, {"product": 10, "quantity": 3}], "payment_method": 1, "shipping": {
                "street": "Av. Reforma", "exterior_number": "222", "neighborhood": "Juárez", "city": "Ciudad de México",
                "state": "CDMX", "country": "México", "zipcode": "06600", "phone": "+525512345678"}}}},
        "masks status": {"method": "GET", "url": f"/api/partner/v1/orders/{masks_order}/status",
            "headers": {"Authorization": f"Bearer {keys['bench-clinic']}"}},
        "pharmacy list, search": {"method": "GET", "url": "/api/orders/?search=bench&page=1", "headers": pharmacy},
        "cases create": {"method": "POST", "url": "/api/v1/cases/123e4567-e89b-12d3-a456-426614174000",
            "headers": {"cv-api-key": keys["bench-telehealth"], "Idempotency-Key": f"bench-{n}"}, "json": {
            "action": "PLACE_ORDER", "order": {
                "shippingAddress": {"addressLine1": "123 Main St", "city": "San Francisco", "state": "CA", "country": "US", "postalCode": "94105"},
                "prescriber": {"firstName": "John", "lastName": "Smith", "npi": "1234567893", "email": "john.smith@example.com", "phoneNumber": "+14155550100",
                               "address": {"addressLine1": "456 Medical Center Dr", "city": "San Francisco", "state": "CA", "country": "US",
                                   "postalCode": "94102"}},
                "diagnosis": "Hypertension",
                "pharmacyId": "pharmacy-123", "dateWritten": "2026-11-15",
                "prescriptionItems": [{"drugId": "drug-456", "direction": "Take 1 tablet daily", "quantity": "30", "refillCount": 3, "supplyDays": 30}]}}},
        "devices list": {"method": "GET", "url": "/api/v3/order?page=0&size=20", "headers": {"Impilo-API-Key": keys["bench-rpm"]}},
    }


def main() -> None:
    server = os.environ.get("BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432")

    async def run() -> tuple[Statements, Statements]:
        with tempfile.TemporaryDirectory(prefix="carepost-statements-") as data_dir:
            async with pg.scratch_database(server, "carepost_statements") as dsn:
                return await both_sides(dsn, Path(data_dir))

    carepost, baseline = asyncio.run(run())
    differ = 0
    for name in SCENARIOS:
        print(f"\n== {name}\n-- Carepost")
        print("\n".join(carepost[name]))
        print("-- baseline")
        print("\n".join(baseline[name]))
        if shapes(carepost[name]) != shapes(baseline[name]):
            differ += 1
            print("-- shapes differ (Carepost | baseline)")
            left, right = shapes(carepost[name]), shapes(baseline[name])
            for index in range(max(len(left), len(right))):
                a = str(left[index]) if index < len(left) else ""
                b = str(right[index]) if index < len(right) else ""
                print(f"{'  ' if a == b else '≠ '}{a[:70]:70} | {b[:70]}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
