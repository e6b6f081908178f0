"""The worker: relays the outbox and runs the periodic clean-ups.

Run many of them against PostgreSQL; claims never overlap (SKIP LOCKED).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping

from carepost.core.idempotency import service as idempotency
from carepost.core.kit.db import Database
from carepost.core.outbox.relay import Handler, Relay

log = logging.getLogger("carepost.worker")

IDLE_POLL_SECONDS = 0.5
HOUSEKEEPING_EVERY_SECONDS = 3600


def handlers() -> Mapping[str, Handler]:
    """Outbox topics and who handles them. No dialect subscribes to an event yet."""
    return {}


class Worker:
    def __init__(self, db: Database, topic_handlers: Mapping[str, Handler] | None = None) -> None:
        self.db = db
        self.relay = Relay(db, topic_handlers if topic_handlers is not None else handlers())
        self._last_housekeeping = 0.0

    async def run_forever(self) -> None:
        while True:
            try:
                claimed = await self.relay.run_once()
                await self._housekeeping()
            except Exception:  # a database blip must not end the worker
                log.exception("worker iteration failed")
                claimed = 0
            if not claimed:
                await asyncio.sleep(IDLE_POLL_SECONDS)

    async def _housekeeping(self) -> None:
        if time.monotonic() - self._last_housekeeping < HOUSEKEEPING_EVERY_SECONDS:
            return
        self._last_housekeeping = time.monotonic()
        async with self.db.transaction() as session:
            purged = await idempotency.purge_expired(session)
        log.info("purged %d expired idempotency keys", purged)
