"""`carepost demo` as a user runs it: a real process, real HTTP, its printed keys."""

from __future__ import annotations

import json
import os
import re
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from tests.cases_world import EXAMPLE_ORDER
from tests.factories import mask_order
from tests.servers import serve
from tests.webhook_receiver import ReceiverState, receiver_app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_demo(data_dir: Path, manifest: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPOST_")}
    # Its output goes to a file: a pipe nobody reads until the end would fill (a line per request) and stop it.
    output = manifest.with_suffix(".out")
    with output.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "carepost.cli", "demo", "--port", str(port), "--data-dir", str(data_dir), "--manifest", str(manifest)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
    process.output_path = output  # type: ignore[attr-defined]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"demo exited early:\n{output.read_text()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=1).status_code == 200:
                return process, port
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    pytest.fail("demo did not start within 30 s")


def _stop(process: subprocess.Popen[bytes]) -> str:
    process.terminate()
    process.wait(timeout=15)
    return process.output_path.read_text()  # type: ignore[attr-defined]


def test_demo_prints_working_credentials_and_keeps_them_across_restarts(tmp_path):
    data_dir, manifest_path = tmp_path / "demo", tmp_path / "manifest.json"
    process, port = _start_demo(data_dir, manifest_path)
    try:
        manifest = json.loads(manifest_path.read_text())
        base = manifest["base_url"]
        assert base == f"http://127.0.0.1:{port}"
        assert len(manifest["accounts"]) >= 2
        first, second = manifest["accounts"][0], manifest["accounts"][1]
        assert set(first["keys"]) == {"live", "test"}
        assert first["masks"]["allowed_mask_types"] == ["cpap", "nose"]

        created = httpx.post(f"{base}/api/partner/v1/orders", json=mask_order(mask_type="nose"), headers={"X-Api-Key": first["keys"]["live"]})
        assert created.status_code == 201, created.text
        order_id = created.json()["data"]["vitacore_order_id"]
        assert created.json()["data"]["scan_upload_url"].startswith(f"{base}/api/portal/start-scan?")
        other = httpx.get(f"{base}/api/partner/v1/orders/{order_id}/status", headers={"X-Api-Key": second["keys"]["live"]})
        assert other.status_code == 404
        walked = httpx.post(
            f"{base}/api/ops/v1/orders/{order_id}/actions/complete_scan",
            headers={"Authorization": f"Bearer {manifest['operator_token']}"},
        )
        assert walked.status_code == 200 and walked.json()["status"] == "scan_review"
        nasal_refused = httpx.post(
            f"{base}/api/partner/v1/orders", json=mask_order(mask_type="nose"), headers={"X-Api-Key": second["keys"]["test"]}
        )
        assert nasal_refused.status_code == 403
        _try_the_devices_customer(base, manifest)
        _try_the_pharmacy(base, manifest)
        _try_the_cases(base, manifest)
        _try_the_openapi_examples(base, manifest)
        _try_the_console(manifest)
        assert "server" not in created.headers
    finally:
        output = _stop(process)
    assert first["keys"]["live"] in output  # the credentials are printed
    _assert_private(data_dir)

    process, port = _start_demo(data_dir, manifest_path)
    try:
        again = json.loads(manifest_path.read_text())
        assert again["accounts"][0]["keys"] == first["keys"]
        status = httpx.get(
            f"http://127.0.0.1:{port}/api/partner/v1/orders/{order_id}/status", headers={"X-Api-Key": first["keys"]["live"]}
        )
        assert status.status_code == 200 and status.json()["data"]["current_step_id"] == "scan_review"
        assert again["operator_token"] == manifest["operator_token"]
        assert again["console"]["admin"] == manifest["console"]["admin"]
        _try_the_console(again)  # the same login still signs in after a restart
    finally:
        _stop(process)


def _try_the_console(manifest: dict) -> None:
    """The manifest's console logins sign in (the demo is served over http: its cookies are not Secure)."""
    console = manifest["console"]
    assert console["url"] == f"{manifest['base_url']}/console"
    for role in ("admin", "support"):
        with httpx.Client(base_url=manifest["base_url"]) as browser:
            form = browser.get("/console/sign-in")
            token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
            login = console[role]
            signed_in = browser.post("/console/sign-in", data={"email": login["email"], "password": login["password"], "csrf_token": token})
            assert signed_in.status_code == 303, signed_in.text
            overview = browser.get("/console")
            assert overview.status_code == 200 and f">{role}<" in overview.text


def _try_the_openapi_examples(base: str, manifest: dict) -> None:
    """Each create's example in /openapi.json, sent as "Try it out" sends it with a demo test key,
    succeeds: the demo's ids are the ones carepost/demo/ids.py names."""
    spec = httpx.get(f"{base}/openapi.json").json()["paths"]

    def example(path: str) -> dict:
        return spec[path]["post"]["requestBody"]["content"]["application/json"]["example"]

    def key(api: str) -> str:
        return next(a for a in manifest["accounts"] if a[api] and "test" in a["keys"])["keys"]["test"]

    token = httpx.post(f"{base}/api/token/", json=example("/api/token/"), headers={"X-API-Key": key("pharmacy")})
    assert token.status_code == 200, token.text
    case_id = next(p for p in spec["/api/v1/cases/{case_id}"]["post"]["parameters"] if p["name"] == "case_id")["examples"]["demo"]["value"]
    sent = {
        "masks": httpx.post(f"{base}/api/partner/v1/orders", json=example("/api/partner/v1/orders"), headers={"X-Api-Key": key("masks")}),
        "devices": httpx.post(f"{base}/api/v3/order", json=example("/api/v3/order"), headers={"Impilo-API-Key": key("devices")}),
        "pharmacy": httpx.post(f"{base}/api/orders/resources/", json=example("/api/orders/resources/"),
                               headers={"X-API-Key": key("pharmacy"), "Authorization": f"Bearer {token.json()['access']}"}),
        "cases": httpx.post(f"{base}/api/v1/cases/{case_id}", json=example("/api/v1/cases/{case_id}"), headers={"cv-api-key": key("cases")}),
        "open a case": httpx.post(f"{base}/api/v1/cases", json=example("/api/v1/cases"), headers={"cv-api-key": key("cases")}),
    }
    assert {api: answer.status_code for api, answer in sent.items()} == {
        "masks": 201, "devices": 201, "pharmacy": 201, "cases": 200, "open a case": 200,
    }, {api: answer.text[:300] for api, answer in sent.items()}


def _try_the_pharmacy(base: str, manifest: dict) -> None:
    """The manifest's pharmacy object is enough to sign in and place the worked example's kind of order."""
    [account] = [a for a in manifest["accounts"] if a["pharmacy"]]
    pharmacy = account["pharmacy"]
    [user] = pharmacy["users"]
    key = account["keys"]["test"]
    token = httpx.post(f"{base}/api/token/", json=user, headers={"X-API-Key": key})
    assert token.status_code == 200, token.text
    headers = {"X-API-Key": key, "Authorization": f"Bearer {token.json()['access']}"}
    plain = [p for p in pharmacy["products"] if not p["requires_prescription"]]
    body = {
        "user": {"email": "paciente@example.mx", "phone": "+528188888888", "first_name": "Ana", "last_name": "López"},
        "order": {
            "details": [{"product": p["id"], "quantity": 2} for p in plain[:2]],
            "shipping": {"street": "Av. Reforma", "exterior_number": "222", "neighborhood": "Juárez", "city": "CDMX",
                         "state": "CDMX", "country": "México", "zipcode": "06600"},
            "payment_method": pharmacy["payment_methods"][0]["id"],
            "coupon": next(c["code"] for c in pharmacy["coupons"] if c["valid"]),
        },
        "invoicing": {"full_name": "Ana López", "email": "ana@example.mx", "rfc": "XAXX010101000", "street": "Av. Reforma",
                      "exterior_number": "222", "neighborhood": "Juárez", "city": "CDMX", "state": "CDMX", "country": "México",
                      "zipcode": "06600"},
    }
    hooks = ReceiverState()
    with serve(lambda: receiver_app(hooks)) as receiver:  # an integrator's receiver on this laptop
        endpoint = httpx.post(f"{base}/api/webhooks/v1/endpoints", json={"url": receiver}, headers={"X-Api-Key": key})
        assert endpoint.status_code == 201, endpoint.text
        created = httpx.post(f"{base}/api/orders/resources/", json=body, headers=headers)
        deadline = time.monotonic() + 30
        while not hooks.received:
            assert time.monotonic() < deadline, "the demo sent no webhook"
            time.sleep(0.1)
    event = Webhook(endpoint.json()["secret"]).verify(hooks.received[0].body, hooks.received[0].headers)
    assert event["type"] == "order.created" and event["data"]["id"] == created.json()["id"]
    assert created.status_code == 201, created.text
    assert created.json()["coupon"] is not None and created.json()["total"] > 0
    listed = httpx.get(f"{base}/api/orders/", headers=headers).json()
    assert created.json()["id"] in [r["id"] for r in listed["results"]]
    # the demo's in-process worker stamps it with SAT's test CSD, in the sandbox
    assert account["invoicing"]["rfc"] == "EKU9003173C9"
    deadline = time.monotonic() + 30
    while (order := httpx.get(f"{base}/api/orders/{created.json()['id']}/", headers=headers).json()["results"][0])["cfdi"] is None:
        assert time.monotonic() < deadline, order["invoice"]
        time.sleep(0.2)
    pdf = httpx.get(f"{base}{order['invoice']['pdf']}", headers=headers)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def _try_the_cases(base: str, manifest: dict) -> None:
    """Contract 003's example, as written, to the demo's case: 200 as documented; within seconds the
    order has its prescription and is delivered, and a local receiver got every step, signed, in order."""
    [account] = [a for a in manifest["accounts"] if a["slug"] == "cloudview-telehealth"]
    live = next(c["id"] for c in account["cases"]["cases"] if c["mode"] == "live")
    key = {"cv-api-key": account["keys"]["live"]}
    assert live == "123e4567-e89b-12d3-a456-426614174000" and {"id": "drug-456", "controlled": False} in account["cases"]["drugs"]
    hooks = ReceiverState()
    with serve(lambda: receiver_app(hooks)) as receiver:
        endpoint = httpx.post(f"{base}/api/webhooks/v1/endpoints", json={"url": receiver}, headers={"X-Api-Key": account["keys"]["live"]}).json()
        answer = httpx.post(f"{base}/api/cases/{live}", json=EXAMPLE_ORDER, headers=key)
        assert answer.status_code == 200, answer.text
        order_id = answer.json()["data"]["order"]["id"]
        assert answer.json() == {"status": 200, "success": True, "message": "Order created successfully", "data": {"order": {"id": order_id}}}
        deadline = time.monotonic() + 40
        while len(hooks.received) < 7:
            assert time.monotonic() < deadline, [r.headers.get("webhook-id") for r in hooks.received]
            time.sleep(0.2)
    types = [Webhook(endpoint["secret"]).verify(r.body, r.headers)["type"] for r in hooks.received]
    assert types == [f"case.order.{n}" for n in ("received", "prescription_stored", "sent_to_pharmacy", "accepted", "filled", "shipped", "delivered")]
    pdf = httpx.get(f"{base}/api/v1/cases/{live}/orders/{order_id}/prescription", headers=key)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    other = httpx.post(f"{base}/api/v1/cases/{account['cases']['other_org_case']}", json=EXAMPLE_ORDER, headers=key)
    assert other.status_code == 403


def _assert_private(data_dir: Path) -> None:
    """The demo's data (a database of patients, keys, mail) is this user's alone."""
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    files = [data_dir / "carepost.db", data_dir / "secret_key", *data_dir.glob("carepost.db-*")]
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


def _try_the_devices_customer(base: str, manifest: dict) -> None:
    """The manifest names everything needed to try the devices rules by hand."""
    (customer,) = [a for a in manifest["accounts"] if a["devices"]]
    devices = customer["devices"]
    assert {s["active"] for s in devices["sites"]} == {True, False}
    assert {i["orderable"] for i in devices["items"]} == {True, False}
    assert {k["loaner"] for k in devices["kits"]} == {True, False}
    assert devices["fulfillment_sites"] and {p["mode"] for p in devices["patients"]} == {"live", "test"}
    patient = next(p for p in devices["patients"] if p["mode"] == "live")
    kit = next(k for k in devices["kits"] if not k["loaner"] and not k["archived"])
    discontinued = next(i for i in devices["items"] if not i["orderable"])
    headers = {"Impilo-API-Key": customer["keys"]["live"]}

    placed = httpx.post(f"{base}/api/v3/order", json={"patient": {"id": patient["id"]}, "orderKits": [{"count": 1, "kit": {"id": kit["id"]}}]}, headers=headers)
    refused = httpx.post(f"{base}/api/v3/order", json={"patient": {"id": patient["id"]}, "orderItems": [{"count": 1,
        "item": {"id": discontinued["id"]}}]}, headers=headers)

    assert placed.status_code == 201, placed.text
    assert placed.json()["orderKits"][0]["kit"]["id"] == kit["id"]
    assert refused.status_code == 400
    assert refused.json()["message"] == "Order contains Items that are marked as non-orderable. Order cannot be placed."
    fetched = httpx.get(f"{base}/api/v3/order/{placed.json()['id']}", headers=headers)
    assert fetched.json() == placed.json()
