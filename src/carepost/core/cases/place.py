"""Placing a prescription order on a case (contract 003's PLACE_ORDER): checked, stored
and answered at once; the worker then makes its prescription PDF and hands it to the
pharmacy (core/cases/pipeline.py). One transaction; a refusal leaves nothing.

- The pharmacy and every drug must be in the network and active (else 400).
- A controlled substance needs the prescriber's valid DEA number.
- A strict check the contract's own example fails is a warning kept on the order,
  never a refusal: an NPI whose check digit is wrong (the example's 1234567890), a
  phone number no country plan allows (the example's +1234567890).
- No shipping address: the case patient's, recorded on the order.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Caller
from carepost.core.cases import prescribers, rules
from carepost.core.cases.access import DIALECT, case_for
from carepost.core.cases.cases import CaseOrderView
from carepost.core.cases.lifecycle import PRESCRIPTION
from carepost.core.cases.repository import CaseRepository
from carepost.core.kit.errors import InvalidInput
from carepost.core.models import CaseOrder, CaseOrderItem, Order, OrderEvent
from carepost.core.orders import events
from carepost.core.orders.new_order import new_order
from carepost.core.orders.repository import OrderRepository


@dataclass(frozen=True)
class PrescriberIn:
    first_name: str
    last_name: str
    npi: str
    email: str
    phone_number: str
    address: dict[str, str]
    title: str | None = None
    title_suffix: str | None = None
    dea: str | None = None


@dataclass(frozen=True)
class ItemIn:
    drug_id: str
    quantity: str
    direction: str | None = None
    refill_count: int | None = None
    supply_days: int | None = None
    custom_fields: dict[str, Any] | None = None


@dataclass(frozen=True)
class CaseOrderIn:
    prescriber: PrescriberIn
    diagnosis: str
    pharmacy_id: str
    items: tuple[ItemIn, ...]
    shipping_address: dict[str, str] | None = None
    patient_health: dict[str, str] | None = None
    date_written: date | None = None
    date_signed: date | None = None
    date_prescribed: date | None = None
    warnings: list[str] = field(default_factory=list)


async def place(session: AsyncSession, *, caller: Caller, case_id: str, order_in: CaseOrderIn) -> Order:
    caller.require_write()
    case = await case_for(session, caller, case_id)
    repository = CaseRepository(session)
    pharmacy = await repository.pharmacy(order_in.pharmacy_id)
    if pharmacy is None or not pharmacy.active:
        raise InvalidInput(f"pharmacyId {order_in.pharmacy_id} is not a pharmacy of the network", code="invalid_request")
    drugs = await repository.drugs(item.drug_id for item in order_in.items)
    for position, item in enumerate(order_in.items):
        drug = drugs.get(item.drug_id)
        if drug is None or not drug.active:
            raise InvalidInput(f"prescriptionItems[{position}].drugId {item.drug_id} is not in the formulary", code="invalid_request")
        if drug.controlled and not (order_in.prescriber.dea and prescribers.dea_valid(order_in.prescriber.dea)):
            raise InvalidInput(f"dea is required: {item.drug_id} is a controlled substance (schedule {drug.schedule})", code="invalid_request")
    shipping = order_in.shipping_address or case.patient.get("address")
    if not shipping:
        raise InvalidInput("shippingAddress is required: the case's patient has no address", code="invalid_request")
    order = await OrderRepository(session).add(
        new_order(
            caller, dialect=DIALECT, lifecycle=PRESCRIPTION,
            recipient={"name": _name(case.patient), "email": case.patient.get("email"), "phone": case.patient.get("phone")},
            shipping_address=shipping, patient_id=None, attributes={"case_id": case.public_id},
            warnings=[*order_in.warnings, *_warnings(order_in.prescriber)],
        )
    )
    prescriber = {_CAMEL.get(key, key): value for key, value in asdict(order_in.prescriber).items() if value is not None}
    details = CaseOrder(
        order_id=order.id, case_id=case.id, pharmacy_id=pharmacy.id, prescriber=prescriber, diagnosis=order_in.diagnosis,
        patient_health=order_in.patient_health, date_written=order_in.date_written, date_signed=order_in.date_signed,
        date_prescribed=order_in.date_prescribed,
    )
    items = [
        (
            CaseOrderItem(
                order_id=order.id, drug_id=drugs[item.drug_id].id, direction=item.direction, quantity=item.quantity,
                refill_count=item.refill_count, supply_days=item.supply_days, custom_fields=item.custom_fields,
            ),
            drugs[item.drug_id],
        )
        for item in order_in.items
    ]
    await repository.add_order_details(details, [row for row, _ in items])

    async def view_after(event: OrderEvent) -> CaseOrderView:  # as placing leaves it: no pharmacy reference or failure yet
        return CaseOrderView(order, details, items, [event])

    await events.record(session, order, name="received", actor=events.api_key_actor(caller.api_key_id), view_after=view_after)
    return order


# Stored as the contract names them, so the case's answer shows them back the same way.
_CAMEL = {"first_name": "firstName", "last_name": "lastName", "phone_number": "phoneNumber", "title_suffix": "titleSuffix"}


def _warnings(prescriber: PrescriberIn) -> list[str]:
    found = []
    if not prescribers.npi_valid(prescriber.npi):
        found.append(f"npi {prescriber.npi} fails the NPI check digit (Luhn over 80840)")
    if not rules.phone_possible(prescriber.phone_number):
        found.append(f"phoneNumber {prescriber.phone_number} is not a possible number in any numbering plan")
    return found


def _name(patient: dict[str, Any]) -> str:
    return " ".join(part for part in (patient.get("firstName"), patient.get("lastName")) if part)
