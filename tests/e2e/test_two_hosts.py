"""Two hosts, one system: two `carepost serve` processes with data directories of their own, a
worker, PostgreSQL, Redis and an S3-protocol server (moto's). What one host takes in, or the
worker makes, every host serves; no host keeps a document on its own disk."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

from carepost.core.kit.db import Database
from tests.cases_world import EXAMPLE_ORDER, cases_world
from tests.console.conftest import make_login, sign_in
from tests.dialects.masks.portal_files import JPEG, MOV, MP4
from tests.dialects.masks.test_portal import _upload
from tests.dialects.pharmacy.test_invoicing import invoiced_body
from tests.factories import create_clinic, mask_order
from tests.pharmacy_world import pharmacy_world, token_for
from tests.system import System, own_database, running

SECRET = "two-hosts-secret-key"


async def _eventually(check: Callable[[], Awaitable[httpx.Response]], what: str, seconds: float = 60) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while True:
        answer = await check()
        if answer.status_code == 200:
            return answer
        assert time.monotonic() < deadline, f"{what}: still {answer.status_code} {answer.text[:200]}"
        await asyncio.sleep(0.2)


def _documents(data_dir: Path) -> list[Path]:
    return [p for p in (data_dir / "documents").rglob("*") if p.is_file()] if (data_dir / "documents").exists() else []


async def test_what_one_host_takes_in_or_the_worker_makes_every_host_serves(s3, tmp_path):
    bucket = s3.new_bucket()
    async with own_database("postgresql", tmp_path) as url:
        db = Database(url)
        clinic = await create_clinic(db)
        pharmacy = await pharmacy_world(db, SECRET)
        cases = await cases_world(db, SECRET)
        operator = await make_login(db)
        await db.dispose()
        env = {
            "CAREPOST_DATABASE_URL": url, "CAREPOST_SECRET_KEY": SECRET, "CAREPOST_DOCUMENTS_URL": f"s3://{bucket}/carepost",
            "CAREPOST_REDIS_URL": "redis://127.0.0.1:6379/0", "CAREPOST_REDIS_NAMESPACE": f"two-hosts-{uuid.uuid4().hex}",
            "CAREPOST_CASES_PHARMACY_SCHEDULE": "0,0,0,0", "CAREPOST_CONSOLE_SECURE_COOKIE": "false", **s3.env,
        }
        hosts = {name: tmp_path / name for name in ("host-a", "host-b", "worker-host")}
        with running(System(tmp_path, env)) as system:
            a = system.serve("serve-a", data_dir=hosts["host-a"])
            b = system.serve("serve-b", data_dir=hosts["host-b"])
            system.worker("worker", data_dir=hosts["worker-host"])
            async with httpx.AsyncClient(base_url=a.base_url, timeout=60) as on_a, \
                    httpx.AsyncClient(base_url=b.base_url, timeout=60) as on_b:
                # A portal scan, uploaded through A, downloaded from B's console.
                created = (await on_a.post("/api/partner/v1/orders", json=mask_order(), headers={"X-Api-Key": clinic.live_key})).json()
                link = created["data"]["scan_upload_url"]
                for kind in ("front_video", "profile_video", "calibration_photo"):
                    assert (await _upload(on_a, link, kind)).status_code == 200
                assert (await sign_in(on_b, operator)).status_code == 303
                order_id = created["data"]["vitacore_order_id"]
                for kind, content in (("front_video", MP4), ("profile_video", MOV), ("calibration_photo", JPEG)):
                    served = await on_b.get(f"/console/orders/{order_id}/documents/scan-{kind}")
                    assert served.status_code == 200 and served.content == content, kind

                # A CFDI the worker stamps for an order placed through A: its PDF from both hosts.
                token = await token_for(on_a, pharmacy)
                placed = await on_a.post("/api/orders/resources/", json=invoiced_body(pharmacy), headers=pharmacy.headers(token))
                assert placed.status_code == 201, placed.text
                pdf_path = f"/api/orders/{placed.json()['id']}/invoice.pdf"
                from_b = await _eventually(lambda: on_b.get(pdf_path, headers=pharmacy.headers(token)), "the CFDI PDF on B")
                from_a = await on_a.get(pdf_path, headers=pharmacy.headers(token))
                assert from_b.content.startswith(b"%PDF") and from_a.content == from_b.content

                # A prescription the worker draws for a cases order placed through B: from both hosts.
                answer = await on_b.post(f"/api/v1/cases/{cases.live_case}", json=EXAMPLE_ORDER, headers=cases.headers())
                rx_path = f"/api/v1/cases/{cases.live_case}/orders/{answer.json()['data']['order']['id']}/prescription"
                rx_a = await _eventually(lambda: on_a.get(rx_path, headers=cases.headers()), "the prescription on A")
                rx_b = await on_b.get(rx_path, headers=cases.headers())
                assert rx_a.content.startswith(b"%PDF") and rx_b.content == rx_a.content

    for host, data_dir in hosts.items():
        assert _documents(data_dir) == [], f"{host} kept documents on its own disk"
    stored = s3.keys(bucket)
    assert len(stored) >= 3 + 2 + 1 and all(key.startswith("carepost/") for key in stored)  # 3 scan files, XML + PDF, a prescription
