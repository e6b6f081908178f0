"""The request log's batching writer, on the real database: rows reach the table
by themselves shortly after the call, a full batch goes at once, flush empties."""

from __future__ import annotations

import asyncio
import uuid

from sqlalchemy import func, select

from carepost.core.audit.service import CallRecord
from carepost.core.kit.clock import utcnow
from carepost.core.models import RequestLogEntry
from carepost.http.call_log import CallLog


def _call(tag: str) -> CallRecord:
    return CallRecord(
        request_id=f"{tag}-{uuid.uuid4().hex[:8]}",  # 25 of the column's 32 characters
        method="GET", route="/x", status_code=200, duration_ms=1,
        dialect="masks", account_id=None, api_key_id=None, mode=None, at=utcnow(),
    )


async def _written(db, tag: str) -> int:
    async with db.transaction() as session:
        return await session.scalar(select(func.count()).select_from(RequestLogEntry).where(RequestLogEntry.request_id.like(f"{tag}-%")))


async def _eventually(db, tag: str, count: int) -> None:
    for _ in range(100):
        if await _written(db, tag) == count:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{await _written(db, tag)} rows written, not {count}")


async def test_rows_are_written_after_the_delay_without_a_flush(db):
    tag = uuid.uuid4().hex[:16]
    log = CallLog(db, delay=0.05)
    log.add(_call(tag))
    log.add(_call(tag))

    assert await _written(db, tag) == 0  # noted, not yet written
    await _eventually(db, tag, 2)


async def test_a_full_batch_is_written_without_waiting_for_the_delay(db):
    tag = uuid.uuid4().hex[:16]
    log = CallLog(db, delay=3600, batch_size=3)
    for _ in range(3):
        log.add(_call(tag))

    await _eventually(db, tag, 3)


async def test_flush_writes_what_is_pending(db):
    tag = uuid.uuid4().hex[:16]
    log = CallLog(db, delay=3600)
    log.add(_call(tag))

    await log.flush()

    assert await _written(db, tag) == 1
