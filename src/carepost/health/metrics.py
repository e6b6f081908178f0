"""Prometheus metrics of the API processes (prometheus-client).

Requests are counted and timed by route template (`/api/v3/order/{order_id}`,
never the concrete path, so the label set stays small and holds no id) and
status; the database pool's connections in use and requests waiting for one (and
the read replica's, apart) are followed as connections are checked out and in. The
outbox backlog and table sizes are read from the database when scraped.

Under `serve --workers N` the processes share PROMETHEUS_MULTIPROC_DIR (set by
`serve`, carepost/serving.py): prometheus-client's multiprocess mode adds up what
every process counted, so a scrape answered by any of them counts every request
once. The worker has metrics of its own (worker_metrics.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database
from carepost.core.outbox.repository import OutboxRepository
from carepost.core.retention import service as retention

# From 5 ms to 10 s: a read answers in milliseconds, a create in tens, a stuck one in seconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"


def multiprocess() -> bool:
    return bool(os.environ.get(MULTIPROCESS_DIR))


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "carepost_http_requests", "HTTP requests answered.", ("method", "route", "status"), registry=self.registry
        )
        self.latency = Histogram(
            "carepost_http_request_duration_seconds",
            "Time to answer an HTTP request.",
            ("method", "route"),
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        # Summed over the live processes in multiprocess mode.
        self.pool_in_use = Gauge(
            "carepost_db_pool_in_use", "Database connections checked out.", registry=self.registry, multiprocess_mode="livesum"
        )
        self.pool_waiting = Gauge(
            "carepost_db_pool_waiting", "Requests waiting for a database connection (the pool at its limit).",
            registry=self.registry, multiprocess_mode="livesum",
        )
        # The read replica's pool (CAREPOST_READ_REPLICA_URL), apart: its limit is another database's.
        self.replica_pool_in_use = Gauge(
            "carepost_db_replica_pool_in_use", "Read replica connections checked out.",
            registry=self.registry, multiprocess_mode="livesum",
        )
        self.replica_pool_waiting = Gauge(
            "carepost_db_replica_pool_waiting", "Requests waiting for a read replica connection (its pool at its limit).",
            registry=self.registry, multiprocess_mode="livesum",
        )

    def observe(self, *, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def watch_pools(self, db: Database) -> None:
        """Follow the primary's pool and, when there is one, the read replica's."""
        self._watch_pool(db.engine, in_use=self.pool_in_use, waiting=self.pool_waiting)
        if db.replica_engine is not None:
            self._watch_pool(db.replica_engine, in_use=self.replica_pool_in_use, waiting=self.replica_pool_waiting)

    @staticmethod
    def _watch_pool(engine: AsyncEngine, *, in_use: Gauge, waiting: Gauge) -> None:
        """Follow the engine's pool (and any pool it makes anew after a dispose)."""

        def checked_out(*_: Any) -> None:
            in_use.inc()
            waiting.set(_waiters(engine))

        def checked_in(*_: Any) -> None:
            in_use.dec()
            waiting.set(_waiters(engine))

        event.listen(engine.sync_engine, "checkout", checked_out)
        event.listen(engine.sync_engine, "checkin", checked_in)

    async def exposition(self, db: Database) -> bytes:
        """The text format: what the processes counted, then what the database holds now."""
        async with db.read() as session:
            backlog, oldest = await OutboxRepository(session).backlog()
            sizes = await retention.table_sizes(session)
        stored = CollectorRegistry()
        stored.register(_Snapshot(backlog, (utcnow() - oldest).total_seconds() if oldest else 0.0, sizes))
        return generate_latest(self._counted()) + generate_latest(stored)

    def _counted(self) -> CollectorRegistry:
        if not multiprocess():
            return self.registry
        merged = CollectorRegistry()
        MultiProcessCollector(merged)
        return merged


def process_ended() -> None:
    """A process of a multiprocess group ends: its live gauges leave the sums."""
    if multiprocess():
        mark_process_dead(os.getpid())


def _waiters(engine: AsyncEngine) -> int:
    # SQLAlchemy's async pool keeps no count of the tasks waiting at its limit; its queue is an
    # asyncio.Queue whose waiting getters are the count. Read defensively: 0 where the pool has none.
    queue = getattr(getattr(engine.sync_engine.pool, "_pool", None), "_queue", None)
    return len(getattr(queue, "_getters", ()) or ())


class _Snapshot:
    """What the database holds, read at the scrape (never kept in a process's metric files)."""

    def __init__(self, backlog: int, oldest_age: float, sizes: dict[str, int]) -> None:
        self.backlog, self.oldest_age, self.sizes = backlog, oldest_age, sizes

    def collect(self) -> Iterator[Metric]:
        yield GaugeMetricFamily("carepost_outbox_backlog", "Outbox messages not yet delivered.", value=self.backlog)
        yield GaugeMetricFamily(
            "carepost_outbox_oldest_age_seconds", "Age of the oldest undelivered outbox message.", value=self.oldest_age
        )
        rows = GaugeMetricFamily(
            "carepost_table_rows", "Rows in a table retention bounds or keeps (PostgreSQL: its estimate).", labels=("table",)
        )
        for name, count in self.sizes.items():
            rows.add_metric((name,), count)
        yield rows
