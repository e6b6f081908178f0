"""`serve --workers 2`: whichever process answers the scrape, /metrics counts every request once
(prometheus-client's multiprocess mode, the directory set up by `serve`)."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families

from carepost.core.kit.db import Database
from tests.dialects.masks.helpers import ORDERS
from tests.factories import create_clinic, mask_order
from tests.system import System, database_kind, own_database, running

CREATES = 20


def _count(text: str, route: str, status: str) -> float:
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "carepost_http_requests_total" and sample.labels == {"method": "POST", "route": route, "status": status}:
                return sample.value
    return 0.0


async def test_every_request_is_counted_once_whichever_process_answers(database_url, tmp_path):
    async with own_database(database_kind(database_url), tmp_path) as url:
        db = Database(url)
        clinic = await create_clinic(db)
        await db.dispose()
        with running(System(tmp_path, {"CAREPOST_DATABASE_URL": url, "CAREPOST_SECRET_KEY": "metrics"})) as system:
            api = system.serve("api", args=("--workers", "2"))
            assert api.base_url is not None
            for _ in range(CREATES):  # each on a connection of its own: the kernel picks the process
                created = httpx.post(f"{api.base_url}{ORDERS}", json=mask_order(), headers={"X-Api-Key": clinic.live_key}, timeout=30)
                assert created.status_code == 201
            scrapes = [httpx.get(f"{api.base_url}/metrics", timeout=30).text for _ in range(12)]

            assert {_count(text, ORDERS, "201") for text in scrapes} == {CREATES}
            assert all("carepost_outbox_backlog" in text and "carepost_db_pool_in_use" in text for text in scrapes)
            assert list((tmp_path / "data" / "metrics").glob("*.db"))  # the processes' shared files, under the data dir
