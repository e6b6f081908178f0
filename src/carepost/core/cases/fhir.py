"""A cases order as FHIR (docs/fhir.md): the case's patient (`case-<uuid>`), the prescriber as
given on the order (a Practitioner per order), each drug prescribed (a MedicationRequest), and
the network's pharmacies (Organizations) that fill them."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.cases.access import DIALECT
from carepost.core.cases.lifecycle import PrescriptionStatus
from carepost.core.fhir import repository
from carepost.core.fhir.criteria import Criteria
from carepost.core.fhir.documents import document_source
from carepost.core.fhir.elements import (
    CASE_ID,
    DEA,
    NDC,
    NPI,
    ORDER_ID,
    PHARMACY_CODE,
    RXNORM,
    address_of,
    coding,
    concept,
    day,
    gender,
    human_name,
    identifier,
    instant,
    ref,
    resource,
    telecom,
)
from carepost.core.fhir.repository import FhirRepository, Lines
from carepost.core.fhir.source import (
    CASE,
    CASE_PREFIX,
    OrderRow,
    OrderSource,
    Resource,
    RowSource,
    by_row_id,
    order_identifiers,
    order_resource_id,
)
from carepost.core.fhir.tasks import TaskParts, task_source
from carepost.core.models import Case, CaseOrder, CaseOrderItem, Drug, Order, Pharmacy

NETWORK_PREFIX = "network"
_P = PrescriptionStatus
REQUEST_STATUS = {
    **{status.value: "active" for status in _P},
    _P.DELIVERED.value: "completed",
    _P.CANCELLED.value: "cancelled",
    _P.REJECTED.value: "cancelled",  # statusReason says the pharmacy refused it
    _P.FAILED.value: "on-hold",  # a step gave up; an operator may retry it
}
STATUS_REASONS = {_P.REJECTED.value: "Rejected by the pharmacy", _P.FAILED.value: "A step of the pipeline failed; it may be retried"}


def _patient(case: Case) -> Resource:
    stored = case.patient
    return resource(
        "Patient",
        f"{CASE_PREFIX}-{case.public_id}",
        last_updated=case.created_at,
        identifier=identifier(CASE_ID, case.public_id),
        name=human_name(stored.get("firstName"), stored.get("lastName")),
        telecom=telecom(stored.get("email"), stored.get("phone")),
        gender=gender(stored.get("sex")),
        birthDate=stored.get("dateOfBirth"),
        address=address_of(stored.get("address")),
    )


def _cases(scope: Scope, key: str | None, criteria: Criteria) -> Select[Any] | None:
    public_id = key
    if criteria.identifier is not None:
        if criteria.identifier_system not in (None, CASE_ID) or public_id not in (None, criteria.identifier):
            return None
        public_id = criteria.identifier
    return repository.cases(scope, public_id=public_id, updated=criteria.updated)


async def _render_cases(session: AsyncSession, cases: Sequence[Case]) -> list[Resource]:
    return [_patient(case) for case in cases]


async def _practitioners(session: AsyncSession, rows: Sequence[OrderRow]) -> list[Resource]:
    details = await FhirRepository(session).by(CaseOrder.order_id, (order.id for order, _ in rows))
    found = []
    for order, _ in rows:
        given = details[order.id].prescriber
        name = human_name(given.get("firstName"), given.get("lastName"))
        for part, key in (("prefix", "title"), ("suffix", "titleSuffix")):
            if name and given.get(key):
                name[0][part] = [given[key]]
        found.append(
            resource(
                "Practitioner",
                order_resource_id(DIALECT, order),
                last_updated=order.updated_at,
                identifier=identifier(NPI, given.get("npi")) + identifier(DEA, given.get("dea")),
                name=name,
                telecom=telecom(given.get("email"), given.get("phoneNumber")),
                address=address_of(given.get("address")),
            )
        )
    return found


async def _requests(session: AsyncSession, rows: Sequence[OrderRow]) -> list[Resource]:
    repository_ = FhirRepository(session)
    items = await repository_.by(CaseOrderItem.id, (line_id for _, line_id in rows))
    details = await repository_.by(CaseOrder.order_id, (order.id for order, _ in rows))
    drugs = await repository_.by(Drug.id, (item.drug_id for item in items.values()))
    cases = await repository_.by(Case.id, (d.case_id for d in details.values()))
    found = []
    for order, line_id in rows:
        item, detail = items[line_id], details[order.id]
        drug = drugs[item.drug_id]
        quantity = _decimal(item.quantity)
        dispense: dict[str, Any] = {"performer": ref("Organization", f"{NETWORK_PREFIX}-{detail.pharmacy_id}")}
        if quantity is not None:
            dispense["quantity"] = {"value": quantity}
        if item.refill_count is not None:
            dispense["numberOfRepeatsAllowed"] = item.refill_count
        if item.supply_days is not None:
            dispense["expectedSupplyDuration"] = {"value": item.supply_days, "unit": "days", "system": "http://unitsofmeasure.org", "code": "d"}
        found.append(
            resource(
                "MedicationRequest",
                order_resource_id(DIALECT, order, item.id),
                last_updated=order.updated_at,
                identifier=order_identifiers(order, numbered=False),
                groupIdentifier={"system": ORDER_ID, "value": order.public_id},
                status=REQUEST_STATUS.get(order.status, "unknown"),
                statusReason=concept(STATUS_REASONS.get(order.status)),
                intent="order",
                medicationCodeableConcept=concept(
                    " ".join(filter(None, (drug.name, drug.strength, drug.form))), coding(RXNORM, drug.rxnorm), coding(NDC, drug.ndc)
                ),
                subject=ref("Patient", f"{CASE_PREFIX}-{cases[detail.case_id].public_id}"),
                authoredOn=day(detail.date_written) or instant(order.placed_at),
                requester=ref("Practitioner", order_resource_id(DIALECT, order)),
                reasonCode=[concept(detail.diagnosis)] if detail.diagnosis else [],
                dosageInstruction=[{"text": item.direction}] if item.direction else [],
                dispenseRequest=dispense,
                note=[] if quantity is not None else [{"text": f"Quantity: {item.quantity}"}],
            )
        )
    return found


def _decimal(text: str) -> int | float | None:
    """The contract's quantity string as a FHIR decimal, when it is a number ("30", "2.5")."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _pharmacies(scope: Scope, pharmacy_id: int | None, criteria: Criteria) -> Select[Any] | None:
    if criteria.identifier_system not in (None, PHARMACY_CODE):
        return None
    return repository.reference_rows(Pharmacy, key=pharmacy_id, code=criteria.identifier)


async def _render_pharmacies(session: AsyncSession, pharmacies: Sequence[Pharmacy]) -> list[Resource]:
    return [
        resource(
            "Organization",
            f"{NETWORK_PREFIX}-{p.id}",
            identifier=identifier(PHARMACY_CODE, p.code),
            active=p.active,
            name=p.name,
            type=[concept("Pharmacy", coding("http://terminology.hl7.org/CodeSystem/organization-type", "prov", "Healthcare Provider"))],
        )
        for p in pharmacies
    ]


TASK_STATUS = {
    _P.RECEIVED.value: "received",
    _P.PRESCRIPTION_STORED.value: "received",
    _P.SENT_TO_PHARMACY.value: "requested",
    _P.ACCEPTED.value: "accepted",
    _P.REJECTED.value: "rejected",
    _P.FILLED.value: "in-progress",
    _P.SHIPPED.value: "in-progress",
    _P.DELIVERED.value: "completed",
    _P.FAILED.value: "failed",
    _P.CANCELLED.value: "cancelled",
}


async def _task_parts(session: AsyncSession, orders: Sequence[Order]) -> dict[int, TaskParts]:
    repository_ = FhirRepository(session)
    details = await repository_.by(CaseOrder.order_id, (order.id for order in orders))
    items = await repository_.grouped(CaseOrderItem.order_id, (order.id for order in orders))
    cases = await repository_.by(Case.id, (d.case_id for d in details.values()))
    found = {}
    for order in orders:
        detail, tracking = details[order.id], order.attributes.get("tracking") or {}
        found[order.id] = TaskParts(
            subject=ref("Patient", f"{CASE_PREFIX}-{cases[detail.case_id].public_id}"),
            based_on=[ref("MedicationRequest", order_resource_id(DIALECT, order, item.id)) for item in items.get(order.id, [])],
            owner=ref("Organization", f"{NETWORK_PREFIX}-{detail.pharmacy_id}"),
            tracking=[(tracking["carrier"], tracking["trackingNumber"])] if tracking.get("trackingNumber") else [],
        )
    return found


TASKS = task_source(DIALECT, TASK_STATUS, _task_parts, patient=CASE)

SOURCES = (
    RowSource("Patient", CASE_PREFIX, _cases, _render_cases),
    OrderSource("Practitioner", DIALECT, _practitioners),
    OrderSource("MedicationRequest", DIALECT, _requests, statuses=REQUEST_STATUS, patient=CASE, lines=Lines(CaseOrderItem)),
    RowSource("Organization", NETWORK_PREFIX, by_row_id(_pharmacies), _render_pharmacies),
    TASKS,
    document_source(TASKS, _task_parts),
)
