"""A PostgreSQL database of a test's own, on the machine's server, for tests that
must do to a database what no shared one may suffer (stop it, close it)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


@asynccontextmanager
async def scratch_database() -> AsyncIterator[str]:
    """Yields the SQLAlchemy URL of a new, empty database; drops it afterwards."""
    name = f"carepost_scratch_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(SERVER, timeout=10)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    finally:
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def close_database(url: str) -> None:
    """Refuse new connections and end every open one, as an outage would."""
    name = url.rsplit("/", 1)[1]
    admin = await asyncpg.connect(SERVER, timeout=10)
    try:
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        await admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", name)
    finally:
        await admin.close()


async def reopen_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = await asyncpg.connect(SERVER, timeout=10)
    try:
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    finally:
        await admin.close()
