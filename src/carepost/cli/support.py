"""What the CLI commands share: the configured database and error reporting."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator

import typer

from carepost.config import Settings
from carepost.core.kit.db import Database
from carepost.core.kit.errors import CoreError


@contextlib.asynccontextmanager
async def database() -> AsyncIterator[Database]:
    db = Settings().database()
    try:
        yield db
    finally:
        await db.dispose()


@contextlib.contextmanager
def fail_on_core_errors() -> Iterator[None]:
    """A refused command prints why and exits 1, without a traceback."""
    try:
        yield
    except CoreError as error:
        typer.echo(f"error: {error.message}", err=True)
        raise typer.Exit(1) from None
