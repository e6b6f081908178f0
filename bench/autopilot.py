"""The sandbox's autopilot at its cost: test-mode masks creates under load with one worker
running, for an account with the autopilot off against one with it on (a step a second, every
order walking its eight steps), and then, the creates stopped, how many steps a second the one
worker takes as it walks the orders just made (`walking`).

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

import asyncpg

from bench import pg

ACCOUNTS = {"off": "bench-sandbox-off", "on": "bench-sandbox-on"}
INTERVAL_SECONDS = 1


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
        return await _steps(connection)


async def _steps(connection: asyncpg.Connection) -> int:
    return int(await connection.fetchval("SELECT count(*) FROM order_events WHERE actor = 'autopilot'"))


@dataclass(frozen=True)
class Walking:
    steps: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.steps / self.seconds if self.seconds else 0.0


async def walking(dsn: str, *, window_s: float = 30, first_within_s: float = 180) -> Walking:
    """The steps the worker takes in `window_s` once it walks the orders just made: it first
    relays their `order.placed` messages (each schedules a walk), so the window opens at the
    first step after the call, which must come within `first_within_s`."""
    async with pg.connected(dsn) as connection:
        before, waited_since = await _steps(connection), time.monotonic()
        while (first := await _steps(connection)) == before:
            if time.monotonic() - waited_since > first_within_s:
                raise RuntimeError(f"the worker took no autopilot step in {first_within_s:.0f} s")
            await asyncio.sleep(0.2)
        opened = time.monotonic()
        await asyncio.sleep(window_s)
        return Walking(await _steps(connection) - first, time.monotonic() - opened)
