"""SQL for retention: one bounded batch of a table's expired rows at a time."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, column, delete, func, select, table
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit.db import dialect_of

_PG_CLASS = table("pg_class", column("relname"), column("reltuples"))


class RetentionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def forget_batch(self, model: Any, expired: ColumnElement[bool], *, limit: int) -> int:
        """Up to `limit` expired rows, gone; how many. Rows another worker is forgetting now are
        passed by (SKIP LOCKED on PostgreSQL; SQLite has one writer at a time)."""
        query = select(model.id).where(expired).order_by(model.id).limit(limit).with_for_update(skip_locked=True)
        ids = list(await self.session.scalars(query))
        if ids:
            await self.session.execute(delete(model).where(model.id.in_(ids)))
        return len(ids)

    async def row_counts(self, models: list[Any]) -> dict[str, int]:
        """Rows in each table, by name: PostgreSQL's planner estimate (counting millions of rows at
        every scrape would cost more than it tells), exact for a table never analyzed and on SQLite."""
        names = [m.__tablename__ for m in models]
        estimates: dict[str, int] = {}
        if dialect_of(self.session).name == "postgresql":
            rows = await self.session.execute(select(_PG_CLASS.c.relname, _PG_CLASS.c.reltuples).where(_PG_CLASS.c.relname.in_(names)))
            estimates = {name: int(tuples) for name, tuples in rows if tuples >= 0}
        for model in models:
            if model.__tablename__ not in estimates:
                estimates[model.__tablename__] = await self.session.scalar(select(func.count()).select_from(model)) or 0
        return estimates
