"""A PostgreSQL database of a test's own, on the machine's server, for tests that
must do to a database what no shared one may suffer (stop it, close it)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


async def _as_admin(*statements: tuple[str, ...]) -> None:
    """Run (sql, *arguments) statements on the server's maintenance database."""
    admin = await asyncpg.connect(SERVER, timeout=10)
    try:
        for sql, *arguments in statements:
            await admin.execute(sql, *arguments)
    finally:
        await admin.close()


def _name(url: str) -> str:
    return url.rsplit("/", 1)[1]


@asynccontextmanager
async def scratch_database() -> AsyncIterator[str]:
    """Yields the SQLAlchemy URL of a new, empty database; drops it afterwards."""
    name = f"carepost_scratch_{uuid.uuid4().hex[:12]}"
    await _as_admin((f'CREATE DATABASE "{name}"',))
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    finally:
        await _as_admin((f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true',), (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',))


async def close_database(url: str) -> None:
    """Refuse new connections and end every open one, as an outage would."""
    name = _name(url)
    await _as_admin(
        (f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false',),
        ("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", name),
    )


async def reopen_database(url: str) -> None:
    await _as_admin((f'ALTER DATABASE "{_name(url)}" ALLOW_CONNECTIONS true',))
