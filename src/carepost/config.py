"""Settings, read from the environment with the CAREPOST_ prefix (docs/configuration.md)."""

from __future__ import annotations

import secrets
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from carepost.core.kit.db import Database
from carepost.core.kit.private_files import private_directory, write_private
from carepost.core.retention.policies import RetentionPeriods
from carepost.core.webhooks.policy import WebhookPolicy
from carepost.core.webhooks.urls import parse_allowed_hosts


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CAREPOST_", extra="ignore")

    data_dir: Path = Field(default=Path("var"))
    database_url: str | None = None
    # A PostgreSQL streaming replica for the reads that may lag the primary: the lists, the
    # searches and FHIR's (docs/deployment.md, "A read replica"). Unset, they read the primary.
    read_replica_url: str | None = None
    public_url: str = "http://127.0.0.1:8000"
    secret_key: str | None = None
    smtp_url: str | None = None
    mail_from: str = "Carepost <no-reply@carepost.localhost>"
    smtp_timeout_seconds: float = 5.0
    idempotency_ttl_hours: int = 24
    run_worker_in_process: bool = False
    log_level: str = "info"
    log_format: Literal["json", "console"] = "json"  # one JSON object per line; the demo's are for reading
    # Rate limits: requests a minute per API key (an account may set its own) and per
    # client address on the patient portal and the console's sign-in; counted in Redis when redis_url is set.
    rate_limit_per_minute: int = 600
    portal_rate_limit_per_minute: int = 60
    operator_rate_limit_per_minute: int = 600  # per operator token, on /api/ops/v1
    redis_url: str | None = None
    redis_namespace: str = "carepost"  # keeps two deployments sharing one Redis apart
    # Slow or oversized requests (carepost/serving.py and the request-context middleware).
    max_header_bytes: int = 16 * 1024
    header_timeout_seconds: float = 10.0
    body_timeout_seconds: float = 30.0  # the longest wait for the next piece of a request body
    # The bytes of request bodies one process holds at once; a request past it is answered 503.
    body_budget_bytes: int = 32 * 1024 * 1024
    # On SIGTERM `serve` stops accepting and gives the requests in flight this long to finish.
    shutdown_timeout_seconds: int = 30
    # The pharmacy API's access tokens (JWT): how long one lasts.
    pharmacy_access_lifetime_seconds: int = 3600
    # How long the worker waits for a PAC (CFDI stamping and cancelling) before it tries again later.
    pac_timeout_seconds: float = 30.0
    # Webhooks (docs/webhooks.md): hosts (names or addresses, comma-separated) that may receive
    # webhooks though they are local or private, or over http in live mode; the request timeout;
    # the retry schedule (seconds before each attempt); how long a failing endpoint lasts.
    webhook_allowed_hosts: str | None = None
    webhook_timeout_seconds: float = 15.0
    webhook_retry_schedule: str = "0,5,300,1800,7200,18000,36000,36000"
    webhook_disable_after_hours: float = 120.0
    # Retention (core/retention/policies.py): days the worker keeps each kind of row. The events
    # API keeps an event (with its deliveries) this long; the audit logs are never forgotten.
    webhook_event_retention_days: float = 30.0
    outbox_retention_days: float = 7.0  # a delivered outbox message
    request_log_retention_days: float = 90.0
    console_session_retention_days: float = 7.0  # once expired or ended
    retention_sweep_seconds: float = 3600.0  # how often each worker sweeps
    fhir_export_hours: float = 24.0  # a FHIR bulk export's files are downloadable this long, then forgotten
    # The cases API's embedded pharmacy: seconds before it accepts, fills, ships and delivers an order.
    cases_pharmacy_schedule: str = "60,600,3600,7200"
    # The console's cookies go over https only; the demo, served over http, turns it off.
    console_secure_cookie: bool = True
    # /metrics answers only with `Authorization: Bearer <token>` when this is set.
    metrics_token: str | None = None
    # `carepost worker` serves its own metrics (health/worker_metrics.py) here when a port is set.
    worker_metrics_port: int | None = None
    worker_metrics_host: str = "127.0.0.1"
    # Behind a load balancer: its addresses or networks, comma-separated (10.0.0.0/8,192.0.2.7).
    # Only a request from one of them may say, in X-Forwarded-For and -Proto, who the client is.
    trusted_proxies: str | None = None
    # Documents (scans, prescriptions, invoices): the data dir's documents folder, unless this
    # names a bucket (s3://bucket/prefix; the endpoint, region and credentials are AWS_* settings).
    documents_url: str | None = None
    documents_encryption: str = "AES256"  # server-side encryption asked of the bucket: AES256, aws:kms or none
    documents_kms_key_id: str | None = None  # with aws:kms: the key (else the bucket's default key)

    @model_validator(mode="after")
    def _replica_beside_postgresql(self) -> Settings:
        if self.read_replica_url is None:
            return self
        if not (self.database_url or "").startswith("postgresql") or not self.read_replica_url.startswith("postgresql"):
            raise ValueError(
                "CAREPOST_READ_REPLICA_URL is a PostgreSQL replica of CAREPOST_DATABASE_URL's PostgreSQL: "
                "both postgresql+asyncpg:// URLs (embedded SQLite has no replicas)"
            )
        return self

    def database(self) -> Database:
        """The database these settings name, with its read replica if one is set."""
        return Database(self.resolved_database_url, replica_url=self.read_replica_url)

    @property  # not cached: a copy with other settings (model_copy) would carry the cached value along
    def trusted_proxy_hosts(self) -> list[str]:
        return [part.strip() for part in (self.trusted_proxies or "").split(",") if part.strip()]

    @property
    def retention_periods(self) -> RetentionPeriods:
        return RetentionPeriods(
            outbox_days=self.outbox_retention_days, webhook_event_days=self.webhook_event_retention_days,
            request_log_days=self.request_log_retention_days, console_session_days=self.console_session_retention_days,
            sweep_every_seconds=self.retention_sweep_seconds,
        )

    @cached_property
    def webhook_policy(self) -> WebhookPolicy:
        return WebhookPolicy(
            schedule=tuple(float(part) for part in self.webhook_retry_schedule.split(",") if part.strip()),
            timeout_seconds=self.webhook_timeout_seconds,
            allowed_hosts=parse_allowed_hosts(self.webhook_allowed_hosts),
            disable_after=timedelta(hours=self.webhook_disable_after_hours),
        )

    @cached_property
    def resolved_database_url(self) -> str:
        """The configured URL, or the embedded SQLite file under the data dir."""
        if self.database_url:
            return self.database_url
        database = self.private_data_dir() / "carepost.db"
        # Patient data: readable by this user only. SQLite gives its -wal and -shm files the
        # database file's own mode, so creating it 0600 covers them too.
        database.touch(mode=0o600, exist_ok=True)
        database.chmod(0o600)
        return f"sqlite:///{database.resolve()}"

    def private_data_dir(self) -> Path:
        """The data dir, created (or narrowed) to 0700: it holds the database, documents and mail."""
        return private_directory(self.data_dir, narrow=True)

    @cached_property
    def resolved_secret_key(self) -> str:
        """The configured secret, or one generated once and kept under the data dir.

        Generating it keeps `carepost demo` zero-configuration while still
        surviving restarts; production sets CAREPOST_SECRET_KEY.
        """
        if self.secret_key:
            return self.secret_key
        path = self.private_data_dir() / "secret_key"
        if not path.exists():
            write_private(path, secrets.token_urlsafe(48).encode())
        return path.read_text().strip()
