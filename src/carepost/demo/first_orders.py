"""A first order in each of the four APIs, as the demo prints it: the ids it needs and a ready
`curl` with the account's **test** key that succeeds as pasted (tests/e2e/test_demo_first_orders.py
runs each one). The bodies are the OpenAPI document's examples (each dialect's examples.py),
with the manifest's ids in them."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from typing import Any

from carepost.dialects.cases.bodies import PLACE_ORDER_EXAMPLE
from carepost.dialects.devices import examples as devices_examples
from carepost.dialects.masks import examples as masks_examples
from carepost.dialects.pharmacy import examples as pharmacy_examples

# The token out of the token endpoint's answer, with what every integrator's laptop has.
READ_ACCESS = """python3 -c 'import json,sys; print(json.load(sys.stdin)["access"])'"""


@dataclass(frozen=True)
class FirstOrder:
    api: str  # masks, devices, pharmacy, cases
    account: str  # its slug
    needs: str  # the ids the order names, in words
    commands: tuple[str, ...]  # shell lines, run in order


def first_orders(manifest: dict[str, Any]) -> list[FirstOrder]:
    """One per API, from the first account that uses it."""
    base = manifest["base_url"]
    found: dict[str, FirstOrder] = {}
    for account in manifest["accounts"]:
        test_key = account["keys"].get("test")
        if test_key is None:
            continue
        for api, make in _MAKERS.items():
            if api not in found and account.get(api) and (made := make(base, account, test_key)) is not None:
                found[api] = made
    return [found[api] for api in _MAKERS if api in found]


def _masks(base: str, account: dict[str, Any], key: str) -> FirstOrder | None:
    masks = account["masks"]
    if not masks.get("ordering_enabled") or "cpap" not in masks.get("allowed_mask_types", []):
        return None
    return FirstOrder("masks", account["slug"], "mask_type: cpap", (_post(f"{base}/api/partner/v1/orders", {"X-Api-Key": key}, masks_examples.CREATE_ORDER),))


def _devices(base: str, account: dict[str, Any], key: str) -> FirstOrder | None:
    devices = account["devices"]
    patient = next((p for p in devices["patients"] if p["mode"] == "test"), None)
    kit = next((k for k in devices["kits"] if not k["loaner"] and not k["archived"]), None)
    if patient is None or kit is None:
        return None
    body = {**devices_examples.CREATE_ORDER, "patient": {"id": patient["id"]}, "orderKits": [{"count": 1, "kit": {"id": kit["id"]}}]}
    needs = f"test patient {patient['id']}, kit {kit['id']} ({kit['name']})"
    return FirstOrder("devices", account["slug"], needs, (_post(f"{base}/api/v3/order", {"Impilo-API-Key": key}, body),))


def _pharmacy(base: str, account: dict[str, Any], key: str) -> FirstOrder | None:
    pharmacy = account["pharmacy"]
    if not pharmacy["users"] or not pharmacy["payment_methods"] or not pharmacy["products"]:
        return None
    user, method, product = pharmacy["users"][0], pharmacy["payment_methods"][0], pharmacy["products"][0]
    credentials = {"email": user["email"], "password": user["password"]}
    signed_in = _post(f"{base}/api/token/", {"X-API-Key": key}, credentials, status=False)
    token = f"TOKEN=$({signed_in} | {READ_ACCESS})"
    example = pharmacy_examples.CREATE_ORDER
    body = {**example, "order": {**example["order"], "details": [{"product": product["id"], "quantity": 2}], "payment_method": method["id"]}}
    order = _post(f"{base}/api/orders/resources/", {"X-API-Key": key}, body, bearer="$TOKEN")
    needs = f"product {product['id']}, payment method {method['id']} ({method['kind']}); a token for {user['email']}"
    return FirstOrder("pharmacy", account["slug"], needs, (token, order))


def _cases(base: str, account: dict[str, Any], key: str) -> FirstOrder | None:
    case = next((c for c in account["cases"]["cases"] if c["mode"] == "test"), None)
    if case is None:
        return None
    needs = f"test case {case['id']}, pharmacy-123, drug-456"
    return FirstOrder("cases", account["slug"], needs, (_post(f"{base}/api/v1/cases/{case['id']}", {"cv-api-key": key}, PLACE_ORDER_EXAMPLE),))


def _post(url: str, headers: dict[str, str], body: dict[str, Any], *, bearer: str | None = None, status: bool = True) -> str:
    """A curl line, printing the answer and then its HTTP status; the bearer, when given, stays a
    shell variable (in double quotes)."""
    parts = ["curl -s -X POST", shlex.quote(url), *(f"-H {shlex.quote(f'{k}: {v}')}" for k, v in headers.items())]
    if status:
        parts.append("-w " + shlex.quote("\\n%{http_code}\\n"))
    if bearer is not None:
        parts.append(f'-H "Authorization: Bearer {bearer}"')
    parts += ["-H 'Content-Type: application/json'", "-d", shlex.quote(json.dumps(body))]
    return " ".join(parts)


_MAKERS = {"masks": _masks, "devices": _devices, "pharmacy": _pharmacy, "cases": _cases}
