"""The worker's webhook sender: claim due deliveries, POST each signed event to its
endpoint (all of a batch at once), record the attempt, and decide what next.

- 2xx: delivered. Anything else, or no answer within the timeout: tried again on
  the policy's schedule (honouring a longer `Retry-After`), then failed.
- 410 Gone: the endpoint is disabled at once (the partner removed its receiver).
- An endpoint that has been failing for `disable_after` (5 days) is disabled, and
  a `webhook.endpoint.disabled` event goes to the account's other endpoints.
- One order's events reach an endpoint in order: a delivery waits while an earlier
  one of the same order to the same endpoint is pending (repository.claim_due).
- Every retry and replay carries the same `webhook-id`: the event's.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit import trace_context
from carepost.core.kit.clock import utcnow
from carepost.core.kit.db import Database
from carepost.core.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent
from carepost.core.webhooks import types
from carepost.core.webhooks.endpoints import signing_secrets
from carepost.core.webhooks.policy import WebhookPolicy
from carepost.core.webhooks.publishing import publish
from carepost.core.webhooks.repository import FAILED, PENDING, SUCCEEDED, WebhookRepository
from carepost.core.webhooks.sending import Sender, SendResult
from carepost.core.webhooks.signing import signature_headers

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Job:
    delivery_id: int
    url: str | None  # None: the endpoint is disabled, nothing is sent
    headers: dict[str, str]
    body: str
    event_type: str = ""
    trace_context: str | None = None  # the request's that made the event (core/kit/trace_context.py)


class Dispatcher:
    def __init__(
        self, db: Database, sender: Sender, policy: WebhookPolicy, *, secret_key: str, batch_size: int = 100,
        observe: Callable[[str, SendResult], None] | None = None,
    ) -> None:
        self.db = db
        self.observe = observe  # told each attempt's outcome (succeeded, retrying, failed): the worker's metrics
        self.sender = sender
        self.policy = policy
        self.secret_key = secret_key
        self.batch_size = batch_size
        self.lease = timedelta(seconds=policy.timeout_seconds + 5)  # longer than any send, plus its settle

    async def run_once(self) -> int:
        """Send one batch; returns how many deliveries it claimed."""
        jobs = await self._claim()
        if not jobs:
            return 0
        results = await asyncio.gather(*(self._send(job) for job in jobs))
        async with self.db.transaction() as session:  # one commit for the batch's outcomes, written in one flush
            repository = WebhookRepository(session)
            deliveries = await repository.deliveries_to_settle([job.delivery_id for job in jobs])
            endpoints = await repository.by_ids(WebhookEndpoint, {d.endpoint_id for d in deliveries.values()})
            outcomes = []
            for job, result in zip(jobs, results, strict=True):
                delivery = deliveries.get(job.delivery_id)
                settled = None if delivery is None else await self._settle(session, delivery, endpoints[delivery.endpoint_id], result)
                outcomes.append(settled)
        if self.observe is not None:
            for outcome, result in zip(outcomes, results, strict=True):
                if outcome is not None:
                    self.observe("retrying" if outcome == PENDING else outcome, result)
        return len(jobs)

    async def _claim(self) -> list[_Job]:
        async with self.db.transaction() as session:
            repository = WebhookRepository(session)
            now = utcnow()
            claimed = await repository.claim_due(now=now, lease_until=now + self.lease, limit=self.batch_size)
            endpoints = await repository.by_ids(WebhookEndpoint, {d.endpoint_id for d in claimed})
            events = await repository.by_ids(WebhookEvent, {d.event_id for d in claimed})
            return [self._job(d, endpoints[d.endpoint_id], events[d.event_id], now) for d in claimed]

    def _job(self, delivery: WebhookDelivery, endpoint: WebhookEndpoint, event: WebhookEvent, now: datetime) -> _Job:
        body = json.dumps(event.payload, ensure_ascii=False, separators=(",", ":"))
        if not endpoint.enabled:
            return _Job(delivery.id, None, {}, body)
        secrets = signing_secrets(endpoint, secret_key=self.secret_key, now=now)
        headers = signature_headers(event.public_id, now, body, secrets)
        return _Job(delivery.id, endpoint.url, headers, body, event.type, event.trace_context)

    async def _send(self, job: _Job) -> SendResult:
        if job.url is None:
            return SendResult(status_code=None, duration_ms=0, error="The endpoint is disabled.")
        span: dict[str, str | int] = {"carepost.webhook.delivery_id": job.delivery_id, "carepost.webhook.event_type": job.event_type}
        with structlog.contextvars.bound_contextvars(webhook_delivery_id=job.delivery_id), \
                trace_context.continued(job.trace_context, "webhook deliver", span):
            try:
                result = await self.sender.send(job.url, headers=job.headers, body=job.body)
            except Exception as error:  # a sender's bug must not stop the batch
                log.exception("webhook delivery could not be sent")
                return SendResult(status_code=None, duration_ms=0, error=type(error).__name__)
            # One line per attempt, as the access log has one per request: no URL (it may carry a token).
            log.info("webhook attempt", extra={"status_code": result.status_code, "duration_ms": result.duration_ms})
            return result

    async def _settle(self, session: AsyncSession, delivery: WebhookDelivery, endpoint: WebhookEndpoint, result: SendResult) -> str | None:
        """Record the attempt (written with the batch's others at the commit); the delivery's
        status after it (None: it was settled already)."""
        if delivery.status != PENDING:
            return None
        now = utcnow()
        session.add(
            WebhookAttempt(
                delivery_id=delivery.id, attempted_at=now, status_code=result.status_code, duration_ms=result.duration_ms,
                response_excerpt=result.excerpt, error=result.error,
            )
        )
        delivery.last_status_code, delivery.last_error, delivery.claimed_until = result.status_code, result.error, None
        code = result.status_code
        if code is not None and 200 <= code < 300:
            delivery.status, delivery.completed_at, endpoint.failing_since = SUCCEEDED, now, None
            return SUCCEEDED
        if code == 410 or not endpoint.enabled:
            delivery.status, delivery.completed_at = FAILED, now
            if code == 410:
                await self._disable(session, endpoint, "The endpoint answered 410 Gone.")
            return FAILED
        delay = self.policy.delay_before(delivery.attempts)
        if delay is None:
            delivery.status, delivery.completed_at = FAILED, now
        else:
            if result.retry_after_seconds is not None:
                delay = max(delay, min(result.retry_after_seconds, self.policy.max_retry_after.total_seconds()))
            delivery.next_attempt_at = now + timedelta(seconds=delay)
        endpoint.failing_since = endpoint.failing_since or now
        if now - endpoint.failing_since >= self.policy.disable_after:
            await self._disable(session, endpoint, f"The endpoint failed every delivery for {self.policy.disable_after}.")
        return delivery.status

    async def _disable(self, session: AsyncSession, endpoint: WebhookEndpoint, reason: str) -> None:
        if not endpoint.enabled:
            return
        endpoint.enabled, endpoint.disabled_reason, endpoint.updated_at = False, reason, utcnow()
        await publish(
            session,
            source=f"endpoint-disabled:{endpoint.id}:{endpoint.updated_at.isoformat()}",
            account_id=endpoint.account_id,
            mode=endpoint.mode,
            event_type=types.ENDPOINT_DISABLED,
            data={"id": endpoint.public_id, "url": endpoint.url, "enabled": False, "disabled_reason": reason},
        )
