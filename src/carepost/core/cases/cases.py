"""An organization's cases: made by the organization itself (`POST /api/v1/cases`), an
operator or the tenant file; read back with their orders, each order's status and timeline."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller, Scope
from carepost.core.cases.access import DIALECT, case_for
from carepost.core.cases.repository import CaseRepository
from carepost.core.kit.clock import utcnow
from carepost.core.models import Case, CaseOrder, CaseOrderItem, Drug, Order, OrderEvent
from carepost.core.orders import events


@dataclass(frozen=True)
class PatientIn:
    first_name: str
    last_name: str
    date_of_birth: date | None = None
    sex: str | None = None  # female, male, other, unknown
    email: str | None = None
    phone: str | None = None
    address: dict[str, str] | None = None

    def as_stored(self) -> dict[str, object]:
        found = asdict(self)
        return {
            "firstName": found["first_name"], "lastName": found["last_name"],
            "dateOfBirth": self.date_of_birth.isoformat() if self.date_of_birth else None,
            "sex": self.sex, "email": self.email, "phone": self.phone, "address": self.address,
        }


@dataclass(frozen=True)
class CaseOrderView:
    order: Order
    details: CaseOrder
    items: list[tuple[CaseOrderItem, Drug]]
    timeline: list[OrderEvent]


@dataclass(frozen=True)
class CaseView:
    case: Case
    orders: list[CaseOrderView]


async def order_view(session: AsyncSession, order: Order) -> CaseOrderView:
    details = await session.get(CaseOrder, order.id)
    assert details is not None  # every cases order has its details
    return CaseOrderView(order, details, await CaseRepository(session).items(order.id), await events.timeline(session, order))


async def open_case(session: AsyncSession, *, scope: Scope, patient: PatientIn) -> Case:
    case = Case(public_id=str(uuid.uuid4()), account_id=scope.account_id, mode=scope.mode, patient=patient.as_stored(), created_at=utcnow())
    await CaseRepository(session).add(case)
    return case


async def create_case(session: AsyncSession, *, caller: Caller, patient: PatientIn) -> Case:
    caller.require_dialect(DIALECT)
    caller.require_write()
    return await open_case(session, scope=caller.scope, patient=patient)


async def read_case(session: AsyncSession, *, caller: Caller, case_id: str) -> CaseView:
    case = await case_for(session, caller, case_id)
    repository = CaseRepository(session)
    orders = [
        CaseOrderView(order, details, await repository.items(order.id), await events.timeline(session, order))
        for order, details in await repository.orders_of(case)
    ]
    return CaseView(case, orders)


async def order_in_case(session: AsyncSession, *, caller: Caller, case_id: str, order_id: str, lock: bool = False) -> Order | None:
    """One of the organization's case's orders; None if the case has no such order."""
    found = await CaseRepository(session).order(await case_for(session, caller, case_id), order_id, lock=lock)
    return found[0] if found else None
