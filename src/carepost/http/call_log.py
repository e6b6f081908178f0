"""The request log's writer: rows wait in memory for at most `delay` seconds and
are written in batches, one transaction per batch.

A transaction of its own for every call cost more than some whole requests
(see docs/performance.md). The price: a process that dies uncleanly loses the
last `delay` seconds of request-log rows. A clean stop writes them (`flush`).
The log never fails a request: a batch that cannot be written is logged and
dropped, as a single row was before.
"""

from __future__ import annotations

import asyncio
import logging

from carepost.core.audit.service import CallRecord, record_calls
from carepost.core.kit.db import Database

log = logging.getLogger("carepost.requests")


class CallLog:
    def __init__(self, db: Database, *, delay: float = 0.2, batch_size: int = 500) -> None:
        self.db = db
        self.delay = delay
        self.batch_size = batch_size
        self._pending: list[CallRecord] = []
        self._timer: asyncio.TimerHandle | None = None
        self._writing: set[asyncio.Task[None]] = set()

    def add(self, call: CallRecord) -> None:
        self._pending.append(call)
        if len(self._pending) >= self.batch_size:
            self._write_soon()
        elif self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self.delay, self._write_soon)

    async def flush(self) -> None:
        """Write everything noted so far (and wait for batches already on their way)."""
        self._cancel_timer()
        await self._write(self._take())
        if self._writing:
            await asyncio.gather(*self._writing)

    def _write_soon(self) -> None:
        self._cancel_timer()
        task = asyncio.get_running_loop().create_task(self._write(self._take()))
        self._writing.add(task)
        task.add_done_callback(self._writing.discard)

    def _take(self) -> list[CallRecord]:
        batch, self._pending = self._pending, []
        return batch

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    async def _write(self, batch: list[CallRecord]) -> None:
        if not batch:
            return
        try:
            async with self.db.transaction() as session:
                await record_calls(session, batch)
        except Exception:  # the log must never turn a served response into a failure
            log.exception("could not write %d request-log rows", len(batch))
