"""Tracing across processes: a real OTLP/HTTP receiver gets the spans of a masks create (its
request, its SQL) from `carepost serve` and those of its webhook's delivery (the job, the
outbound call) from `carepost worker`, all in one trace; no patient data in any span."""

from __future__ import annotations

import asyncio
import time
import uuid
from urllib.parse import quote

import httpx

from carepost.core.kit.db import Database
from tests.dialects.masks.helpers import ORDERS
from tests.factories import create_clinic, mask_order
from tests.otlp_receiver import OtlpState, otlp_app
from tests.servers import serve
from tests.system import System, database_kind, own_database, running
from tests.webhooks.conftest import add_endpoint

SERVER, CLIENT, CONSUMER = 2, 3, 5  # OTLP's span kinds


async def test_a_masks_create_and_its_webhook_delivery_are_one_trace(database_url, receiver, tmp_path):
    spans = OtlpState()
    email = f"trace.patient.{uuid.uuid4().hex[:6]}@example.com"
    async with own_database(database_kind(database_url), tmp_path) as url:
        db = Database(url)
        clinic = await create_clinic(db)
        await db.dispose()
        with serve(lambda: otlp_app(spans)) as collector:
            env = {
                "CAREPOST_DATABASE_URL": url, "CAREPOST_SECRET_KEY": "tracing", "CAREPOST_WEBHOOK_ALLOWED_HOSTS": "127.0.0.1",
                "OTEL_EXPORTER_OTLP_ENDPOINT": collector, "OTEL_BSP_SCHEDULE_DELAY": "100",
            }
            with running(System(tmp_path, env)) as system:
                api, _ = system.serve("api"), system.worker("worker")
                async with httpx.AsyncClient(base_url=api.base_url, timeout=30) as http:
                    await add_endpoint(http, clinic.live_key, f"{receiver.url}/hooks")
                    created = await http.post(
                        ORDERS, json=mask_order(patient_name="Trace Patient", patient_email=email), headers={"X-Api-Key": clinic.live_key}
                    )
                    assert created.status_code == 201
                    await http.get("/api/portal/start-scan", params={"order_id": "VC_X", "email": email})
                deadline = time.monotonic() + 30
                while not spans.named("webhook deliver") or not [s for s in spans.spans if s.kind == CLIENT and s.service == "carepost-worker"]:
                    assert time.monotonic() < deadline, sorted({s.name for s in spans.spans})
                    await asyncio.sleep(0.1)

    [request] = [s for s in spans.named(f"POST {ORDERS}") if s.kind == SERVER]
    # Every trace starts at a request or a job: the worker's polls between them make none.
    roots = [s for s in spans.spans if not s.parent_span_id.strip("0")]
    assert {s.kind for s in roots} <= {SERVER, CONSUMER}, sorted({(s.service, s.name) for s in roots})
    assert request.service == "carepost-api"
    in_trace = [s for s in spans.spans if s.trace_id == request.trace_id]
    statements = [s for s in in_trace if "db.statement" in s.attributes]
    assert any(s.attributes["db.statement"].startswith(("INSERT INTO orders", "INSERT INTO outbox_messages")) for s in statements)
    # Those the ORM runs too (a lean statement reports itself; these, SQLAlchemy's events).
    [add_endpoint_request] = [s for s in spans.named("POST /api/webhooks/v1/endpoints") if s.kind == SERVER]
    assert any(
        s.trace_id == add_endpoint_request.trace_id and s.attributes.get("db.statement", "").startswith("INSERT INTO webhook_endpoints")
        for s in spans.spans
    )
    [deliver] = spans.named("webhook deliver")
    assert (deliver.service, deliver.kind, deliver.trace_id) == ("carepost-worker", CONSUMER, request.trace_id)
    assert isinstance(deliver.attributes["carepost.webhook.delivery_id"], int)
    outbound = [s for s in in_trace if s.kind == CLIENT and s.parent_span_id == deliver.span_id]
    assert outbound and all(s.attributes.get("http.url", s.attributes.get("url.full")) == f"{receiver.url}/" for s in outbound)
    assert any(s.name == "outbox order.placed" and s.trace_id == request.trace_id for s in spans.spans)
    everything = repr(spans.spans)
    assert email not in everything and "Trace Patient" not in everything and clinic.live_key not in everything
    assert quote(email) not in everything and quote(email, safe="") not in everything  # nor in a query string
