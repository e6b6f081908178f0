"""Checking a webhook's signature (Standard Webhooks, as Carepost signs every delivery), with
the standardwebhooks library itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

__all__ = ["WebhookVerificationError", "verify_webhook"]


def verify_webhook(secret: str, body: bytes | str, headers: Mapping[str, str]) -> dict[str, Any]:
    """The event, once its `webhook-signature` is checked against `secret` (the endpoint's
    `whsec_…`) and its `webhook-timestamp` is recent; WebhookVerificationError otherwise."""
    return Webhook(secret).verify(body, dict(headers))
