"""The sending port: one signed POST to a partner's URL (adapters/webhooks/http.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class SendResult:
    status_code: int | None  # None: no answer (refused, timed out, unsafe)
    duration_ms: int
    excerpt: str | None = None  # the first bytes of the answer's body
    error: str | None = None
    retry_after_seconds: float | None = None


class Sender(Protocol):
    async def send(self, url: str, *, headers: dict[str, str], body: str) -> SendResult: ...

    async def close(self) -> None:
        """Its kept connections closed: the worker is stopping."""
