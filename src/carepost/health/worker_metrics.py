"""Prometheus metrics of a `carepost worker`, served on its own port when
CAREPOST_WORKER_METRICS_PORT is set (each worker is its own scrape target, on any host):
outbox messages handled and webhook attempts by outcome, how long each took, the outbox's depth
and oldest age, and the rows each retention sweep forgot."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

from carepost.core.webhooks.sending import SendResult
from carepost.health.metrics import LATENCY_BUCKETS


class WorkerMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.handled = Counter(
            "carepost_outbox_messages_handled", "Outbox messages handled, by topic and outcome (ok, failed).",
            ("topic", "outcome"), registry=self.registry,
        )
        self.handling = Histogram(
            "carepost_outbox_handler_duration_seconds", "Time a topic's handler took.", ("topic",),
            buckets=(*LATENCY_BUCKETS, 30.0, 60.0), registry=self.registry,
        )
        self.attempts = Counter(
            "carepost_webhook_attempts", "Webhook delivery attempts, by outcome (succeeded, retrying, failed).", ("outcome",),
            registry=self.registry,
        )
        self.attempt_latency = Histogram(
            "carepost_webhook_attempt_duration_seconds", "Time an endpoint took to answer a webhook.",
            buckets=(*LATENCY_BUCKETS, 15.0, 30.0), registry=self.registry,
        )
        self.backlog = Gauge("carepost_outbox_backlog", "Outbox messages not yet delivered.", registry=self.registry)
        self.oldest_age = Gauge(
            "carepost_outbox_oldest_age_seconds", "Age of the oldest undelivered outbox message.", registry=self.registry
        )
        self.forgotten = Counter(
            "carepost_retention_forgotten_rows", "Rows the retention sweeps forgot, by policy.", ("policy",), registry=self.registry
        )

    def message_handled(self, topic: str, ok: bool, seconds: float) -> None:
        self.handled.labels(topic, "ok" if ok else "failed").inc()
        self.handling.labels(topic).observe(seconds)

    def webhook_attempted(self, outcome: str, result: SendResult) -> None:
        self.attempts.labels(outcome).inc()
        self.attempt_latency.observe(result.duration_ms / 1000)

    def swept(self, forgotten: dict[str, int]) -> None:
        for policy, rows in forgotten.items():
            self.forgotten.labels(policy).inc(rows)

    def serve(self, host: str, port: int) -> None:
        start_http_server(port, addr=host, registry=self.registry)
