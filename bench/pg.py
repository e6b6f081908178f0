"""The bench's own PostgreSQL connections (seeding, setting aside, scratch databases), each
closed when its block ends."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator

import asyncpg


@contextlib.asynccontextmanager
async def connected(dsn: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(dsn)
    try:
        yield connection
    finally:
        await connection.close()


@contextlib.asynccontextmanager
async def scratch_database(server: str, prefix: str) -> AsyncIterator[str]:
    """A new database on `server` (postgresql://…, no database), dropped when the block ends; yields its DSN."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    async with connected(f"{server}/postgres") as admin:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{server}/{name}"
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
