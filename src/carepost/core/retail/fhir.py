"""A pharmacy order as FHIR (docs/fhir.md): each product it holds that needs a prescription is a
MedicationRequest for the order's patient (`pt-<id>`); the pick-up stores are Locations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.accounts.service import Scope
from carepost.core.fhir import repository
from carepost.core.fhir.criteria import Criteria
from carepost.core.fhir.documents import document_source
from carepost.core.fhir.elements import GTIN, ORDER_ID, RXNORM, SKU, STORE_CODE, coding, concept, identifier, instant, one_address, ref, resource
from carepost.core.fhir.repository import FhirRepository, Lines
from carepost.core.fhir.shared import account_reference
from carepost.core.fhir.source import (
    PATIENT_ROW,
    PATIENT_ROW_PREFIX,
    OrderRow,
    OrderSource,
    Resource,
    RowSource,
    by_row_id,
    order_identifiers,
    order_resource_id,
)
from carepost.core.fhir.tasks import TaskParts, task_source
from carepost.core.models import Item, Order, RetailOrderLine, RetailProduct, Store
from carepost.core.patients.fhir import PATIENTS
from carepost.core.retail.lifecycle import RetailStatus
from carepost.core.retail.order_repository import DIALECT

STORE_PREFIX = "store"
REQUEST_STATUS = {
    RetailStatus.QUOTED.value: "draft",  # the pharmacy has not confirmed it
    RetailStatus.APPROVED.value: "active",
    RetailStatus.BUILDING.value: "active",
    RetailStatus.DISPATCHED.value: "active",
    RetailStatus.DELIVERED.value: "completed",
    RetailStatus.CANCELLED.value: "cancelled",
}


async def _requests(session: AsyncSession, rows: Sequence[OrderRow]) -> list[Resource]:
    repository_ = FhirRepository(session)
    lines = await repository_.by(RetailOrderLine.id, (line_id for _, line_id in rows))
    items = await repository_.by(Item.id, (line.item_id for line in lines.values()))
    found = []
    for order, line_id in rows:
        line = lines[line_id]
        item = items[line.item_id]
        found.append(
            resource(
                "MedicationRequest",
                order_resource_id(DIALECT, order, line.id),
                last_updated=order.updated_at,
                identifier=order_identifiers(order, numbered=True),
                groupIdentifier={"system": ORDER_ID, "value": order.public_id},
                status=REQUEST_STATUS.get(order.status, "unknown"),
                intent="order",
                medicationCodeableConcept=concept(item.name, coding(RXNORM, item.rxnorm), coding(GTIN, item.gtin), coding(SKU, item.sku)),
                subject=ref("Patient", f"{PATIENT_ROW_PREFIX}-{order.patient_id}"),
                authoredOn=instant(order.placed_at),
                requester=account_reference(order.account_id),
                dispenseRequest={"quantity": {"value": line.quantity}},
            )
        )
    return found


def _stores(scope: Scope, store_id: int | None, criteria: Criteria) -> Select[Any] | None:
    return repository.reference_rows(Store, key=store_id)


async def _render_stores(session: AsyncSession, stores: Sequence[Store]) -> list[Resource]:
    return [
        resource(
            "Location",
            f"{STORE_PREFIX}-{store.id}",
            identifier=identifier(STORE_CODE, store.code),
            status="active",
            name=store.name,
            mode="instance",
            address=one_address(store.address),
        )
        for store in stores
    ]


TASK_STATUS = {
    RetailStatus.QUOTED.value: "requested",
    RetailStatus.APPROVED.value: "accepted",
    RetailStatus.BUILDING.value: "in-progress",
    RetailStatus.DISPATCHED.value: "in-progress",
    RetailStatus.DELIVERED.value: "completed",
    RetailStatus.CANCELLED.value: "cancelled",
}


async def _task_parts(session: AsyncSession, orders: Sequence[Order]) -> dict[int, TaskParts]:
    repository_ = FhirRepository(session)
    lines = await repository_.grouped(RetailOrderLine.order_id, (order.id for order in orders))
    products = await repository_.by(RetailProduct.item_id, (line.item_id for found in lines.values() for line in found))
    found = {}
    for order in orders:
        prescribed = [line for line in lines.get(order.id, []) if products[line.item_id].requires_prescription]
        carrier, number = order.attributes.get("carrier"), order.attributes.get("tracking_number")
        found[order.id] = TaskParts(
            subject=ref("Patient", f"{PATIENT_ROW_PREFIX}-{order.patient_id}"),
            based_on=[ref("MedicationRequest", order_resource_id(DIALECT, order, line.id)) for line in prescribed],
            tracking=[(carrier, number)] if carrier and number else [],
        )
    return found


TASKS = task_source(DIALECT, TASK_STATUS, _task_parts, patient=PATIENT_ROW, numbered=True)

SOURCES = (
    PATIENTS,
    OrderSource(
        "MedicationRequest",
        DIALECT,
        _requests,
        statuses=REQUEST_STATUS,
        patient=PATIENT_ROW,
        numbered=True,
        lines=Lines(
            RetailOrderLine,
            where=(RetailProduct.requires_prescription.is_(True),),
            joins=((RetailProduct, RetailProduct.item_id == RetailOrderLine.item_id),),
        ),
    ),
    RowSource("Location", STORE_PREFIX, by_row_id(_stores), _render_stores),
    TASKS,
    document_source(TASKS, _task_parts),
)
