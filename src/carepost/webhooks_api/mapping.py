"""Webhook objects as the webhook API (and the operator API) show them."""

from __future__ import annotations

from typing import Any

from carepost.core.kit.clock import iso_millis
from carepost.core.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent
from carepost.core.webhooks.endpoints import EndpointChange, EndpointIn
from carepost.webhooks_api.schemas import EndpointIn as EndpointBody
from carepost.webhooks_api.schemas import EndpointPatch


def endpoint_in(body: EndpointBody) -> EndpointIn:
    return EndpointIn(url=body.url, description=body.description, event_types=body.event_types)


def endpoint_change(body: EndpointPatch) -> EndpointChange:
    """The fields sent, and only those: `description: null` clears it, an absent one stays."""
    return EndpointChange(
        url=body.url, description=body.description, event_types=body.event_types, enabled=body.enabled,
        fields=frozenset(body.model_fields_set),
    )


def endpoint(found: WebhookEndpoint, *, secret: str | None = None) -> dict[str, Any]:
    shown = {
        "id": found.public_id,
        "url": found.url,
        "description": found.description,
        "event_types": found.event_types,
        "enabled": found.enabled,
        "disabled_reason": found.disabled_reason,
        "mode": found.mode,
        "created_at": iso_millis(found.created_at),
        "updated_at": iso_millis(found.updated_at),
    }
    return {**shown, "secret": secret} if secret else shown


def delivery(found: WebhookDelivery, event: WebhookEvent, attempts: list[WebhookAttempt]) -> dict[str, Any]:
    return {
        "id": found.id,
        "event_id": event.public_id,
        "event_type": event.type,
        "status": found.status,
        "attempts": found.attempts,
        "next_attempt_at": iso_millis(found.next_attempt_at) if found.status == "pending" else None,
        "last_status_code": found.last_status_code,
        "created_at": iso_millis(found.created_at),
        "completed_at": iso_millis(found.completed_at),
        "attempt_log": [
            {
                "attempted_at": iso_millis(a.attempted_at), "status_code": a.status_code, "duration_ms": a.duration_ms,
                "response_excerpt": a.response_excerpt, "error": a.error,
            }
            for a in attempts
        ],
        "payload": event.payload,
    }


def event(found: WebhookEvent, order_id: str | None) -> dict[str, Any]:
    return {
        "id": found.public_id, "object": "event", "type": found.type, "created_at": iso_millis(found.created_at),
        "mode": found.mode, "order_id": order_id, "payload": found.payload,
    }
