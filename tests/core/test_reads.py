"""The rule for reads (docs/architecture.md, "Reads"): `db.read()` gives a page's statements
one snapshot and takes no write lock, on either database; `db.lookup()` is for one statement."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from carepost.core.accounts import service as accounts
from carepost.core.models import Account


async def _count(session, prefix: str) -> int:
    return await session.scalar(select(func.count()).select_from(Account).where(Account.slug.like(f"{prefix}%"))) or 0


async def test_a_reads_statements_see_one_snapshot_while_a_writer_commits(db) -> None:
    prefix = f"snap-{uuid.uuid4().hex[:8]}-"
    async with db.read() as reading:
        before = await _count(reading, prefix)
        async with db.transaction() as writing:  # commits while the read is open: no lock stops it
            await accounts.ensure_account(writing, slug=f"{prefix}a", name="Committed meanwhile", dialects=set())
        during = await _count(reading, prefix)
    async with db.read() as later:
        after = await _count(later, prefix)

    assert (before, during, after) == (0, 0, 1)  # the page's count and rows agree; the next read sees the commit


async def test_a_read_may_not_write(db) -> None:
    if db.dialect_name != "postgresql":
        pytest.skip("SQLite's read transaction is deferred, not read-only: the rule is kept by review and by PostgreSQL")
    with pytest.raises(DBAPIError, match="read-only transaction"):
        async with db.read() as reading:
            await accounts.ensure_account(reading, slug=f"ro-{uuid.uuid4().hex[:8]}", name="Refused", dialects=set())
            await reading.flush()
