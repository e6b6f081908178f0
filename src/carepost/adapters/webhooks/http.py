"""Sending a webhook over HTTP (httpx): the URL's destination checked again (SSRF, see
core/webhooks/urls.py), no redirects followed, the whole exchange bounded by the
timeout, and no more of the answer read than the excerpt the log keeps.

One client per event loop, kept: its connections stay open between deliveries to
the same receiver (keep-alive), and making a client (its TLS context above all)
cost more CPU than the request itself. Every request still checks its destination.
"""

from __future__ import annotations

import asyncio
import time

import httpx

from carepost.core.webhooks import urls
from carepost.core.webhooks.policy import WebhookPolicy
from carepost.core.webhooks.sending import SendResult

USER_AGENT = "Carepost-Webhooks/1.0"


class HttpSender:
    def __init__(self, policy: WebhookPolicy) -> None:
        self.policy = policy
        self._client: httpx.AsyncClient | None = None
        self._client_loop: asyncio.AbstractEventLoop | None = None

    def _client_for_this_loop(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        if self._client is None or self._client_loop is not loop:
            limits = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=30)
            self._client = httpx.AsyncClient(timeout=self.policy.timeout_seconds, follow_redirects=False, limits=limits)
            self._client_loop = loop
        return self._client

    async def send(self, url: str, *, headers: dict[str, str], body: str) -> SendResult:
        started = time.monotonic()
        try:
            host = urls.check_url(url, mode="test", allowed_hosts=self.policy.allowed_hosts)  # https was checked when saved
            await urls.check_destination(host, allowed_hosts=self.policy.allowed_hosts)
            return await asyncio.wait_for(self._post(url, headers, body, started), timeout=self.policy.timeout_seconds)
        except urls.UnsafeUrl as unsafe:
            return SendResult(status_code=None, duration_ms=_since(started), error=str(unsafe)[:500])
        except (TimeoutError, httpx.TimeoutException):
            return SendResult(status_code=None, duration_ms=_since(started), error=f"No answer within {self.policy.timeout_seconds:g} s.")
        except httpx.HTTPError as error:
            return SendResult(status_code=None, duration_ms=_since(started), error=f"Could not connect: {type(error).__name__}.")

    async def _post(self, url: str, headers: dict[str, str], body: str, started: float) -> SendResult:
        sent = {**headers, "content-type": "application/json", "user-agent": USER_AGENT}
        async with self._client_for_this_loop().stream("POST", url, content=body.encode(), headers=sent) as response:
            excerpt = await _first_bytes(response, self.policy.response_excerpt_bytes)
            return SendResult(
                status_code=response.status_code,
                duration_ms=_since(started),
                excerpt=excerpt.decode("utf-8", errors="replace"),
                retry_after_seconds=_retry_after(response.headers.get("retry-after")),
            )


async def _first_bytes(response: httpx.Response, limit: int) -> bytes:
    kept = b""
    async for chunk in response.aiter_raw():
        kept += chunk
        if len(kept) >= limit:
            break
    return kept[:limit]


def _retry_after(value: str | None) -> float | None:
    """Seconds, as most receivers send it (an HTTP date is read as no hint)."""
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def _since(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
