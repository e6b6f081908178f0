"""Sending a webhook over HTTP (aiohttp): the URL's destination checked again (SSRF, see
core/webhooks/urls.py), no redirects followed, no proxy from the environment, no cookies kept
between partners, the whole exchange bounded by the timeout, and no more of the answer read (nor
decompressed) than the excerpt the log keeps.

One session per event loop, kept: its connections stay open between deliveries to the same
receiver (keep-alive), and making one (its TLS context above all) costs more CPU than the
request itself. Every request still checks its destination.

aiohttp, not httpx as for the other outbound calls: a batch puts a hundred requests in flight at
once, and httpx's pool walks every connection (a socket poll each) whenever one is taken or
given back, which cost three quarters of the worker's CPU; see docs/performance.md.
"""

from __future__ import annotations

import asyncio
import time

import aiohttp

from carepost.core.webhooks import urls
from carepost.core.webhooks.policy import WebhookPolicy
from carepost.core.webhooks.sending import SendResult

USER_AGENT = "Carepost-Webhooks/1.0"


class HttpSender:
    def __init__(self, policy: WebhookPolicy) -> None:
        self.policy = policy
        self._session: aiohttp.ClientSession | None = None
        self._session_loop: asyncio.AbstractEventLoop | None = None

    def _session_for_this_loop(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        if self._session is None or self._session.closed or self._session_loop is not loop:
            self._session_loop = loop
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=100, keepalive_timeout=30),
                cookie_jar=aiohttp.DummyCookieJar(),  # one partner's cookie is never sent to another
                auto_decompress=False,  # the excerpt is the answer's first bytes as sent: no bomb to inflate
                timeout=aiohttp.ClientTimeout(total=self.policy.timeout_seconds),
            )
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def send(self, url: str, *, headers: dict[str, str], body: str) -> SendResult:
        started = time.monotonic()
        try:
            host = urls.check_url(url, mode="test", allowed_hosts=self.policy.allowed_hosts)  # https was checked when saved
            await urls.check_destination(host, allowed_hosts=self.policy.allowed_hosts)
            return await asyncio.wait_for(self._post(url, headers, body, started), timeout=self.policy.timeout_seconds)
        except urls.UnsafeUrl as unsafe:
            return SendResult(status_code=None, duration_ms=_since(started), error=str(unsafe)[:500])
        except TimeoutError:  # aiohttp's timeouts are TimeoutErrors too
            return SendResult(status_code=None, duration_ms=_since(started), error=f"No answer within {self.policy.timeout_seconds:g} s.")
        except aiohttp.ClientError as error:
            return SendResult(status_code=None, duration_ms=_since(started), error=f"Could not connect: {type(error).__name__}.")

    async def _post(self, url: str, headers: dict[str, str], body: str, started: float) -> SendResult:
        sent = {**headers, "content-type": "application/json", "user-agent": USER_AGENT}
        async with self._session_for_this_loop().post(url, data=body.encode(), headers=sent, allow_redirects=False) as response:
            excerpt = await _first_bytes(response.content, self.policy.response_excerpt_bytes)
            return SendResult(
                status_code=response.status,
                duration_ms=_since(started),
                excerpt=excerpt.decode("utf-8", errors="replace"),
                retry_after_seconds=_retry_after(response.headers.get("retry-after")),
            )


async def _first_bytes(content: aiohttp.StreamReader, limit: int) -> bytes:
    """Up to `limit` bytes: a read gives what has arrived, which may be less."""
    kept = b""
    while len(kept) < limit:
        chunk = await content.read(limit - len(kept))
        if not chunk:
            break
        kept += chunk
    return kept


def _retry_after(value: str | None) -> float | None:
    """Seconds, as most receivers send it (an HTTP date is read as no hint)."""
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def _since(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
