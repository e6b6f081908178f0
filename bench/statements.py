"""Print the SQL statements Carepost sends for one request of each scenario, so
that the baseline (bench/baseline.py) can be kept in step with them.

    CAREPOST_DATABASE_URL=postgresql+asyncpg://…/scratch .venv/bin/python -m bench.statements

It migrates that (scratch) database, loads bench/tenant.yaml, sends one
request like each scenario's through the app in this process and prints the
statements in the order they were sent.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event

from carepost.app import create_app
from carepost.config import Settings
from carepost.core.kit import lean
from carepost.core.kit.db import Database
from carepost.core.kit.migrate import upgrade
from carepost.tenant_file import apply as tenant_file

TENANT = os.path.join(os.path.dirname(__file__), "tenant.yaml")


async def main() -> None:
    settings = Settings()
    db = Database(settings.resolved_database_url)
    await upgrade(db)
    reports = [r.as_dict() for r in await tenant_file.apply(db, tenant_file.read(Path(TENANT)), secret_key=settings.resolved_secret_key,
        webhook_policy=settings.webhook_policy)]
    await db.dispose()
    keys = {report["slug"]: report["keys"][0]["secret"] for report in reports}
    app = create_app(settings)
    sent: list[str] = []
    async with app.router.lifespan_context(app), httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        event.listen(app.state.runtime.db.engine.sync_engine, "before_cursor_execute", lambda *args: sent.append(" ".join(args[2].split())))
        _record_lean_statements(sent)
        for name, request in (await _samples(client, keys)).items():
            sent.clear()
            answer = await client.request(**request)
            print(f"\n== {name}: {answer.status_code}" + ("" if answer.is_success else f" {answer.text[:400]}"))
            print("\n".join(sent))


def _record_lean_statements(sent: list[str]) -> None:
    """Lean statements (core/kit/lean.py) go to the driver past SQLAlchemy's events:
    note each one as its driver call sends it, marked `(lean)`."""
    for driver in (lean._Asyncpg, lean._Sqlite):
        def fetch(self: Any, sql: str, values: Any, *, _send: Any = driver.fetch) -> Any:
            sent.append("(lean) " + " ".join(sql.split()))
            return _send(self, sql, values)

        driver.fetch = fetch  # type: ignore[method-assign]


async def _samples(client: httpx.AsyncClient, keys: dict[str, str]) -> dict[str, dict[str, Any]]:
    n = uuid.uuid4().hex[:8]
    pharmacy_key = {"X-API-Key": keys["bench-farmacia"]}
    token = (await client.post("/api/token/", headers=pharmacy_key, json={"email": "compras@bench-farmacia.example",
        "password": "bench-contraseña-1234"})).json()["access"]
    pharmacy = {**pharmacy_key, "Authorization": f"Bearer {token}"}
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
        "pharmacy list, search": {"method": "GET", "url": "/api/orders/?search=paciente&page=1", "headers": pharmacy},
        "cases create": {"method": "POST", "url": "/api/v1/cases/123e4567-e89b-12d3-a456-426614174000",
            "headers": {"cv-api-key": keys["bench-telehealth"], "Idempotency-Key": f"bench-{n}"}, "json": {
            "action": "PLACE_ORDER", "order": {
                "prescriber": {"firstName": "John", "lastName": "Smith", "npi": "1234567893", "email": "john.smith@example.com", "phoneNumber": "+14155550100",
                               "address": {"addressLine1": "456 Medical Center Dr", "city": "San Francisco", "state": "CA", "country": "US",
                                   "postalCode": "94102"}},
                "diagnosis": "Hypertension",
                "pharmacyId": "pharmacy-123", "dateWritten": "2026-11-15",
                "prescriptionItems": [{"drugId": "drug-456", "direction": "Take 1 tablet daily", "quantity": "30", "refillCount": 3, "supplyDays": 30}]}}},
        "devices list": {"method": "GET", "url": "/api/v3/order?page=0&size=20", "headers": {"Impilo-API-Key": keys["bench-rpm"]}},
    }


if __name__ == "__main__":
    asyncio.run(main())
