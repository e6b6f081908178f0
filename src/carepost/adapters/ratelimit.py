"""Request counters for rate limits: fixed one-minute windows, counted in Redis
when CAREPOST_REDIS_URL is set (shared by every process), in this process otherwise.

A fixed window lets a client make up to twice its limit across a window's
edge; that is the usual trade for one round trip per request (INCR) and no
per-client state beyond one counter.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger("carepost.ratelimit")


@dataclass(frozen=True)
class Count:
    """Where one client stands in the current window."""

    used: int  # requests in this window, this one included
    reset_seconds: int  # until the window ends


class Counter(Protocol):
    async def hit(self, key: str, *, window_seconds: int) -> Count | None:
        """Count one request; None when the count cannot be had (the request is let through)."""
        ...


def _window(window_seconds: int) -> tuple[int, int]:
    now = time.time()
    index = int(now // window_seconds)
    return index, max(1, int((index + 1) * window_seconds - now + 0.999))


class MemoryCounter:
    """One process's counts: enough for the demo and a single API process."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._index = -1

    async def hit(self, key: str, *, window_seconds: int) -> Count:
        index, reset = _window(window_seconds)
        if index != self._index:  # a new window: every count starts again
            self._counts.clear()
            self._index = index
        self._counts[key] = used = self._counts.get(key, 0) + 1
        return Count(used=used, reset_seconds=reset)


class RedisCounter:
    """Counts shared by every process that uses the same Redis."""

    def __init__(self, url: str, namespace: str) -> None:
        from redis.asyncio import Redis

        self._redis = Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self._namespace = namespace

    async def hit(self, key: str, *, window_seconds: int) -> Count | None:
        from redis.exceptions import RedisError

        index, reset = _window(window_seconds)
        name = f"{self._namespace}:ratelimit:{key}:{index}"
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(name)  # queued in the pipeline, sent with the expiry by execute()
                pipe.expire(name, window_seconds + 1)
                used, _ = await pipe.execute()
        except (RedisError, OSError) as error:
            # Fail open: an unreachable limiter must not take the API down with it.
            log.warning("rate limit store unreachable, request let through: %s", type(error).__name__)
            return None
        return Count(used=int(used), reset_seconds=reset)

    async def close(self) -> None:
        await self._redis.aclose()


def counter_for(redis_url: str | None, namespace: str) -> Counter:
    return RedisCounter(redis_url, namespace) if redis_url else MemoryCounter()
