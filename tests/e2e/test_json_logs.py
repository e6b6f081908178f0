"""What a `carepost serve` and a `carepost worker` write, read as a log shipper reads it: one JSON
object per line (and the worker's metrics on its own port), each request's lines with its request id, one access line per request, the
worker's with the outbox message or webhook delivery they are about, and no patient's name or
e-mail address anywhere, whatever the request (a create, a malformed body, a portal link)."""

from __future__ import annotations

import json
import time
import uuid

import httpx

from carepost.core.kit.db import Database
from tests.dialects.masks.helpers import ORDERS, status_url
from tests.factories import create_clinic, mask_order
from tests.processes import free_port
from tests.system import System, database_kind, own_database, running
from tests.webhooks.conftest import add_endpoint


async def test_every_line_is_json_with_its_request_id_and_no_patient_data(database_url, receiver, tmp_path):
    metrics_port = free_port()
    patient, email = "Quillon Marchetti", f"quillon.marchetti.{uuid.uuid4().hex[:6]}@example.com"
    async with own_database(database_kind(database_url), tmp_path) as url:
        db = Database(url)
        clinic = await create_clinic(db)
        await db.dispose()
        env = {"CAREPOST_DATABASE_URL": url, "CAREPOST_SECRET_KEY": "logs", "CAREPOST_WEBHOOK_ALLOWED_HOSTS": "127.0.0.1",
               "CAREPOST_WEBHOOK_RETRY_SCHEDULE": "0,0.1", "CAREPOST_WORKER_METRICS_PORT": str(metrics_port)}
        with running(System(tmp_path, env)) as system:
            api, worker = system.serve("api"), system.worker("worker")
            key = {"X-Api-Key": clinic.live_key}
            async with httpx.AsyncClient(base_url=api.base_url, timeout=30) as http:
                await add_endpoint(http, clinic.live_key, f"{receiver.url}/hooks")
                created = await http.post(ORDERS, json=mask_order(patient_name=patient, patient_email=email), headers=key)
                order_id = created.json()["data"]["vitacore_order_id"]
                answers = [
                    created,
                    await http.get(status_url(order_id), headers=key),
                    await http.post(ORDERS, content=f'{{"patient_name": "{patient}", "patient_email": ', headers={**key, "Content-Type": "application/json"}),
                    await http.post(ORDERS, json=mask_order(patient_name=patient, patient_email=email, mask_type=7), headers=key),
                    await http.post(ORDERS, json=mask_order(patient_name=patient, patient_email=email)),
                    await http.get("/api/portal/start-scan", params={"order_id": order_id, "email": email}),
                    await http.get(status_url("VC_NOPE")),
                ]
                assert [a.status_code for a in answers] == [201, 200, 400, 400, 401, 200, 401]
            deadline = time.monotonic() + 30
            while not any('"webhook attempt"' in line for line in worker.lines()):
                assert time.monotonic() < deadline, "the worker delivered no webhook"
                time.sleep(0.1)
            worker_metrics = httpx.get(f"http://127.0.0.1:{metrics_port}/metrics", timeout=10).text
            worker.stop()
            api.stop()

        served = [json.loads(line) for line in api.lines()]  # every line parses, or this fails
        worked = [json.loads(line) for line in worker.lines()]
    for line in served + worked:
        assert {"time", "level", "logger", "event"} <= line.keys(), line
    access = [line for line in served if line["logger"] == "carepost.access"]
    request_ids = {a.headers["request-id"] for a in answers}
    assert request_ids <= {line["request_id"] for line in access}
    for line in access:
        assert len(line["request_id"]) >= 16 and (line["route"].startswith("/") or line["route"] == "(unrouted)") and isinstance(line["status"], int)
    the_create = next(line for line in access if line["request_id"] == created.headers["request-id"])
    assert (the_create["route"], the_create["status"], the_create["method"]) == (ORDERS, 201, "POST")
    assert the_create["account_id"] is not None and the_create["api_key_id"] is not None and the_create["duration_ms"] > 0
    portal = next(line for line in access if line["request_id"] == answers[5].headers["request-id"])
    assert portal["route"] == "/api/portal/start-scan"  # the route, never the query with its e-mail address
    in_requests = [line for line in served if line["logger"].startswith("carepost.") and line["logger"] != "carepost.access"]
    assert all("request_id" in line for line in in_requests), in_requests
    attempts = [line for line in worked if line["event"] == "webhook attempt"]
    assert attempts and all(isinstance(line["webhook_delivery_id"], int) and line["status_code"] == 200 for line in attempts)
    assert not [line for line in worked if line["logger"].startswith("httpx")]  # it would name the partner's URL
    assert 'carepost_webhook_attempts_total{outcome="succeeded"} 1.0' in worker_metrics
    assert 'carepost_outbox_messages_handled_total{outcome="ok",topic="order.placed"} 1.0' in worker_metrics  # the autopilot
    assert "carepost_webhook_attempt_duration_seconds_count 1.0" in worker_metrics and "carepost_outbox_backlog" in worker_metrics
    everything = "\n".join(api.lines() + worker.lines())
    for secret in (patient, email, email.split("@")[0], "Quillon", "Marchetti", clinic.live_key):
        assert secret not in everything
