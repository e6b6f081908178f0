"""The webhook scenarios: how many events one `carepost worker` delivers a second to a
local receiver, and how long an event takes from its commit to the receiver
(the outbox lag) while creates keep coming.

An account of its own (`bench-hooks`, masks) has one live endpoint, the
receiver, so the other scenarios' accounts make no deliveries and stay
comparable with the baseline.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import statistics
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench import pg, profile, report, servers, wrk

ACCOUNT = "bench-hooks"


def tenant_file(work: Path, receiver_url: str) -> Path:
    """The hooks account, as a tenant file naming the receiver's URL of this run."""
    file = work / "hooks.yaml"
    file.write_text(json.dumps({"accounts": [{
        "slug": ACCOUNT, "name": "Bench Hooks", "dialects": ["masks"], "rate_limit_per_minute": 1_000_000,
        "masks": {"ordering_enabled": True, "contact_email": "orders@bench-hooks.example", "allowed_mask_types": ["cpap"],
                  "variants": {"cpap": "gid://shopify/ProductVariant/1"}},
        "keys": [{"name": "bench", "mode": "live"}],
        "webhooks": [{"url": f"{receiver_url}/hooks", "mode": "live"}],
    }]}))  # JSON is YAML
    return file


def scenarios(
    load: wrk.Load, tag: str, carepost_url: str, receiver_url: str, key: str, worker: Callable[[], Any], flame: Path | None, dsn: str
) -> list[report.Row]:
    """`worker()` starts one `carepost worker` (a context manager giving its pid); `flame`:
    where to write the worker's flame graph while it sends the backlog, if wanted; `dsn`: the
    database, where a backlog is held until every worker sending it has started."""
    env = {"BENCH_HEADER": "Authorization", "BENCH_KEY": f"Bearer {key}"}
    load = wrk.Load(connections=load.connections, duration_s=load.duration_s, warmup_s=0)  # every order made is counted
    rows = []

    # Throughput: a backlog made with no worker running, then one worker sending it; then two.
    for workers in (1, 2):
        rows.append(_backlog(load, f"{tag}-backlog{workers}", carepost_url, receiver_url, env, worker, workers, flame if workers == 1 else None, dsn))

    # Lag: creates under load with the worker running; commit → receiver, per event.
    _post(f"{receiver_url}/reset")
    with worker():
        created = wrk.run(carepost_url, "masks_create.lua", load, {**env, "BENCH_TAG": f"{tag}-lag"})
        stats = _wait_for(receiver_url, created.requests)
    span = stats["last_arrival"] - stats["first_arrival"]
    rows.append(report.Row("webhook lag, commit → receiver, under masks create load", "worker", _result(stats["events"], span, stats["lags_ms"],
        created.errors), None))
    return rows


def _backlog(
    load: wrk.Load, tag: str, carepost_url: str, receiver_url: str, env: dict[str, str], worker: Callable[[], Any], workers: int,
    flame: Path | None, dsn: str,
) -> report.Row:
    """A backlog of masks creates' events made with no worker running, then sent by `workers`
    worker processes at once: events a second over the middle 80 % of the arrivals. The backlog
    is held back until every worker has started (a worker's start, its imports, takes a core
    for a second or two: the first would otherwise send alone meanwhile, on one core less)."""
    _post(f"{receiver_url}/reset")
    earlier = asyncio.run(_last_ids(dsn))
    made = wrk.run(carepost_url, "masks_create.lua", load, {**env, "BENCH_TAG": tag})
    asyncio.run(_fall_due(dsn, "now() + interval '1 day'"))  # all of it; what earlier scenarios left stays there
    with contextlib.ExitStack() as started:
        pid = [started.enter_context(worker()) for _ in range(workers)][0]
        asyncio.run(_fall_due(dsn, "now()", after=earlier))
        _wait_for(receiver_url, 1, quiet_s=0)
        with profile.recording(pid, load.duration_s, flame) if flame else contextlib.nullcontext():
            stats = _wait_for(receiver_url, made.requests)
    # The rate of the middle 80 % of the arrivals: each worker's first claims (its pool's connections
    # opened) and the last batches' tail are not what a worker sustains.
    events, first, last = stats["middle"]
    who = "one worker" if workers == 1 else f"{workers} workers"
    return report.Row(f"webhook delivery, backlog of {stats['events']:,} events, {who}", "worker",
        _result(events, last - first, [], made.errors), None)


# The undelivered rows a backlog is made of, and the column that says when each falls due.
_QUEUES = (("webhook_deliveries", "next_attempt_at", "status = 'pending'"), ("outbox_messages", "available_at", "delivered_at IS NULL"))


async def _last_ids(dsn: str) -> tuple[int, ...]:
    async with pg.connected(dsn) as connection:
        return tuple([int(await connection.fetchval(f"SELECT coalesce(max(id), 0) FROM {table}")) for table, _, _ in _QUEUES])


async def _fall_due(dsn: str, when: str, after: tuple[int, ...] = (0, 0)) -> None:
    """Makes the undelivered deliveries and outbox messages made after `_last_ids` (by default,
    all of them) fall due `when`."""
    async with pg.connected(dsn) as connection:
        for (table, column, undelivered), last in zip(_QUEUES, after, strict=True):
            await connection.execute(f"UPDATE {table} SET {column} = {when} WHERE {undelivered} AND id > $1", last)


def _wait_for(receiver_url: str, at_least: int, quiet_s: float = 1.5, timeout_s: float = 300) -> dict[str, Any]:
    """Until the receiver has `at_least` events and no more came for `quiet_s` (wrk does not
    count the requests still in flight when it stops, whose orders were made all the same)."""
    deadline, last_count, last_change = time.monotonic() + timeout_s, -1, time.monotonic()
    while time.monotonic() < deadline:
        stats = json.loads(urllib.request.urlopen(f"{receiver_url}/stats", timeout=10).read())
        if stats["events"] != last_count:
            last_count, last_change = stats["events"], time.monotonic()
        if stats["events"] >= at_least and time.monotonic() - last_change > quiet_s:
            return stats
        time.sleep(0.1)
    raise RuntimeError(f"the receiver got {last_count} events in {timeout_s:.0f} s")


def _result(events: int, span_s: float, lags_ms: list[float], errors: dict[str, int]) -> wrk.Result:
    if lags_ms:
        cuts = statistics.quantiles(lags_ms, n=100)
        p50, p90, p99, worst = cuts[49], cuts[89], cuts[98], max(lags_ms)
    else:
        p50 = p90 = p99 = worst = 0.0
    return wrk.Result(requests=events, duration_s=max(span_s, 1e-3), p50_ms=p50, p90_ms=p90, p99_ms=p99, max_ms=worst, errors=errors)


def _post(url: str) -> None:
    urllib.request.urlopen(urllib.request.Request(url, method="POST"), timeout=10).close()


@contextlib.contextmanager
def worker_process(env: dict[str, str], log: Path) -> Iterator[int]:
    """One `carepost worker`, once it has started (its metrics port answers: its imports are
    done), stopped at the end; gives its pid."""
    port = servers.free_port()
    with log.open("ab") as out:
        process = subprocess.Popen([str(servers.VENV_BIN / "carepost"), "worker"], env={**env, "CAREPOST_WORKER_METRICS_PORT": str(port)},
            stdout=out, stderr=subprocess.STDOUT)
    try:
        servers.wait_until_up(f"http://127.0.0.1:{port}", process)
        yield process.pid
    finally:
        process.terminate()
        process.wait(timeout=20)


