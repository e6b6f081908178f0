"""SQL for operator tokens, and for the operator's view across every account."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, cast, exists, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import Account, OperatorToken, Order, OrderExternalId, Patient, Site

# Who an order goes to, by name: its recipient (masks, pharmacy, cases), else its patient or site (devices).
_RECIPIENT = func.coalesce(
    cast(Order.recipient["name"].as_string(), String), Patient.first_name + literal(" ") + Patient.last_name, Site.name, literal("")
)


class OperatorRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, token: OperatorToken) -> OperatorToken:
        self.session.add(token)
        await self.session.flush()
        return token

    async def by_hash(self, secret_hash: str) -> OperatorToken | None:
        return await self.session.scalar(select(OperatorToken).where(OperatorToken.secret_hash == secret_hash))

    async def order(self, reference: str, *, lock: bool = False) -> Order | None:
        """Operators work for the supplier: they reach every account's orders, by public
        id (ORD_…) or by the number partners see where a contract shows numeric ids (devices)."""
        matches = Order.id == int(reference) if reference.isdecimal() and len(reference) < 19 else Order.public_id == reference
        query = select(Order).where(matches)
        return await self.session.scalar(query.with_for_update() if lock else query)

    async def order_counts(self, *, mode: str) -> list[tuple[str, str, int]]:
        """(dialect, status, count) over every account's orders in this mode."""
        rows = await self.session.execute(
            select(Order.dialect, Order.status, func.count()).where(Order.mode == mode).group_by(Order.dialect, Order.status)
        )
        return [(dialect, status, count) for dialect, status, count in rows]

    async def order_page(
        self, *, flow: str | None, status: str | None, account: str | None, mode: str | None, placed_from: date | None,
        placed_to: date | None, query: str | None, offset: int, limit: int,
    ) -> tuple[list[tuple[Any, ...]], int]:
        """A page of orders across every account, newest first, and how many match."""
        conditions: list[ColumnElement[bool]] = []
        if flow is not None:
            conditions.append(Order.dialect == flow)
        if status is not None:
            conditions.append(Order.status == status)
        if account is not None:
            conditions.append(Account.slug == account)
        if mode is not None:
            conditions.append(Order.mode == mode)
        if placed_from is not None:
            conditions.append(Order.placed_at >= datetime.combine(placed_from, time.min, UTC))
        if placed_to is not None:
            conditions.append(Order.placed_at < datetime.combine(placed_to + timedelta(days=1), time.min, UTC))
        if query is not None:
            conditions.append(_matching(query))
        joined = (
            select(Order.id)
            .join(Account, Account.id == Order.account_id)
            .outerjoin(Patient, Patient.id == Order.patient_id)
            .outerjoin(Site, Site.id == Order.site_id)
            .where(*conditions)
        )
        total = await self.session.scalar(select(func.count()).select_from(joined.subquery()))
        page = joined.with_only_columns(
            Order.public_id, Order.id, Order.dialect, Order.status, Account.slug, Account.name, Order.mode, Order.placed_at, _RECIPIENT
        )
        rows = await self.session.execute(page.order_by(Order.id.desc()).offset(offset).limit(limit))
        return [tuple(row) for row in rows], total or 0


def _matching(query: str) -> ColumnElement[bool]:
    """An order id (ORD_… or its number), an external id, or part of a recipient's name
    (a query of digits only is a number, not part of a name)."""
    options: list[ColumnElement[bool]] = [
        Order.public_id == query,
        exists().where(OrderExternalId.order_id == Order.id, OrderExternalId.value == query),
    ]
    if query.isdecimal():
        if len(query) < 19:
            options.append(Order.id == int(query))
    else:
        pattern = "%" + query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        options.append(func.lower(_RECIPIENT).like(pattern, escape="\\"))
    return or_(*options)
