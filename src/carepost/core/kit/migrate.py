"""Applying (and, for developers, writing) Alembic migrations from code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from carepost.core.kit.db import Database

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(connection: Any = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("file_template", "%%(year)d-%%(month).2d-%%(day).2d-%%(hour).2d%%(minute).2d_%%(slug)s")
    config.attributes["connection"] = connection
    return config


async def upgrade(db: Database, revision: str = "head") -> None:
    async with db.engine.begin() as connection:
        await connection.run_sync(lambda sync: command.upgrade(alembic_config(sync), revision))


async def autogenerate(db: Database, message: str) -> None:
    async with db.engine.begin() as connection:
        await connection.run_sync(lambda sync: command.revision(alembic_config(sync), message=message, autogenerate=True))


_heads: set[str] = set()


async def at_head(db: Database) -> bool:
    """Whether the database has every migration this code expects (the readiness check)."""
    if not _heads:  # read the scripts once per process: they do not change while it runs
        _heads.update(ScriptDirectory.from_config(alembic_config()).get_heads())
    async with db.read_connection() as connection:
        current = await connection.run_sync(lambda sync: set(MigrationContext.configure(sync).get_current_heads()))
    return current == _heads
