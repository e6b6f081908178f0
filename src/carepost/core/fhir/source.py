"""Where resources of one type come from: each flow declares its sources (`FlowSpec.fhir`),
and a few are every account's (shared.py). A source counts and pages what matches a search;
a read is a search by `_id`.

A resource's id says which source made it: `<prefix>-<the source's own key>`, so
`masks-1234567890` is made by the masks flow from order ORD_1234567890, and
`devices-1234567890-17` from line 17 of a devices order (FHIR ids allow letters, digits,
`-` and `.`, not the `_` of a public id)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.fhir import repository
from carepost.core.fhir.criteria import Criteria
from carepost.core.fhir.elements import ORDER_ID, ORDER_NUMBER
from carepost.core.fhir.repository import FhirRepository, Lines, OrderQuery
from carepost.core.models import Order

if TYPE_CHECKING:
    from sqlalchemy import Select

Resource = dict[str, Any]
OrderRow = tuple[Order, int | None]  # an order, and the line a resource is made from (None: the order itself)
_ORDER_KEY = re.compile(r"^(?P<digits>\d{1,18})(?:-(?P<line>\d{1,15}))?$")


class Source(Protocol):
    @property
    def type(self) -> str: ...

    @property
    def prefix(self) -> str: ...

    async def count(self, session: AsyncSession, scope: Scope, criteria: Criteria) -> int: ...

    async def page(self, session: AsyncSession, scope: Scope, criteria: Criteria, offset: int, limit: int) -> list[Resource]: ...


def own_key(prefix: str, resource_id: str | None) -> str | None:
    """The part of an id after this source's prefix; None: the id is another source's."""
    if resource_id is None:
        return None
    head, dash, key = resource_id.partition("-")
    return key if dash and head == prefix and key else None


def order_resource_id(prefix: str, order: Order, line_id: int | None = None) -> str:
    digits = order.public_id.removeprefix("ORD_")
    return f"{prefix}-{digits}" if line_id is None else f"{prefix}-{digits}-{line_id}"


def order_identifiers(order: Order, *, numbered: bool) -> list[dict[str, Any]]:
    found = [{"system": ORDER_ID, "value": order.public_id}]
    return found + ([{"system": ORDER_NUMBER, "value": str(order.id)}] if numbered else [])


# Which Patient ids an order names, by how its flow knows the patient: a row of `patients`
# (`pt-12`), a case (`case-<uuid>`), or the order itself (`masks-1234567890`).
PATIENT_ROW, CASE, ITSELF = "patients", "case", "itself"
PATIENT_ROW_PREFIX, CASE_PREFIX = "pt", "case"


@dataclass(frozen=True)
class OrderSource:
    """Resources of one type made from one flow's orders: one per order, or one per line."""

    type: str
    dialect: str  # the flow's: its orders, and the prefix of the ids it makes (`masks-1234567890`)
    render: Callable[[AsyncSession, Sequence[OrderRow]], Awaitable[list[Resource]]]
    statuses: Mapping[str, str] = field(default_factory=dict)  # the order's status -> the resource's
    patient: str | None = None  # PATIENT_ROW, CASE, ITSELF
    lines: Lines | None = None
    numbered: bool = False  # its partners name an order by number: `identifier` takes one
    # The order statuses in which the resource exists (a mask's Device, once labelled); None: every one.
    within: frozenset[str] | None = None

    @property
    def prefix(self) -> str:
        return self.dialect

    async def count(self, session: AsyncSession, scope: Scope, criteria: Criteria) -> int:
        query = self.query(criteria)
        return 0 if query is None else await FhirRepository(session).count(repository.orders(scope, query))

    async def page(self, session: AsyncSession, scope: Scope, criteria: Criteria, offset: int, limit: int) -> list[Resource]:
        query = self.query(criteria)
        if query is None:
            return []
        rows = await FhirRepository(session).page(repository.orders(scope, query), offset, limit)
        return await self.render(session, [(row[0], row[1]) for row in rows])

    def query(self, criteria: Criteria) -> OrderQuery | None:
        """The orders a search names, or None when it can name none of this source's."""
        query = OrderQuery(dialect=self.dialect, updated=criteria.updated, lines=self.lines, statuses=self.within)
        if criteria.id is not None:
            key = _ORDER_KEY.match(own_key(self.prefix, criteria.id) or "")
            if key is None or (key["line"] is None) != (self.lines is None):
                return None
            query = replace(query, public_id=f"ORD_{key['digits']}", line_id=int(key["line"]) if key["line"] else None)
        if criteria.statuses is not None:
            shown_as = frozenset(s for s, shown in self.statuses.items() if shown in criteria.statuses)
            query = replace(query, statuses=shown_as if query.statuses is None else shown_as & query.statuses)
        if criteria.identifier is not None:
            systems = (ORDER_ID, ORDER_NUMBER) if self.numbered else (ORDER_ID,)
            if criteria.identifier_system not in (None, *systems) or (criteria.identifier.isdecimal() and not self.numbered):
                return None
            query = replace(query, reference=criteria.identifier)
        if query.statuses == frozenset():
            return None
        return query if criteria.patient is None else self._of_patient(query, criteria.patient)

    def _of_patient(self, query: OrderQuery, patient: str) -> OrderQuery | None:
        if self.patient == PATIENT_ROW:
            patient_id = row_id(own_key(PATIENT_ROW_PREFIX, patient) or "")
            return replace(query, patient_id=patient_id) if isinstance(patient_id, int) else None
        if self.patient == CASE:
            case_id = own_key(CASE_PREFIX, patient)
            return replace(query, case_id=case_id) if case_id else None
        if self.patient == ITSELF:  # the order is its own patient's: `patient=masks-1` names order ORD_1
            key = _ORDER_KEY.match(own_key(self.dialect, patient) or "")
            public_id = f"ORD_{key['digits']}" if key and key["line"] is None else None
            return replace(query, public_id=public_id) if public_id and query.public_id in (None, public_id) else None
        return None


# The select of a RowSource: the rows matching a search, given the id's own part (None: any id).
RowSelect = Callable[[Scope, str | None, Criteria], "Select[Any] | None"]


@dataclass(frozen=True)
class RowSource:
    """Resources of one type made from the rows of one table (an account's patients, the stores)."""

    type: str
    prefix: str
    select: RowSelect
    render: Callable[[AsyncSession, Sequence[Any]], Awaitable[list[Resource]]]

    async def count(self, session: AsyncSession, scope: Scope, criteria: Criteria) -> int:
        query = self._query(scope, criteria)
        return 0 if query is None else await FhirRepository(session).count(query)

    async def page(self, session: AsyncSession, scope: Scope, criteria: Criteria, offset: int, limit: int) -> list[Resource]:
        query = self._query(scope, criteria)
        if query is None:
            return []
        return await self.render(session, [row[0] for row in await FhirRepository(session).page(query, offset, limit)])

    def _query(self, scope: Scope, criteria: Criteria) -> Select[Any] | None:
        key = own_key(self.prefix, criteria.id)
        if criteria.id is not None and key is None:
            return None
        return self.select(scope, key, criteria)


def row_id(text: str) -> int | None:
    """A numeric key as a row's id; None when it is not one (`pt-x` names no patient)."""
    return int(text) if text.isdecimal() and len(text) < 16 else None


# The select of a RowSource over a table whose ids are its rows' numbers (None: any row).
NumberedSelect = Callable[[Scope, int | None, Criteria], "Select[Any] | None"]


def by_row_id(select: NumberedSelect) -> RowSelect:
    """`site-12` names row 12 of the table; `site-x` names none."""

    def chosen(scope: Scope, key: str | None, criteria: Criteria) -> Select[Any] | None:
        if key is None:
            return select(scope, None, criteria)
        wanted = row_id(key)
        return None if wanted is None else select(scope, wanted, criteria)

    return chosen
