"""The soak (issue 27; run by hand, never by CI): `python -m bench.soak --minutes 10`.

Two `carepost serve` processes ("hosts", each its own data dir) and two workers over one
PostgreSQL database, Redis, moto's S3 server for documents and a webhook receiver in a process
of its own. Mixed traffic in all four APIs goes through both hosts; midway one serve process and
one worker are killed with SIGKILL and started again. Retention runs with periods of minutes.

It then checks and reports (bench/out/soak.json, and a summary on stdout):
- lost orders: every create answered 2xx is in the database (0 expected);
- lost webhook events: every event the database held at any sample was received (0 expected);
- every document (portal scans, CFDI PDFs, prescriptions) reads back from the other host;
- resident memory of each process at warm-up and at the end (the growth stated);
- rows of the tables retention bounds, sampled each minute (bounded, not growing with time).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from bench import pg
from bench.servers import asgi
from carepost.core.kit.db import Database
from tests.cases_world import EXAMPLE_ORDER, cases_world
from tests.console.conftest import make_login, sign_in
from tests.devices_world import devices_world, patient_order
from tests.dialects.masks.portal_files import JPEG, MOV, MP4
from tests.dialects.pharmacy.test_invoicing import invoiced_body
from tests.factories import create_clinic, mask_order
from tests.object_storage import s3_server
from tests.pharmacy_world import pharmacy_world, token_for
from tests.processes import free_port, rss_mib
from tests.system import Process, System, own_database

SECRET = "soak-secret-key"
OUT = Path(__file__).resolve().parent / "out"
BOUNDED_TABLES = ("outbox_messages", "webhook_events", "webhook_deliveries", "webhook_attempts", "request_log")
SCAN_FILES = {"front_video": ("front.mp4", MP4, "video/mp4"), "profile_video": ("side.mov", MOV, "video/quicktime"),
              "calibration_photo": ("card.jpg", JPEG, "image/jpeg")}
# Retention in minutes, not days (CAREPOST_*_RETENTION_DAYS), swept every 30 s.
RETENTION = {
    "CAREPOST_OUTBOX_RETENTION_DAYS": str(60 / 86400), "CAREPOST_REQUEST_LOG_RETENTION_DAYS": str(120 / 86400),
    "CAREPOST_WEBHOOK_EVENT_RETENTION_DAYS": str(180 / 86400), "CAREPOST_CONSOLE_SESSION_RETENTION_DAYS": str(60 / 86400),
    "CAREPOST_RETENTION_SWEEP_SECONDS": "30",
}


@dataclass
class Tally:
    created: Counter[str] = field(default_factory=Counter)  # per API, answered 2xx
    refused: Counter[str] = field(default_factory=Counter)  # no answer: the host was down (the kill) or the call failed
    statuses: Counter[str] = field(default_factory=Counter)
    scans: list[str] = field(default_factory=list)  # masks orders whose three files were uploaded
    invoices: list[int] = field(default_factory=list)  # pharmacy orders invoiced
    prescriptions: list[str] = field(default_factory=list)  # cases order paths
    order_ids: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Soak:
    system: System
    hosts: dict[str, Process]
    workers: dict[str, Process]
    data: Path
    worlds: dict[str, Any]
    token: str
    tally: Tally = field(default_factory=Tally)
    samples: list[dict[str, Any]] = field(default_factory=list)
    events_seen: set[str] = field(default_factory=set)

    def host(self) -> str:
        return random.choice([p.base_url for p in self.hosts.values() if p.popen.poll() is None and p.base_url])


async def _masks(soak: Soak, http: httpx.AsyncClient, base: str) -> None:
    key = {"X-Api-Key": soak.worlds["clinic"].live_key}
    created = await http.post(f"{base}/api/partner/v1/orders", json=mask_order(patient_email=f"soak-{uuid.uuid4().hex[:8]}@example.com"), headers=key)
    _note(soak, "masks", created, created.json()["data"]["vitacore_order_id"] if created.status_code == 201 else None)
    if created.status_code == 201 and random.random() < 0.2:
        link = created.json()["data"]["scan_upload_url"]
        params = dict(httpx.URL(link).params)
        for kind, (name, content, content_type) in SCAN_FILES.items():
            uploaded = await http.post(f"{base}/api/portal/start-scan/files/{kind}", params=params, files={"file": (name, content, content_type)})
            soak.tally.statuses[f"scan {uploaded.status_code}"] += 1
        soak.tally.scans.append(created.json()["data"]["vitacore_order_id"])


async def _devices(soak: Soak, http: httpx.AsyncClient, base: str) -> None:
    world = soak.worlds["devices"]
    body = patient_order(world, orderKits=[], orderItems=[{"count": 1, "item": {"id": world.items["strips"]}}], externalOrderIds=[uuid.uuid4().hex])
    created = await http.post(f"{base}/api/v3/order", json=body, headers=world.headers())
    _note(soak, "devices", created, str(created.json().get("id")) if created.status_code == 201 else None)


async def _pharmacy(soak: Soak, http: httpx.AsyncClient, base: str) -> None:
    world = soak.worlds["pharmacy"]
    created = await http.post(f"{base}/api/orders/resources/", json=invoiced_body(world), headers=world.headers(soak.token))
    _note(soak, "pharmacy", created, str(created.json()["id"]) if created.status_code == 201 else None)
    if created.status_code == 201:
        soak.tally.invoices.append(created.json()["id"])


async def _cases(soak: Soak, http: httpx.AsyncClient, base: str) -> None:
    world = soak.worlds["cases"]
    placed = await http.post(f"{base}/api/v1/cases/{world.live_case}", json=EXAMPLE_ORDER, headers=world.headers())
    order_id = placed.json()["data"]["order"]["id"] if placed.status_code == 200 else None
    _note(soak, "cases", placed, order_id)
    if order_id:
        soak.tally.prescriptions.append(f"/api/v1/cases/{world.live_case}/orders/{order_id}/prescription")


def _note(soak: Soak, api: str, answer: httpx.Response, order_id: str | None) -> None:
    soak.tally.statuses[f"{api} {answer.status_code}"] += 1
    if order_id is not None:
        soak.tally.created[api] += 1
        soak.tally.order_ids.setdefault(api, []).append(order_id)


# Each API in turn; the pharmacy's orders are invoiced (a CFDI stamped and drawn by a worker, the
# costliest work there is: about a second of CPU each).
CALLS = ((_masks, 3), (_devices, 3), (_pharmacy, 1), (_cases, 2))


async def _traffic(soak: Soak, until: float, every: float) -> None:
    """One client: a call every `every` seconds (or as fast as answers come back, if slower)."""
    calls, weights = zip(*CALLS, strict=True)
    async with httpx.AsyncClient(timeout=30) as http:
        while time.monotonic() < until:
            began = time.monotonic()
            call = random.choices(calls, weights)[0]
            try:
                await call(soak, http, soak.host())
            except (httpx.TransportError, IndexError):
                soak.tally.refused[call.__name__.strip("_")] += 1
            await asyncio.sleep(max(0.0, every - (time.monotonic() - began)))


async def _sampler(soak: Soak, dsn: str, started: float, done: asyncio.Event) -> None:
    """Every 10 s until `done`: the events made since (before retention forgets them), table rows, RSS."""
    connection = await asyncpg.connect(dsn)
    last_id = 0
    try:
        while not done.is_set():
            rows = await connection.fetch("SELECT id, public_id FROM webhook_events WHERE id > $1", last_id - 5000)  # late commits too
            soak.events_seen.update(r["public_id"] for r in rows)
            last_id = max([last_id, *(r["id"] for r in rows)])
            sample: dict[str, Any] = {"at_s": round(time.monotonic() - started)}
            for table in BOUNDED_TABLES:
                sample[table] = await connection.fetchval(f"SELECT count(*) FROM {table}")  # our own table names
            sample["rss_mib"] = {name: round(rss_mib(p.popen.pid)) for name, p in {**soak.hosts, **soak.workers}.items() if p.popen.poll() is None}
            soak.samples.append(sample)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), 10)
    finally:
        await connection.close()


async def _kill_and_restart(soak: Soak, started: float, at: float) -> dict[str, float]:
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    killed = time.monotonic()
    soak.hosts["serve-a"].popen.kill()
    soak.workers["worker-1"].popen.kill()
    soak.hosts["serve-a"].popen.wait()
    soak.workers["worker-1"].popen.wait()
    await asyncio.sleep(2)
    soak.workers["worker-1"] = soak.system.worker("worker-1", data_dir=soak.data / "worker-1")
    soak.hosts["serve-a"] = await asyncio.to_thread(soak.system.serve, "serve-a", data_dir=soak.data / "serve-a")
    return {"killed_at_s": round(killed - started), "back_after_s": round(time.monotonic() - killed, 1)}


async def _documents_readable(soak: Soak, operator: Any) -> dict[str, int]:
    unreadable: Counter[str] = Counter()
    b = soak.hosts["serve-b"].base_url
    async with httpx.AsyncClient(base_url=b, timeout=60) as http:
        assert (await sign_in(http, operator)).status_code == 303
        for order_id in soak.tally.scans:
            for kind in SCAN_FILES:
                found = await http.get(f"/console/orders/{order_id}/documents/scan-{kind}")
                unreadable["scan"] += found.status_code != 200
        pharmacy = soak.worlds["pharmacy"]
        for order_id in soak.tally.invoices:
            found = await http.get(f"/api/orders/{order_id}/invoice.pdf", headers=pharmacy.headers(soak.token))
            unreadable["invoice_pdf"] += not (found.status_code == 200 and found.content.startswith(b"%PDF"))
        for path in soak.tally.prescriptions:
            found = await http.get(path, headers=soak.worlds["cases"].headers())
            unreadable["prescription"] += not (found.status_code == 200 and found.content.startswith(b"%PDF"))
    return dict(unreadable)


async def _orders_in_database(dsn: str, slugs: dict[str, str]) -> dict[str, int]:
    async with pg.connected(dsn) as connection:
        return {
            api: await connection.fetchval("SELECT count(*) FROM orders o JOIN accounts a ON a.id = o.account_id WHERE a.slug = $1 AND o.mode = 'live'", slug)
            for api, slug in slugs.items()
        }


async def _undelivered(dsn: str, public_ids: set[str]) -> list[dict[str, Any]]:
    """What the database says of events never received: their deliveries, if still there."""
    async with pg.connected(dsn) as connection:
        rows = await connection.fetch(
            "SELECT e.public_id, e.type, e.created_at, d.status, d.attempts, d.last_error FROM webhook_events e "
            "LEFT JOIN webhook_deliveries d ON d.event_id = e.id WHERE e.public_id = ANY($1::text[])", list(public_ids),
        )
    return [{**dict(r), "created_at": r["created_at"].isoformat()} for r in rows]


async def _wait_for_deliveries(soak: Soak, dsn: str, receiver_url: str, seconds: float) -> set[str]:
    """Until the outbox and the webhook deliveries are settled (a killed worker's claims come
    back when their lease ends) and every event seen was received, or `seconds` pass."""
    deadline = time.monotonic() + seconds
    connection = await asyncpg.connect(dsn)
    try:
        async with httpx.AsyncClient(timeout=30) as http:
            while True:
                await asyncio.sleep(10)  # the sampler notes the events made meanwhile
                unsettled = await connection.fetchval(
                    "SELECT (SELECT count(*) FROM outbox_messages WHERE delivered_at IS NULL)"
                    " + (SELECT count(*) FROM webhook_deliveries WHERE status = 'pending')"
                )
                received = set((await http.get(f"{receiver_url}/ids")).json())
                if (not unsettled and soak.events_seen <= received) or time.monotonic() > deadline:
                    return received
    finally:
        await connection.close()


async def run(minutes: float, concurrency: int, rate: float) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix="carepost-soak-"))
    receiver_port = free_port()
    with s3_server() as s3, asgi("bench.receiver:app", {}, port=receiver_port, workers=1, log=root / "receiver.log") as receiver:
        bucket = s3.new_bucket()
        async with own_database("postgresql", root) as url:
            db = Database(url)
            worlds = {"clinic": await create_clinic(db), "devices": await devices_world(db, strips=1_000_000),
                      "pharmacy": await pharmacy_world(db, SECRET, units=10_000_000), "cases": await cases_world(db, SECRET)}
            operator = await make_login(db)
            await db.dispose()
            env = {
                "CAREPOST_DATABASE_URL": url, "CAREPOST_SECRET_KEY": SECRET, "CAREPOST_DOCUMENTS_URL": f"s3://{bucket}/soak",
                "CAREPOST_REDIS_URL": "redis://127.0.0.1:6379/0", "CAREPOST_REDIS_NAMESPACE": f"soak-{uuid.uuid4().hex}",
                "CAREPOST_WEBHOOK_ALLOWED_HOSTS": "127.0.0.1", "CAREPOST_CASES_PHARMACY_SCHEDULE": "0,0,0,0",
                "CAREPOST_CONSOLE_SECURE_COOKIE": "false", "CAREPOST_RATE_LIMIT_PER_MINUTE": "1000000",
                "CAREPOST_PORTAL_RATE_LIMIT_PER_MINUTE": "1000000", **RETENTION, **s3.env,
            }
            system = System(root, env)
            try:
                hosts = {name: system.serve(name, data_dir=root / name) for name in ("serve-a", "serve-b")}
                workers = {name: system.worker(name, data_dir=root / name) for name in ("worker-1", "worker-2")}
                async with httpx.AsyncClient(base_url=hosts["serve-b"].base_url, timeout=30) as http:
                    token = await token_for(http, worlds["pharmacy"])
                    for key in (worlds["clinic"].live_key, worlds["devices"].customer.live_key, worlds["pharmacy"].live_key, worlds["cases"].live_key):
                        answer = await http.post(
                            "/api/webhooks/v1/endpoints", json={"url": f"{receiver.url}/hooks"}, headers={"Authorization": f"Bearer {key}"}
                        )
                        assert answer.status_code == 201, answer.text
                soak = Soak(system, hosts, workers, root, worlds, token)
                started = time.monotonic()
                until = started + minutes * 60
                restart = asyncio.create_task(_kill_and_restart(soak, started, started + minutes * 30))
                sampling_done = asyncio.Event()
                sampler = asyncio.create_task(_sampler(soak, url.replace("+asyncpg", ""), started, sampling_done))
                await asyncio.gather(*(_traffic(soak, until, concurrency / rate) for _ in range(concurrency)))
                restarted = await restart
                # The killed worker's claims come back when their lease ends (2 minutes for the outbox).
                received = await _wait_for_deliveries(soak, url.replace("+asyncpg", ""), receiver.url, 300)
                sampling_done.set()
                await sampler
                missing = await _undelivered(url.replace("+asyncpg", ""), soak.events_seen - received)
                unreadable = await _documents_readable(soak, operator)
                slugs = {"masks": worlds["clinic"].slug, "devices": worlds["devices"].customer.slug,
                         "pharmacy": worlds["pharmacy"].slug, "cases": f"org-{worlds['cases'].tag}"}
                in_database = await _orders_in_database(url.replace("+asyncpg", ""), {k: v for k, v in slugs.items() if v})
            finally:
                system.stop()
    return {**_report(soak, minutes, concurrency, restarted, received, unreadable, in_database), "rate": rate, "not_received": missing}


def _report(soak: Soak, minutes: float, concurrency: int, restarted: dict[str, float], received: set[str],
            unreadable: dict[str, int], in_database: dict[str, int]) -> dict[str, Any]:
    warm = next((s for s in soak.samples if s["at_s"] >= 120), soak.samples[0])
    last = soak.samples[-1]
    second_half = [s for s in soak.samples if s["at_s"] >= minutes * 30]
    return {
        "minutes": minutes, "concurrency": concurrency, "restart": restarted,
        "created": dict(soak.tally.created), "refused_calls": dict(soak.tally.refused), "statuses": dict(soak.tally.statuses),
        "orders_in_database": in_database,
        "lost_orders": {api: max(0, soak.tally.created[api] - count) for api, count in in_database.items()},
        "events_made": len(soak.events_seen), "events_not_received": len(soak.events_seen - received),
        "documents": {"scans": 3 * len(soak.tally.scans), "invoice_pdfs": len(soak.tally.invoices),
                      "prescriptions": len(soak.tally.prescriptions), "unreadable": unreadable},
        "rss_mib": {"warm_up": warm["rss_mib"], "end": last["rss_mib"]},
        "table_rows": {t: {"max_second_half": max(s[t] for s in second_half), "end": last[t]} for t in BOUNDED_TABLES},
        "samples": soak.samples,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=6, help="clients at once")
    parser.add_argument("--rate", type=float, default=4.0, help="calls a second, all clients together")
    arguments = parser.parse_args()
    report = asyncio.run(run(arguments.minutes, arguments.concurrency, arguments.rate))
    OUT.mkdir(exist_ok=True)
    (OUT / "soak.json").write_text(json.dumps(report, indent=2))
    summary = {k: v for k, v in report.items() if k != "samples"}
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
