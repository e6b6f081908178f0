"""The sandbox's autopilot at its cost: test-mode masks creates under load with one worker
running, for an account with the autopilot off against one with it on (a step a second, every
order walking its eight steps), and then, the creates stopped, how many steps a second the one
worker takes as it walks the orders just made (`drain`).

Two accounts of their own (`bench-sandbox-off`, `bench-sandbox-on`), so the other scenarios'
accounts keep the autopilot off and stay comparable with the baseline.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import pg

ACCOUNTS = {"off": "bench-sandbox-off", "on": "bench-sandbox-on"}
INTERVAL_SECONDS = 1
STEPS_PER_ORDER = 8  # a masks order's happy path (core/manufacturing/flow.py)


def tenant_file(work: Path) -> Path:
    file = work / "sandbox.yaml"
    file.write_text(json.dumps({"accounts": [{
        "slug": slug, "name": f"Bench Sandbox ({side})", "dialects": ["masks"], "rate_limit_per_minute": 1_000_000,
        "masks": {"ordering_enabled": True, "contact_email": f"orders@{slug}.example", "allowed_mask_types": ["cpap"],
                  "variants": {"cpap": "gid://shopify/ProductVariant/1"}},
        "sandbox": {"autopilot": side == "on", "autopilot_interval_seconds": INTERVAL_SECONDS},
        "keys": [{"name": "bench", "mode": "test"}],
    } for side, slug in ACCOUNTS.items()]}))  # JSON is YAML
    return file


def keys(loaded: list[dict[str, Any]]) -> dict[str, str]:
    """Each side's test key, from what `carepost load` reported."""
    by_slug = {account["slug"]: account["keys"][0]["secret"] for account in loaded}
    return {side: by_slug[slug] for side, slug in ACCOUNTS.items()}


async def steps_taken(dsn: str) -> int:
    """The order events the autopilot has recorded, on every account."""
    async with pg.connected(dsn) as connection:
        return int(await connection.fetchval("SELECT count(*) FROM order_events WHERE actor = 'autopilot'"))


@dataclass(frozen=True)
class Drain:
    steps: int
    seconds: float
    finished: bool  # every order's walk done, not cut off by the time limit

    @property
    def rate(self) -> float:
        return self.steps / self.seconds if self.seconds else 0.0


async def drain(dsn: str, *, quiet_s: float = 5, limit_s: float = 180) -> Drain:
    """Waits while the worker walks the test orders made with the autopilot on, until every
    one has taken its eight steps, no step came for `quiet_s` or `limit_s` passed; the steps
    taken meanwhile, and the seconds from the start to the last one."""
    async with pg.connected(dsn) as connection:
        async def taken() -> int:
            return int(await connection.fetchval("SELECT count(*) FROM order_events WHERE actor = 'autopilot'"))

        due = STEPS_PER_ORDER * int(await connection.fetchval(
            "SELECT count(*) FROM orders o JOIN accounts a ON a.id = o.account_id WHERE a.slug = $1 AND o.mode = 'test'", ACCOUNTS["on"]
        ))
        start = time.monotonic()
        first = last_count = await taken()
        last_at = start
        while last_count < due and time.monotonic() - last_at < quiet_s and time.monotonic() - start < limit_s:
            await asyncio.sleep(0.5)
            count = await taken()
            if count != last_count:
                last_count, last_at = count, time.monotonic()
        return Drain(last_count - first, last_at - start, finished=last_count >= due)
