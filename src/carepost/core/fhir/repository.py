"""SQL for the FHIR view: the selects each source pages through, counted and paged the same way.

Every select is scoped to one account and mode first; an id of another account or mode is
simply not found (a 404 like an unknown one)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, null, select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.fhir.criteria import Bound
from carepost.core.models import Account, Case, CaseOrder, FulfillmentSite, Order, Patient, Site
from carepost.core.orders.references import named


@dataclass(frozen=True)
class Lines:
    """One resource per row of a table of an order's lines (a prescription's drugs), not per order."""

    model: Any  # the ORM class: its `order_id` column names the order
    where: tuple[ColumnElement[bool], ...] = ()  # which of the lines become resources
    joins: tuple[tuple[Any, ColumnElement[bool]], ...] = ()  # what `where` reads besides the line
    key: str = "id"  # the column naming a line within its order (an order's devices: `device_id`)

    @property
    def id(self) -> Any:
        return getattr(self.model, self.key)


@dataclass(frozen=True)
class OrderQuery:
    """Which of a flow's orders (or their lines) a search matches; None fields match any."""

    dialect: str
    public_id: str | None = None
    line_id: int | None = None
    statuses: frozenset[str] | None = None
    reference: str | None = None  # an identifier: the public id or, in numbered flows, the number
    patient_id: int | None = None  # a row of `patients`
    case_id: str | None = None  # a case's public id
    updated: tuple[Bound, ...] = ()
    lines: Lines | None = None


class FhirRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def count(self, query: Select[Any]) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0)

    async def page(self, query: Select[Any], offset: int, limit: int) -> Sequence[Any]:
        return (await self.session.execute(query.offset(offset).limit(limit))).all()

    async def by(self, column: Any, values: Iterable[Any]) -> dict[Any, Any]:
        """Rows of `column`'s table whose `column` is among `values`, by that value (a page's details in one query)."""
        wanted = {v for v in values if v is not None}
        if not wanted:
            return {}
        rows = await self.session.scalars(select(column.class_).where(column.in_(wanted)))
        return {getattr(row, column.key): row for row in rows}

    async def grouped(self, column: Any, values: Iterable[Any]) -> dict[Any, list[Any]]:
        """Like `by`, for a column many rows share (an order's lines), in id order."""
        wanted = {v for v in values if v is not None}
        found: dict[Any, list[Any]] = {}
        if wanted:
            model = column.class_
            for row in await self.session.scalars(select(model).where(column.in_(wanted)).order_by(*model.__mapper__.primary_key)):
                found.setdefault(getattr(row, column.key), []).append(row)
        return found


def orders(scope: Scope, query: OrderQuery) -> Select[Any]:
    """(Order, line id or None) rows, oldest first."""
    lines = query.lines
    found = select(Order, lines.id if lines else null())
    if lines:
        found = found.join(lines.model, lines.model.order_id == Order.id)
        for model, on in lines.joins:
            found = found.join(model, on)
        found = found.where(*lines.where)
        if query.line_id is not None:
            found = found.where(lines.id == query.line_id)
    found = found.where(Order.account_id == scope.account_id, Order.dialect == query.dialect, Order.mode == scope.mode)
    if query.public_id is not None:
        found = found.where(Order.public_id == query.public_id)
    if query.statuses is not None:
        found = found.where(Order.status.in_(query.statuses))
    if query.reference is not None:
        found = found.where(named(query.reference))
    if query.patient_id is not None:
        found = found.where(Order.patient_id == query.patient_id)
    if query.case_id is not None:
        of_case = select(CaseOrder.order_id).join(Case, Case.id == CaseOrder.case_id).where(Case.public_id == query.case_id)
        found = found.where(Order.id.in_(of_case))
    found = found.where(*_updated(Order.updated_at, query.updated))
    return found.order_by(Order.id, lines.id) if lines else found.order_by(Order.id)


def patients(scope: Scope, *, patient_id: int | None, external_identifier: str | None, updated: tuple[Bound, ...]) -> Select[Any]:
    found = select(Patient).where(Patient.account_id == scope.account_id, Patient.mode == scope.mode)
    if patient_id is not None:
        found = found.where(Patient.id == patient_id)
    if external_identifier is not None:
        found = found.where(Patient.external_identifier == external_identifier)
    return found.where(*_updated(Patient.updated_at, updated)).order_by(Patient.id)


def cases(scope: Scope, *, public_id: str | None, updated: tuple[Bound, ...]) -> Select[Any]:
    found = select(Case).where(Case.account_id == scope.account_id, Case.mode == scope.mode)
    if public_id is not None:
        found = found.where(Case.public_id == public_id)
    return found.where(*_updated(Case.created_at, updated)).order_by(Case.id)


def account(scope: Scope, *, slug: str | None) -> Select[Any]:
    found = select(Account).where(Account.id == scope.account_id)
    return found.where(Account.slug == slug) if slug is not None else found


def sites(scope: Scope, *, site_id: int | None) -> Select[Any]:
    found = select(Site).where(Site.account_id == scope.account_id, Site.mode == scope.mode)
    return (found.where(Site.id == site_id) if site_id is not None else found).order_by(Site.id)


def fulfillment_sites(*, site_id: int | None) -> Select[Any]:
    """The supplier's warehouses (every account's orders leave from them)."""
    found = select(FulfillmentSite)
    return (found.where(FulfillmentSite.id == site_id) if site_id is not None else found).order_by(FulfillmentSite.id)


def reference_rows(model: Any, *, key: int | None, code: str | None = None) -> Select[Any]:
    """Active rows of a table every account shares (the pharmacy network, the stores)."""
    found = select(model).where(model.active.is_(True))
    if key is not None:
        found = found.where(model.id == key)
    if code is not None:
        found = found.where(model.code == code)
    return found.order_by(model.id)


def _updated(column: Any, bounds: tuple[Bound, ...]) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    for bound in bounds:
        if bound.start is not None:
            conditions.append(column >= bound.start)
        if bound.end is not None:
            conditions.append(column < bound.end)
    return conditions
