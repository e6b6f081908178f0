"""Rate limits, the same for every surface: each API key (and, on the patient
portal, each client address) may make so many requests a minute.

Every limited answer carries the IETF RateLimit headers
(draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy` and `RateLimit`);
a refused one is a 429 in the surface's own envelope with `Retry-After`.
"""

from __future__ import annotations

from starlette.requests import Request

from carepost.adapters.ratelimit import Counter
from carepost.core.kit.errors import RateLimited

WINDOW_SECONDS = 60


async def enforce(request: Request, counter: Counter, *, key: str, limit: int, policy: str) -> None:
    count = await counter.hit(key, window_seconds=WINDOW_SECONDS)
    if count is None:
        return
    remaining = max(0, limit - count.used)
    headers = [
        (b"ratelimit-policy", f'"{policy}";q={limit};w={WINDOW_SECONDS}'.encode()),
        (b"ratelimit", f'"{policy}";r={remaining};t={count.reset_seconds}'.encode()),
    ]
    if count.used > limit:
        headers.append((b"retry-after", str(count.reset_seconds).encode()))
    request.scope["state"].setdefault("response_headers", []).extend(headers)
    if count.used > limit:
        raise RateLimited(
            f"Too many requests: the limit is {limit} a minute. Retry after {count.reset_seconds} seconds.",
            code="rate_limited",
            retry_after=count.reset_seconds,
        )
