"""The webhook API's example bodies: a receiver on this laptop (the demo allows loopback)."""

from __future__ import annotations

from typing import Any

ENDPOINT: dict[str, Any] = {"url": "http://127.0.0.1:4242/webhooks", "description": "My laptop", "event_types": ["order.created", "order.shipped"]}
ENDPOINT_PATCH: dict[str, Any] = {"description": "My laptop, every event", "event_types": None}
REPLAY: dict[str, Any] = {"since": "2026-12-01T00:00:00Z"}
