"""How webhooks are delivered: the knobs, from Settings (docs/configuration.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

# About: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (eight attempts over a day and a bit).
DEFAULT_SCHEDULE = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)


@dataclass(frozen=True)
class WebhookPolicy:
    schedule: tuple[float, ...] = DEFAULT_SCHEDULE  # seconds before each attempt, counted from the one before
    timeout_seconds: float = 15.0
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)
    disable_after: timedelta = timedelta(days=5)  # an endpoint failing this long is disabled
    rotation_overlap: timedelta = timedelta(hours=24)  # the previous secret signs too, this long
    response_excerpt_bytes: int = 1024
    max_retry_after: timedelta = timedelta(hours=24)

    def delay_before(self, attempt: int) -> float | None:
        """Seconds to wait before attempt number `attempt` (0-based), or None: no attempt left."""
        return self.schedule[attempt] if attempt < len(self.schedule) else None
