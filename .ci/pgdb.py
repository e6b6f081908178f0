"""Create or drop a uniquely named PostgreSQL database for one CI run.

Plain asyncpg, so CI needs no PostgreSQL client programs on the machine.
"""

from __future__ import annotations

import asyncio
import sys

import asyncpg

SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


async def main(action: str, name: str) -> None:
    try:
        connection = await asyncpg.connect(SERVER, timeout=10)
    except (OSError, asyncpg.PostgresError) as exc:
        sys.exit(f"PostgreSQL at 127.0.0.1:5432 is unreachable: {exc}")
    try:
        if action == "create":
            await connection.execute(f'CREATE DATABASE "{name}"')
        else:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
