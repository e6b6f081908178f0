"""FHIR at its cost: a search page against the flow's own list page of the same orders, and a
Bulk Data export of the devices account's orders by one `carepost worker` (how long it takes,
how far the worker's memory rises).

The export is the Group export of the devices API (`Group/devices/$export`): every Patient,
DeviceRequest, Task, Location… of the account's orders, one NDJSON file per type, written by the
worker into the document store (the data dir here).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from bench import pg
from bench.wrk import Result

SEARCH_PATH = "/fhir/R4/Task?_count=20"
EXPORT_PATH = "/fhir/R4/Group/devices/$export"


async def set_aside_backlog(dsn: str) -> int:
    """The messages earlier scenarios left in the outbox (their creates' events, for a worker none
    ran) are put off a day, so the export's worker measures the export alone; returns how many."""
    async with pg.connected(dsn) as connection:
        status = await connection.execute(
            "UPDATE outbox_messages SET available_at = now() + interval '1 day' WHERE delivered_at IS NULL AND topic <> 'fhir.export'"
        )
    return int(status.split()[-1])


def export(base_url: str, key: str, worker: Callable[[], AbstractContextManager[int]], timeout_s: float = 3600) -> tuple[Result, dict[str, Any]]:
    """Kick off the export, start one worker, wait for the manifest; (a Result whose one
    "request" is the whole export, what it made). The worker's peak resident set is read from
    the kernel (VmHWM) as the manifest arrives."""
    headers = {"Authorization": f"Bearer {key}"}
    kicked = _get(f"{base_url}{EXPORT_PATH}", {**headers, "Prefer": "respond-async"})
    if kicked.status != 202:
        raise RuntimeError(f"the export's kick-off answered {kicked.status}")
    status_url = kicked.headers["Content-Location"]
    started = time.monotonic()
    with worker() as pid:
        while True:
            answer = _get(status_url, headers)
            if answer.status == 200:
                manifest = json.loads(answer.read())
                break
            if time.monotonic() - started > timeout_s:
                raise RuntimeError(f"the export did not finish in {timeout_s:.0f} s")
            time.sleep(0.5)
        peak_mb = _peak_rss_mb(pid)
    elapsed = time.monotonic() - started
    made = {output["type"]: output["count"] for output in manifest["output"]}
    result = Result(requests=1, duration_s=elapsed, p50_ms=elapsed * 1000, p90_ms=elapsed * 1000, p99_ms=elapsed * 1000,
        max_ms=elapsed * 1000, errors={}, peak_rss_mb=peak_mb)
    return result, made


def _get(url: str, headers: dict[str, str]) -> Any:
    request = urllib.request.Request(url, headers=headers)
    try:
        return urllib.request.urlopen(request, timeout=60)
    except urllib.error.HTTPError as answer:  # 202 comes as a success; anything else is the answer to report
        return answer


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError(f"no VmHWM for {pid}")
