"""The pipeline after the answer: the prescription PDF stored, the order handed to its
pharmacy, and the embedded pharmacy's journey to delivered — each step a signed
`case.order.*` webhook, in order. An http pharmacy that is down: the order waits, is
retried, reaches the pharmacy once; one that stays down fails the order, visibly."""

from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import update
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from carepost.core.cases import pipeline
from carepost.core.models import OutboxMessage
from carepost.dialects.cases.worker import pipeline_ports
from carepost.tenant_file.apply import apply
from carepost.tenant_file.apply import model as tenant_model
from carepost.worker import Worker
from tests.cases_world import EXAMPLE_ORDER, example
from tests.mail_server import free_port
from tests.servers import serve
from tests.webhooks.conftest import add_endpoint, run_until, verified

JOURNEY = ["received", "prescription_stored", "sent_to_pharmacy", "accepted", "filled", "shipped", "delivered"]


@pytest.fixture
def worker(db, settings) -> Worker:
    return Worker.for_settings(db, settings)


async def case_view(client, world, mode: str = "live"):
    case = world.live_case if mode == "live" else world.test_case
    return (await client.get(f"/api/v1/cases/{case}", headers=world.headers(mode))).json()["data"]["case"]


async def test_an_order_reaches_the_patients_door_and_every_step_is_a_webhook(client, world, worker, receiver):
    endpoint = await add_endpoint(client, world.live_key, receiver.url, event_types=[f"case.order.{name}" for name in JOURNEY])
    placed = (await client.post(f"/api/v1/cases/{world.live_case}", json=EXAMPLE_ORDER, headers=world.headers())).json()
    order_id = placed["data"]["order"]["id"]
    await run_until(worker, lambda: len(receiver.received) >= len(JOURNEY))

    events = [verified(endpoint["secret"], r) for r in receiver.received]
    assert [e["type"] for e in events] == [f"case.order.{name}" for name in JOURNEY]
    assert all(e["data"]["id"] == order_id and e["data"]["caseId"] == world.live_case for e in events)
    assert [e["data"]["status"] for e in events] == ["received", "prescription_stored", "sent_to_pharmacy", "accepted", "filled", "shipped", "delivered"]
    assert events[5]["data"]["tracking"]["trackingNumber"]  # shipped, with its tracking
    [order] = [o for o in (await case_view(client, world))["orders"] if o["id"] == order_id]
    assert order["status"] == "delivered" and [e["name"] for e in order["timeline"]] == JOURNEY
    pdf = await client.get(f"/api/v1/cases/{world.live_case}/orders/{order_id}/prescription", headers=world.headers())
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


async def test_test_mode_orders_wait_at_the_embedded_pharmacy_for_test_helpers_or_the_autopilot(client, world, worker):
    placed = (await client.post(f"/api/v1/cases/{world.test_case}", json=EXAMPLE_ORDER, headers=world.headers("test"))).json()
    order_id = placed["data"]["order"]["id"]

    async def status() -> str:
        return next(o["status"] for o in (await case_view(client, world, "test"))["orders"] if o["id"] == order_id)

    for _ in range(40):
        await worker.run_once()
    assert await status() == "sent_to_pharmacy"  # handed to the embedded pharmacy, which moves only live orders by itself


class PharmacyServer:
    """A pharmacy's order endpoint: keeps each order by its Idempotency-Key, as a real one would."""

    def __init__(self) -> None:
        self.orders: dict[str, dict] = {}
        self.requests = 0

    def app(self) -> Starlette:
        async def receive(request: Request) -> JSONResponse:
            self.requests += 1
            self.orders.setdefault(request.headers["idempotency-key"], await request.json())
            return JSONResponse({"reference": f"RX-{len(self.orders)}"})

        return Starlette(routes=[Route("/orders", receive, methods=["POST"])])


async def http_pharmacy(db, settings, code: str, url: str) -> None:
    tenant = tenant_model().model_validate({"pharmacies": [{"code": code, "name": "Remote", "adapter": "http", "endpoint_url": url}]})
    await apply(db, tenant, secret_key=settings.resolved_secret_key)


async def test_a_pharmacy_that_is_down_gets_the_order_once_when_it_is_back(client, db, settings, world, worker):
    code = f"remote-{world.tag}"
    port = free_port()
    await http_pharmacy(db, settings, code, f"http://127.0.0.1:{port}/orders")
    placed = (await client.post(f"/api/v1/cases/{world.live_case}", json=example(pharmacyId=code), headers=world.headers())).json()
    order_id = placed["data"]["order"]["id"]
    for _ in range(6):  # the PDF is stored; the hand-off fails: nobody listens
        await worker.run_once()
    [order] = [o for o in (await case_view(client, world))["orders"] if o["id"] == order_id]
    assert order["status"] == "prescription_stored" and order["prescriptionDocument"] is True

    pharmacy = PharmacyServer()
    with serve(pharmacy.app, port=port):
        async with db.transaction() as session:  # the outbox's backoff has passed
            await session.execute(update(OutboxMessage).where(OutboxMessage.delivered_at.is_(None)).values(available_at=OutboxMessage.created_at))
        for _ in range(6):
            await worker.run_once()
        await pipeline.send_to_pharmacy(db, order_id, pipeline_ports(settings), attempt=0)  # a repeated delivery changes nothing
    [order] = [o for o in (await case_view(client, world))["orders"] if o["id"] == order_id]
    assert order["status"] == "sent_to_pharmacy" and order["pharmacyReference"] == "RX-1"
    assert list(pharmacy.orders) == [order_id] and pharmacy.orders[order_id]["prescriptionPdf"]


async def test_a_pharmacy_that_stays_down_fails_the_order_and_an_operator_retries(client, db, settings, world, worker, ops_headers):
    code = f"gone-{world.tag}"
    port = free_port()
    await http_pharmacy(db, settings, code, f"http://127.0.0.1:{port}/orders")
    placed = (await client.post(f"/api/v1/cases/{world.live_case}", json=example(pharmacyId=code), headers=world.headers())).json()
    order_id = placed["data"]["order"]["id"]
    for _ in range(4):
        await worker.run_once()
    await pipeline.send_to_pharmacy(db, order_id, pipeline_ports(settings), attempt=pipeline.GIVE_UP_AFTER - 1)
    [order] = [o for o in (await case_view(client, world))["orders"] if o["id"] == order_id]
    assert order["status"] == "failed" and "could not be reached" in order["failure"]

    pharmacy = PharmacyServer()
    with serve(pharmacy.app, port=port):
        retried = await client.post(f"/api/ops/v1/orders/{order_id}/actions/retry", headers=ops_headers)
        assert retried.status_code == 200, retried.text
        for _ in range(8):
            await worker.run_once()
    [order] = [o for o in (await case_view(client, world))["orders"] if o["id"] == order_id]
    assert order["status"] == "sent_to_pharmacy" and list(pharmacy.orders) == [order_id]
    shipped = await client.post(
        f"/api/ops/v1/orders/{order_id}/actions/accept", headers=ops_headers,
    )
    assert shipped.status_code == 200


async def test_operators_list_the_pipeline_and_cancel(client, world, worker, ops_headers):
    placed = (await client.post(f"/api/v1/cases/{world.live_case}", json=EXAMPLE_ORDER, headers=world.headers())).json()
    order_id = placed["data"]["order"]["id"]
    listed = (await client.get("/api/ops/v1/cases/orders", params={"status": "received"}, headers=ops_headers)).json()["data"]
    assert order_id in [o["order_id"] for o in listed] and all(o["status"] == "received" for o in listed)
    cancelled = await client.post(f"/api/ops/v1/orders/{order_id}/actions/cancel", json={"reason": "duplicate"}, headers=ops_headers)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    for _ in range(4):
        await worker.run_once()  # the pipeline finds a cancelled order and leaves it
    [order] = [o for o in (await case_view(client, world))["orders"] if o["id"] == order_id]
    assert order["status"] == "cancelled" and order["prescriptionDocument"] is False
    again = await client.post(f"/api/ops/v1/orders/{order_id}/actions/ship", json={"carrier": "ups", "tracking_number": "1Z"}, headers=ops_headers)
    assert again.status_code == 409


async def test_what_was_accepted_is_shown_back_in_the_case_the_webhook_and_the_pdf(client, world, worker, receiver, tmp_path):
    """customFields, the three dates and patientHealthInfo (issue 24, item 14)."""
    endpoint = await add_endpoint(client, world.live_key, receiver.url, event_types=["case.order.prescription_stored"])
    body = example(dateSigned="2024-01-16", datePrescribed="2024-01-17")
    body["order"]["prescriptionItems"][0]["customFields"] = {"flavor": "cherry", "packaging": {"childProof": True}}
    placed = (await client.post(f"/api/v1/cases/{world.live_case}", json=body, headers=world.headers())).json()
    order_id = placed["data"]["order"]["id"]
    await run_until(worker, lambda: len(receiver.received) >= 1)

    [shown] = [o for o in (await case_view(client, world))["orders"] if o["id"] == order_id]
    sent = verified(endpoint["secret"], receiver.received[0])["data"]
    for order in (shown, sent):
        assert order["patientHealthInfo"] == EXAMPLE_ORDER["order"]["patientHealthInfo"]
        assert (order["dateWritten"], order["dateSigned"], order["datePrescribed"]) == ("2024-01-15", "2024-01-16", "2024-01-17")
        assert order["prescriptionItems"][0]["customFields"] == {"flavor": "cherry", "packaging": {"childProof": True}}
    pdf = await client.get(f"/api/v1/cases/{world.live_case}/orders/{order_id}/prescription", headers=world.headers())
    (tmp_path / "prescription.pdf").write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", str(tmp_path / "prescription.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "flavor: cherry" in text and 'packaging: {"childProof":true}' in text
    assert "Allergies: Penicillin" in text and "Signed: 2024-01-16" in text
