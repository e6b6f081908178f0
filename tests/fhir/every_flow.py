"""One account with all four APIs, made through the tenant file, and a test order placed in each
through its own API: what a bulk export of a whole account is tested on."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from carepost.tenant_file.apply import apply
from carepost.tenant_file.apply import model as tenant_model
from tests.cases_world import EXAMPLE_ORDER, cases_world
from tests.devices_world import devices_world, patient_order
from tests.dialects.masks.helpers import place
from tests.pharmacy_world import PDF, order_body, pharmacy_world

PASSWORD = "every flow has a password"


@dataclass
class EveryFlow:
    keys: dict[str, str]  # by mode
    orders: dict[str, str]  # by API: the test order's public id


async def every_flow_account(client: httpx.AsyncClient, db: Any, settings: Any) -> EveryFlow:
    tag = uuid.uuid4().hex[:8]
    # The supply every account shares: the devices catalog and stock, the pharmacy's products, the cases network.
    devices, pharmacy = await devices_world(db), await pharmacy_world(db, settings.resolved_secret_key)
    await cases_world(db, settings.resolved_secret_key)
    email = f"compras-{tag}@every.example"
    address = {"line_one": "1 Main St", "city": "Portland", "state": "OR", "zip_code": "97201", "country": "US"}
    tenant = tenant_model().model_validate(
        {
            "accounts": [
                {
                    "slug": f"every-{tag}",
                    "name": f"Every API {tag}",
                    "dialects": ["masks", "devices", "pharmacy", "cases"],
                    "keys": [{"name": "main", "mode": "live"}, {"name": "main", "mode": "test"}],
                    "users": [{"email": email, "password": PASSWORD}],
                    "masks": {
                        "ordering_enabled": True,
                        "contact_email": f"store-{tag}@every.example",
                        "allowed_mask_types": ["cpap"],
                        "variants": {"cpap": "gid://shopify/ProductVariant/1"},
                    },
                    "devices": {
                        "patients": [{"mode": "test", "external_identifier": f"EV-{tag}", "first_name": "Dev", "last_name": "Patient", "address": address}]
                    },
                    "pharmacy": {"payment_methods": [{"code": "net30", "name": "Crédito", "kind": "credit"}]},
                    "cases": [{"mode": "test", "patient": {"firstName": "Case", "lastName": "Patient"}}],
                }
            ]
        }
    )
    [report] = await apply(db, tenant, secret_key=settings.resolved_secret_key)
    keys = {k.mode: k.secret for k in report.keys}
    test = keys["test"]
    orders = {"masks": await place(client, test)}

    [patient] = [p["id"] for p in report.sections["devices"]["patients"] if p["mode"] == "test"]
    body = patient_order(devices, patient={"id": patient})
    placed = await client.post("/api/v3/order", json=body, headers={"Impilo-API-Key": test})
    assert placed.status_code == 201, placed.text
    orders["devices"] = placed.json()["id"]

    token = await client.post("/api/token/", json={"email": email, "password": PASSWORD}, headers={"X-API-Key": test})
    assert token.status_code == 200, token.text
    [payment] = [m["id"] for m in report.sections["pharmacy"]["payment_methods"]]
    prescription = {"document": base64.b64encode(PDF).decode(), "document_name": "receta.pdf", "issue_date": "2026-11-30"}
    details = [{"product": pharmacy.products["antibiotic"], "quantity": 1}]
    body = order_body(pharmacy, details=details, prescriptions=[prescription], payment_method=payment)
    placed = await client.post("/api/orders/resources/", json=body, headers={"X-API-Key": test, "Authorization": f"Bearer {token.json()['access']}"})
    assert placed.status_code == 201, placed.text
    orders["pharmacy"] = placed.json()["id"]

    [case] = [c["id"] for c in report.sections["cases"]["cases"] if c["mode"] == "test"]
    placed = await client.post(f"/api/v1/cases/{case}", json=EXAMPLE_ORDER, headers={"cv-api-key": test})
    assert placed.status_code == 200, placed.text
    orders["cases"] = placed.json()["data"]["order"]["id"]
    return EveryFlow(keys, orders)
