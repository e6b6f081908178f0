"""Prometheus metrics of one API process (prometheus-client).

Requests are counted and timed by route template (`/api/v3/order/{order_id}`,
never the concrete path, so the label set stays small and holds no id) and
status. The outbox backlog and the database pool are read when scraped.
Each app has its own registry; with several API processes, scrape each one
(or run prometheus-client's multiprocess mode behind a shared directory).
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from sqlalchemy.pool import QueuePool

from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database
from carepost.core.outbox.repository import OutboxRepository
from carepost.core.retention import service as retention

# From 5 ms to 10 s: a read answers in milliseconds, a create in tens, a stuck one in seconds.
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


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
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.outbox_backlog = Gauge("carepost_outbox_backlog", "Outbox messages not yet delivered.", registry=self.registry)
        self.outbox_age = Gauge(
            "carepost_outbox_oldest_age_seconds", "Age of the oldest undelivered outbox message.", registry=self.registry
        )
        self.pool_in_use = Gauge("carepost_db_pool_in_use", "Database connections checked out.", registry=self.registry)
        self.pool_size = Gauge("carepost_db_pool_size", "Database connections the pool holds open.", registry=self.registry)
        self.table_rows = Gauge(
            "carepost_table_rows", "Rows in a table retention bounds or keeps (PostgreSQL: its estimate).", ("table",), registry=self.registry
        )

    def observe(self, *, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    async def exposition(self, db: Database) -> bytes:
        """The text format, with the gauges read now."""
        async with db.read() as session:
            backlog, oldest = await OutboxRepository(session).backlog()
            for name, rows in (await retention.table_sizes(session)).items():
                self.table_rows.labels(name).set(rows)
        self.outbox_backlog.set(backlog)
        self.outbox_age.set((utcnow() - oldest).total_seconds() if oldest else 0)
        pool = db.engine.pool
        if isinstance(pool, QueuePool):  # SQLite's connection is no pool to watch
            self.pool_in_use.set(pool.checkedout())
            self.pool_size.set(pool.size())
        return generate_latest(self.registry)
