"""The sandbox's autopilot at its cost: test-mode masks creates under load with one worker
running, for an account with the autopilot off against one with it on (a step a second, every
order walking its eight steps), and how many steps the worker took a second meanwhile.

Two accounts of their own (`bench-sandbox-off`, `bench-sandbox-on`), so the other scenarios'
accounts keep the autopilot off and stay comparable with the baseline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
        return int(await connection.fetchval("SELECT count(*) FROM order_events WHERE actor = 'autopilot'"))
