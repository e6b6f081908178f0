"""Alembic environment: always runs on a connection handed in by carepost.core.kit.migrate."""

from __future__ import annotations

from alembic import context

import carepost.core.models  # noqa: F401  (registers every table)
from carepost.core.kit.db import Base as _Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=_Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copy
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
